/**
 * The render stage's unified plugins, each on its own, as remark-gfm is
 * tested: every folder in `<plugin>/fixtures/` is a case. Its `input.md` is
 * parsed (with GFM, as the guide parses), run through the plugin with the
 * options in `options.json` (none when it is missing) and turned into HTML,
 * which must be `output.html`; a rehype plugin runs after remark-rehype, or
 * on `input.html` parsed as a fragment when the case has that instead. The
 * fields of `data.json` are put on `file.data` first (a comment's plan).
 * The messages must be those in `messages.json` (none when it is missing);
 * a case whose run fails has a fatal message there and no `output.html`.
 *
 * `UPDATE_FIXTURES=1 npx vitest run packages/reading-guide/test/plugins`
 * writes `output.html` and `messages.json` from what the plugins give: read
 * every change before committing it.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Pluggable } from 'unified';
import { VFile, type Data } from 'vfile';
import { describe, expect, it } from 'vitest';
import { rehypeBaseLinks } from '../../src/render/rehype-base-links.ts';
import { rehypeCanonicalArxiv } from '../../src/render/rehype-canonical-arxiv.ts';
import { remarkGlossaryLinks } from '../../src/render/remark-glossary-links.ts';
import { remarkSmartPunctuation } from '../../src/render/remark-smart-punctuation.ts';
import { remarkThreadMarks } from '../../src/render/remark-thread-marks.ts';

const update = process.env.UPDATE_FIXTURES === '1';

/** Each plugin, by the name of its folder, and whether it works on the Markdown tree or the HTML one. */
const plugins = {
  'remark-thread-marks': { plugin: remarkThreadMarks, tree: 'mdast' },
  'remark-glossary-links': { plugin: remarkGlossaryLinks, tree: 'mdast' },
  'remark-smart-punctuation': { plugin: remarkSmartPunctuation, tree: 'mdast' },
  'rehype-base-links': { plugin: rehypeBaseLinks, tree: 'hast' },
  'rehype-canonical-arxiv': { plugin: rehypeCanonicalArxiv, tree: 'hast' }
} as const;

/** The text of a case's file, or undefined when the case has none. */
async function caseFile(folder: URL, file: string): Promise<string | undefined> {
  const url = new URL(file, folder);
  return existsSync(url) ? readFile(url, 'utf8') : undefined;
}

async function caseJson(folder: URL, file: string): Promise<unknown> {
  const text = await caseFile(folder, file);
  return text === undefined ? undefined : JSON.parse(text);
}

/** What the plugin gives for the case in `folder`: its HTML, unless it failed, and its messages. */
async function run(name: keyof typeof plugins, folder: URL) {
  const { plugin, tree } = plugins[name];
  const use = [plugin, await caseJson(folder, 'options.json')] as Pluggable;
  const html = await caseFile(folder, 'input.html');
  const processor =
    html !== undefined
      ? unified().use(rehypeParse, { fragment: true }).use([use]).use(rehypeStringify)
      : tree === 'mdast'
        ? unified().use(remarkParse).use(remarkGfm).use([use]).use(remarkRehype).use(rehypeStringify)
        : unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use([use]).use(rehypeStringify);
  const file = new VFile({ value: html ?? (await caseFile(folder, 'input.md')), data: ((await caseJson(folder, 'data.json')) ?? {}) as Data });
  let output: string | undefined;
  try {
    // One line feed at the end, as the files are written, whether or not the input ended with one.
    output = `${String(await processor.process(file)).replace(/\n+$/, '')}\n`;
  } catch (error) {
    // A plugin that fails does so with `file.fail`, which adds its message to the file too.
    if (!file.messages.includes(error as never)) throw error;
  }
  const messages = file.messages.map(({ ruleId, source, line, column, reason, fatal }) => ({ ruleId, source, line, column, reason, fatal }));
  return { output, messages };
}

/** Writes a fixture's file, or removes it when there is nothing to write. */
async function record(file: URL, text: string | undefined): Promise<void> {
  if (text === undefined) await rm(file, { force: true });
  else await writeFile(file, text);
}

for (const name of Object.keys(plugins) as (keyof typeof plugins)[]) {
  const fixtures = new URL(`${name}/fixtures/`, import.meta.url);
  const cases = (await readdir(fixtures)).sort();

  describe(name, () => {
    it('has cases', () => {
      expect(cases.length).toBeGreaterThan(1);
    });

    it.each(cases)('%s', async (fixture) => {
      const folder = new URL(`${fixture}/`, fixtures);
      const { output, messages } = await run(name, folder);
      if (update) {
        await record(new URL('output.html', folder), output);
        await record(new URL('messages.json', folder), messages.length > 0 ? `${JSON.stringify(messages, null, 2)}\n` : undefined);
      }
      expect(output).toBe(await caseFile(folder, 'output.html'));
      expect(messages).toEqual((await caseJson(folder, 'messages.json')) ?? []);
    });
  });
}
