// citation-js ships no type definitions; these cover what the guide uses.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    format(format: string, options?: Record<string, unknown>): unknown;
  }
  export const plugins: { config: { get(name: string): Record<string, unknown> } };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';
