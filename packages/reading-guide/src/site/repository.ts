/**
 * Where the guide's files live on GitHub, for the links that let a reader
 * suggest or edit an annotation. From `repository` in content/guide.yaml, or
 * else from the GitHub Actions run that builds the site (so a fork links to
 * itself); without either, the links are left out.
 */
import type { GuideData } from '../model/schema.ts';

export interface Repository {
  url: string;
  branch: string;
}

export function repositoryOf(meta: GuideData, environment: Record<string, string | undefined> = process.env): Repository | undefined {
  if (meta.repository) return meta.repository;
  const name = environment.GITHUB_REPOSITORY;
  if (!name) return undefined;
  return { url: `${environment.GITHUB_SERVER_URL ?? 'https://github.com'}/${name}`, branch: environment.GITHUB_REF_NAME || 'main' };
}

export const editUrl = (repository: Repository, filePath: string) => `${repository.url}/edit/${repository.branch}/${filePath}`;

export const historyUrl = (repository: Repository, filePath: string) => `${repository.url}/commits/${repository.branch}/${filePath}`;

export const profileUrl = (handle: string) => `https://github.com/${handle}`;

/** The annotation a reader starts from when suggesting one: every field, with what to put there. */
export function annotationTemplate({ on, source, locator }: { on?: string; source?: string; locator?: string }): string {
  return [
    '---',
    'kind: counterargument',
    `on: ${on ?? '<the id of the claim it answers, from its page address /claims/<id>/>'}`,
    'cites:',
    `  - source: ${source ?? '<a file name in content/sources/, or add the source there with its check>'}`,
    `    locator: "${locator ?? '<where in the source: §2.1, p. 12>'}"`,
    'contributor: <your GitHub handle>',
    'created: "<today, as YYYY-MM-DD>"',
    '---',
    '',
    '<The counterargument at its strongest, in your own words, and what the source shows.>',
    ''
  ].join('\n');
}

/** GitHub's page for a new file in `contentFolder`/annotations/ (the content folder as the repository names it), filled in with `template`. */
export function suggestUrl(repository: Repository, contentFolder: string, name: string, template: string): string {
  const query = new URLSearchParams({ filename: `${name}.md`, value: template });
  return `${repository.url}/new/${repository.branch}/${contentFolder}/annotations?${query}`;
}
