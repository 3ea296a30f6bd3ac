/**
 * The shapes `npm run check` prints its problems in: `plain` for people (the
 * default), `github` for GitHub Actions, which shows each problem on its
 * line of a pull request's diff, and `json` for other tools.
 */
import { countProblems, formatProblems, type Problem } from '../model/diagnostics.ts';

export const reportFormats = ['plain', 'github', 'json'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** What a check found besides its problems: the guide's size, once it compiled. */
export interface GuideCounts {
  comments: number;
  claims: number;
  annotations: number;
  sources: number;
  terms: number;
}

/** The data of a GitHub workflow command (its message): `%`, CR and LF are escaped. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property of a workflow command: also `:` and `,`, which separate the properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One workflow command per problem,
 * `::error file=…,line=…,col=…,title=<rule>::<message>` (`::warning` for a
 * warning), its hint on a second line of the message.
 */
export function githubCommands(problems: readonly Problem[]): string[] {
  return problems.map((problem) => {
    const properties = [`file=${escapeProperty(problem.file)}`];
    if (problem.line !== undefined) properties.push(`line=${problem.line}`);
    if (problem.column !== undefined) properties.push(`col=${problem.column}`);
    properties.push(`title=${escapeProperty(problem.rule)}`);
    const message = problem.hint ? `${problem.message}\nhint: ${problem.hint}` : problem.message;
    return `::${problem.severity} ${properties.join(',')}::${escapeData(message)}`;
  });
}

/** The report of one check in `format`; `guide` is given when the content compiled. */
export function report(format: ReportFormat, root: string, problems: readonly Problem[], guide?: GuideCounts): string {
  if (format === 'json') {
    const errors = problems.filter((problem) => problem.severity === 'error').length;
    return JSON.stringify({ content: root, errors, warnings: problems.length - errors, problems, ...(guide ? { guide } : {}) }, null, 2);
  }
  const lines = format === 'github' ? [...githubCommands(problems), countProblems(problems)] : problems.length > 0 ? [formatProblems(problems)] : [];
  if (guide) {
    const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    lines.push(
      `${root}: ${count(guide.comments, 'comment', 'comments')}, ${count(guide.claims, 'claim', 'claims')}, ${count(guide.annotations, 'annotation', 'annotations')}, ${count(guide.sources, 'source', 'sources')}, ${count(guide.terms, 'term', 'terms')}: no errors.`
    );
  }
  return lines.join('\n');
}
