/**
 * CONTRIBUTING.md is what a newcomer follows, so its examples are tested as a
 * newcomer would use them, against the shipped guide: the example annotation
 * and source files, each quoted-words snippet and the scripted `npm run new`
 * all pass the checker.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Code } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { compileGuide } from '../../packages/reading-guide/src/compile.ts';
import { projectRoot } from '../../packages/reading-guide/test/helpers/fixtures.ts';

const guide = await readFile(path.join(projectRoot, 'CONTRIBUTING.md'), 'utf8');
const examples: Code[] = [];
visit(unified().use(remarkParse).parse(guide), 'code', (node) => {
  examples.push(node);
});
const example = (lang: string, start: string) => {
  const found = examples.filter((node) => node.lang === lang && node.value.startsWith(start));
  expect(found.length, `CONTRIBUTING.md has no ${lang} example starting "${start}"`).toBeGreaterThan(0);
  return found;
};

async function shippedGuideWith(files: Record<string, string>): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'contributing-'));
  await cp(path.join(projectRoot, 'content'), folder, { recursive: true });
  for (const [file, text] of Object.entries(files)) await writeFile(path.join(folder, file), text);
  return folder;
}

async function expectNoProblems(folder: string): Promise<void> {
  const { warnings } = await compileGuide(folder, { base: '/' });
  expect(warnings).toEqual([]);
}

describe('CONTRIBUTING.md', () => {
  it('shows an annotation with every field that passes the checker as it stands', async () => {
    const [annotation] = example('md', '---\nkind:');
    await expectNoProblems(await shippedGuideWith({ 'annotations/contributing-example.md': `${annotation!.value}\n` }));
  });

  it('shows a new source, with its checks, that passes the checker', async () => {
    const [source] = example('md', '---\ntype:');
    const compiled = await compileGuide(await shippedGuideWith({ 'sources/contributing-example.md': `${source!.value}\n` }), { base: '/' });
    expect(compiled.graph.sources['contributing-example']).toBeDefined();
  });

  it('shows quoted words and citations that match the thread and the sources', async () => {
    const snippets = [...example('yaml', 'quote:'), ...example('yaml', 'cites:')];
    expect(snippets.length).toBeGreaterThanOrEqual(3);
    const files = Object.fromEntries(
      snippets.map((snippet, index) => {
        const on = snippet.value.startsWith('cites:') ? 'on: b1-weak-concern\n' : '';
        return [`annotations/contributing-snippet-${index}.md`, `---\nkind: context\n${on}${snippet.value}\n---\n\nA note on these words.\n`];
      })
    );
    const { warnings } = await compileGuide(await shippedGuideWith(files), { base: '/' });
    // The quote snippets cite nothing, which is only a warning.
    expect(warnings.filter((warning) => warning.rule !== 'unsourced-annotation')).toEqual([]);
  });

  it('shows an `npm run new` command for scripts that writes an annotation the checker accepts', async () => {
    const [command] = example('sh', 'npm run new --');
    const words = command!.value
      .replace(/\\\n/g, ' ')
      .match(/"[^"]*"|\S+/g)!
      .map((word) => word.replace(/^"|"$/g, ''));
    const flags = words.slice(words.indexOf('--') + 1);
    const folder = await shippedGuideWith({});
    const result = spawnSync(process.execPath, [path.join(projectRoot, 'packages/reading-guide/src/cli/new-annotation.ts'), '--content', folder, ...flags], {
      cwd: projectRoot,
      encoding: 'utf8',
      input: ''
    });
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
    await expectNoProblems(folder);
  });
});
