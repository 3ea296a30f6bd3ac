/**
 * `npm run new`: writes a new annotation file. In a terminal it asks for what
 * it needs; from a script every answer comes as a flag (see --help). It
 * checks the answers against the guide (the claim exists, the quoted words
 * occur exactly once, the sources exist), never overwrites a file, and ends
 * by checking the new file as the build will.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as prompts from '@clack/prompts';
import { stringify } from 'yaml';
import { checkGuide, type CheckedGuide } from '../compile.ts';
import { ContentError, formatProblems } from '../model/diagnostics.ts';
import { displayPath } from '../load/load-content.ts';
import { annotationKinds, idPattern, type AnnotationKind, type SchemaExtensions } from '../model/schema.ts';
import { commandGuide, SiteConfigError } from './site-options.ts';
import { findTextQuote } from 'remark-text-quote';

const usage = `Usage: npm run new -- [flags]

Writes content/annotations/<id>.md. Without flags, in a terminal, it asks.

  --on <claim-id>          the claim the annotation is about
  --in <comment-id>        or: the comment whose words it is about…
  --quote <words>          …and those exact words (with --prefix/--suffix if they occur twice)
  --prefix <words>         words right before the quoted ones
  --suffix <words>         words right after the quoted ones
  --kind <kind>            ${annotationKinds.join(', ')}
  --handle <handle>        your GitHub handle
  --source <id[@locator]>  a source it cites, such as smith2024@"§2.1"; repeat for more
  --text <text>            the annotation itself
  --id <id>                the file name (default: <claim>-<kind>-<handle>)
  --date <YYYY-MM-DD>      the date (default: today)
  --content <folder>       the content folder (default: $GUIDE_CONTENT, or the site's, or content)
  --help                   this text`;

export interface AnnotationAnswers {
  on?: string;
  in?: string;
  quote?: string;
  prefix?: string;
  suffix?: string;
  kind: AnnotationKind;
  handle?: string;
  sources: { source: string; locator?: string }[];
  text: string;
  id?: string;
  date: string;
}

/** What is wrong with the answers, checked against the guide; empty when they are fine. */
export function problemsWith(answers: AnnotationAnswers, guide: CheckedGuide): string[] {
  const problems: string[] = [];
  const { graph } = guide;
  if (!annotationKinds.includes(answers.kind)) problems.push(`--kind must be one of: ${annotationKinds.join(', ')}`);
  if (!answers.on && !(answers.in && answers.quote)) problems.push('Give --on <claim-id>, or --in <comment-id> with --quote <words>');
  if (answers.on && !graph.claims[answers.on]) problems.push(`No claim \`${answers.on}\`: use the <id> in a claim's address /claims/<id>/`);
  if (answers.in) {
    const comment = graph.comments.find((candidate) => candidate.id === answers.in);
    if (!comment) problems.push(`No comment \`${answers.in}\`: one of ${graph.comments.map((candidate) => candidate.id).join(', ')}`);
    else if (answers.quote) {
      const found = findTextQuote(comment.text, { exact: answers.quote, prefix: answers.prefix, suffix: answers.suffix }).length;
      if (found !== 1) problems.push(`The words occur ${found} times in ${comment.label}; they must occur once (copy them exactly, or add --prefix/--suffix)`);
    }
  }
  for (const { source } of answers.sources) {
    if (!graph.sources[source]) problems.push(`No source \`${source}\` in content/sources/: add it with its check first`);
  }
  if (answers.handle !== undefined && !/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/.test(answers.handle)) {
    problems.push(`\`${answers.handle}\` is not a GitHub handle`);
  }
  if (answers.text.trim() === '') problems.push('Give the annotation’s text with --text');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(answers.date)) problems.push('--date must be YYYY-MM-DD');
  if (answers.id !== undefined && !idPattern.test(answers.id)) problems.push(`\`${answers.id}\` cannot be an id: use lower-case letters, digits and single hyphens`);
  return problems;
}

export function defaultId(answers: AnnotationAnswers): string {
  return [answers.on ?? answers.in, answers.kind, answers.handle?.toLowerCase()]
    .filter(Boolean)
    .join('-')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The file's text: front matter written by a YAML library, so any value is quoted safely, then the body. */
export function annotationFile(answers: AnnotationAnswers): string {
  const data: Record<string, unknown> = { kind: answers.kind };
  if (answers.on) data.on = answers.on;
  if (answers.in && answers.quote) {
    data.quote = { in: answers.in, exact: answers.quote, ...(answers.prefix ? { prefix: answers.prefix } : {}), ...(answers.suffix ? { suffix: answers.suffix } : {}) };
  }
  if (answers.sources.length > 0) data.cites = answers.sources.map(({ source, locator }) => (locator ? { source, locator } : { source }));
  if (answers.handle) data.contributor = answers.handle;
  data.created = answers.date;
  return `---\n${stringify(data, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' })}---\n\n${answers.text.trim()}\n`;
}

const today = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

function parseSource(value: string): { source: string; locator?: string } {
  const at = value.indexOf('@');
  return at === -1 ? { source: value } : { source: value.slice(0, at), locator: value.slice(at + 1).replace(/^"|"$/g, '') };
}

async function ask(guide: CheckedGuide, given: Partial<AnnotationAnswers>): Promise<AnnotationAnswers> {
  const stop = <T>(value: T): Exclude<T, symbol> => {
    if (prompts.isCancel(value)) {
      prompts.cancel('Nothing was written.');
      process.exit(1);
    }
    return value as Exclude<T, symbol>;
  };
  prompts.intro('A new annotation');
  const { graph, content } = guide;
  const paraphrase = (id: string) => content.claims.find((entry) => entry.id === id)!.data.paraphrase;
  let on = given.on;
  let inComment = given.in;
  let quote = given.quote;
  if (!on && !quote) {
    const target = stop(
      await prompts.select({
        message: 'What is it about?',
        options: [
          { value: 'claim', label: 'A claim the guide marks' },
          { value: 'words', label: 'Other words of the thread' }
        ]
      })
    );
    if (target === 'claim') {
      on = stop(
        await prompts.autocomplete({
          message: 'Which claim? (type to filter)',
          options: graph.claimOrder.map((id) => ({ value: id, label: `${graph.claims[id]!.label} ${paraphrase(id)}`.slice(0, 110) }))
        })
      );
    } else {
      inComment = stop(await prompts.select({ message: 'In which comment?', options: graph.comments.map((comment) => ({ value: comment.id, label: comment.label })) }));
      quote = stop(
        await prompts.text({
          message: 'Paste the exact words',
          validate: (value) => {
            const comment = graph.comments.find((candidate) => candidate.id === inComment)!;
            const found = findTextQuote(comment.text, { exact: value ?? '' }).length;
            return found === 1 ? undefined : `These words occur ${found} times in ${comment.label}; they must occur once.`;
          }
        })
      );
    }
  }
  const kind = given.kind ?? stop(await prompts.select({ message: 'What kind of annotation?', options: annotationKinds.map((value) => ({ value, label: value })) }));
  const handle =
    given.handle ??
    (stop(await prompts.text({ message: 'Your GitHub handle (optional)', placeholder: 'octocat' })) || undefined);
  const sources =
    given.sources && given.sources.length > 0
      ? given.sources
      : await (async () => {
          const chosen = stop(
            await prompts.multiselect({
              message: 'Which sources does it cite? (space to choose, enter when done)',
              options: content.sources.map((entry) => ({ value: entry.id, label: `${entry.data.short}: ${entry.data.title}`.slice(0, 110) })),
              required: false
            })
          );
          const located: { source: string; locator?: string }[] = [];
          for (const source of chosen) {
            const locator = stop(await prompts.text({ message: `Where in ${source}? (such as "§2.1" or "p. 12"; optional)` }));
            located.push(locator ? { source, locator } : { source });
          }
          return located;
        })();
  const text = given.text ?? stop(await prompts.multiline({ message: 'The annotation itself, in Markdown (Tab, then Enter, to finish)', showSubmit: true }));
  return { on, in: inComment, quote, prefix: given.prefix, suffix: given.suffix, kind, handle, sources, text, id: given.id, date: given.date ?? today() };
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      on: { type: 'string' },
      in: { type: 'string' },
      quote: { type: 'string' },
      prefix: { type: 'string' },
      suffix: { type: 'string' },
      kind: { type: 'string' },
      handle: { type: 'string' },
      source: { type: 'string', multiple: true },
      text: { type: 'string' },
      id: { type: 'string' },
      date: { type: 'string' },
      content: { type: 'string' },
      help: { type: 'boolean' }
    }
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  let root: string;
  let schemas: SchemaExtensions;
  let guide: CheckedGuide;
  try {
    ({ folder: root, schemas } = await commandGuide(values.content));
    guide = await checkGuide(root, { schemas });
  } catch (error) {
    if (error instanceof SiteConfigError) {
      console.error(error.message);
      return 1;
    }
    if (!(error instanceof ContentError)) throw error;
    console.error(`The guide has errors to fix before adding to it:\n${formatProblems(error.problems)}`);
    return 1;
  }
  const given: Partial<AnnotationAnswers> = {
    on: values.on,
    in: values.in,
    quote: values.quote,
    prefix: values.prefix,
    suffix: values.suffix,
    kind: values.kind as AnnotationKind | undefined,
    handle: values.handle,
    sources: (values.source ?? []).map(parseSource),
    text: values.text,
    id: values.id,
    date: values.date
  };
  const complete = given.kind !== undefined && given.text !== undefined && (given.on !== undefined || given.quote !== undefined);
  if (!complete && !process.stdin.isTTY) {
    console.error(`Not enough to go on, and no terminal to ask in.\n\n${usage}`);
    return 1;
  }
  const answers = complete ? ({ ...given, sources: given.sources ?? [], date: given.date ?? today() } as AnnotationAnswers) : await ask(guide, given);
  const problems = problemsWith(answers, guide);
  if (problems.length > 0) {
    console.error(problems.map((problem) => `- ${problem}`).join('\n'));
    return 1;
  }
  const id = answers.id ?? defaultId(answers);
  const file = path.join(root, 'annotations', `${id}.md`);
  if (existsSync(file)) {
    console.error(`${displayPath(path.resolve(file))} already exists; nothing was written. Choose another name with --id.`);
    return 1;
  }
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, annotationFile(answers), { flag: 'wx' });
  const shown = displayPath(path.resolve(file));
  try {
    await checkGuide(root, { schemas });
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    console.error(`Wrote ${shown}, but it does not pass the check yet:\n${formatProblems(error.problems.filter((problem) => problem.file === shown))}`);
    return 1;
  }
  console.log(`Wrote ${shown}\nNext: read it over, then run  npm run check`);
  return 0;
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
