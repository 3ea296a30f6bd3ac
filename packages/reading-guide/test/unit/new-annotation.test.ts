/**
 * `npm run new` in flags mode, as a script or CI would run it, and the
 * template the site's "Suggest a counterargument" link opens.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileGuide } from '../../src/compile.ts';
import { annotationTemplate, repositoryOf, suggestUrl } from '../../src/site/repository.ts';
import { guideCopy, projectRoot } from '../helpers/fixtures.ts';

const scaffold = (folder: string, ...flags: string[]) => {
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'packages/reading-guide/src/cli/new-annotation.ts'), '--content', folder, ...flags], {
    cwd: projectRoot,
    encoding: 'utf8',
    input: ''
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
};

describe('npm run new, with flags', () => {
  it('writes an annotation on a claim that passes the check, and prints its path and the next command', async () => {
    const folder = await guideCopy();
    const { status, output } = scaffold(
      folder,
      '--on', 'c1-tasks', '--kind', 'counterargument', '--handle', 'octocat',
      '--source', 'src1@§4: "quoted" part', '--date', '2026-11-26',
      '--text', 'Models may not "like" tasks: a colon: and # a hash are fine.'
    );
    expect(status, output).toBe(0);
    const file = path.join(folder, 'annotations/c1-tasks-counterargument-octocat.md');
    expect(output).toContain(`Wrote ${path.relative(projectRoot, file)}`);
    expect(output).toContain('npm run check');
    const compiled = await compileGuide(folder, { base: '/' });
    expect(compiled.warnings).toEqual([]);
    expect(compiled.graph.annotations['c1-tasks-counterargument-octocat']).toMatchObject({
      kind: 'counterargument',
      on: 'c1-tasks',
      citations: [{ source: 'src1', locator: '§4: "quoted" part' }]
    });
    const entry = compiled.content.annotations.find((candidate) => candidate.id === 'c1-tasks-counterargument-octocat')!;
    expect(entry.data).toMatchObject({ contributor: 'octocat', created: '2026-11-26' });
    expect(entry.body.trim()).toBe('Models may not "like" tasks: a colon: and # a hash are fine.');
  });

  it('annotates words of the thread, picked out with a prefix', async () => {
    const folder = await guideCopy();
    const { status, output } = scaffold(folder, '--in', 'c1', '--quote', 'paragraph', '--prefix', 'Second ', '--kind', 'question', '--text', 'Which one?', '--id', 'which-paragraph');
    expect(status, output).toBe(0);
    const compiled = await compileGuide(folder, { base: '/' });
    expect(compiled.graph.annotations['which-paragraph']).toMatchObject({ kind: 'question', comment: 'c1', exact: 'paragraph' });
  });

  it('refuses to overwrite a file', async () => {
    const folder = await guideCopy();
    const file = path.join(folder, 'annotations/ann1.md');
    const before = await readFile(file, 'utf8');
    const { status, output } = scaffold(folder, '--on', 'c1-tasks', '--kind', 'support', '--text', 'Again.', '--id', 'ann1');
    expect(status).toBe(1);
    expect(output).toContain('already exists; nothing was written');
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('says everything that is wrong with the answers, and writes nothing', async () => {
    const folder = await guideCopy();
    const { status, output } = scaffold(folder, '--on', 'no-such-claim', '--kind', 'rant', '--source', 'nowhere', '--handle', 'not a handle', '--text', 'x');
    expect(status).toBe(1);
    for (const problem of ['--kind must be one of', 'No claim `no-such-claim`', 'No source `nowhere`', 'is not a GitHub handle']) expect(output).toContain(problem);
    const quoted = scaffold(folder, '--in', 'c1', '--quote', 'paragraph', '--kind', 'question', '--text', 'Which?');
    expect(quoted.output).toContain('occur 2 times');
  });

  it('without a terminal and without enough flags, prints how to use it', async () => {
    const { status, output } = scaffold(await guideCopy(), '--kind', 'support');
    expect(status).toBe(1);
    expect(output).toContain('Usage: npm run new');
  });
});

/**
 * Answers the prompts in a real pseudo-terminal (util-linux `script`), the way
 * a person would: waits for each question, then types.
 */
async function converse(folder: string, steps: [question: RegExp, keys: string][]): Promise<{ status: number | null; screen: string }> {
  // A pseudo-terminal made without a parent terminal is 0 columns wide, and the
  // prompts would wrap after every character: give it a size first.
  const command = `stty cols 120 rows 40; ${[process.execPath, path.join(projectRoot, 'packages/reading-guide/src/cli/new-annotation.ts'), '--content', folder].map((part) => `'${part}'`).join(' ')}`;
  const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: projectRoot, env: { ...process.env, TERM: 'xterm', COLUMNS: '120', LINES: '40' } });
  let screen = '';
  child.stdout.on('data', (chunk: Buffer) => (screen += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (screen += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  for (const [question, keys] of steps) {
    const seenBefore = screen.length;
    for (let waited = 0; !question.test(screen.slice(Math.max(0, seenBefore - 2000))); waited += 50) {
      if (waited > 15_000) throw new Error(`No prompt ${question} in:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    for (const key of keys) {
      child.stdin.write(key);
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
  }
  return { status: await exited, screen };
}

describe('npm run new, in a terminal', () => {
  const enter = '\r';
  it('asks for the claim, kind, handle, sources and text, and writes a file that passes the check', async () => {
    const folder = await guideCopy();
    const { status, screen } = await converse(folder, [
      [/What is it about\?/, enter],
      [/Which claim\?/, `follow${enter}`],
      [/What kind of annotation\?/, `\x1b[B${enter}`],
      [/Your GitHub handle/, `octocat${enter}`],
      [/Which sources does it cite\?/, ` ${enter}`],
      [/Where in src1\?/, `§5${enter}`],
      [/The annotation itself/, `Models are asked, not persuaded.\t${enter}`]
    ]);
    expect(status, screen).toBe(0);
    expect(screen).toContain('npm run check');
    const compiled = await compileGuide(folder, { base: '/' });
    expect(compiled.warnings).toEqual([]);
    const [id, node] = Object.entries(compiled.graph.annotations).find(([candidate]) => candidate !== 'ann1')!;
    expect(node).toMatchObject({ kind: 'support', on: 'c2-disagree', citations: [{ source: 'src1', locator: '§5' }] });
    const entry = compiled.content.annotations.find((candidate) => candidate.id === id)!;
    expect(entry.data.contributor).toBe('octocat');
    expect(entry.body.trim()).toBe('Models are asked, not persuaded.');
  });
});

describe('the suggest link’s template', () => {
  it('becomes a valid annotation once its placeholders are filled', async () => {
    const folder = await guideCopy();
    const filled = annotationTemplate({ on: 'c1-tasks' })
      .replace(/<a file name in content\/sources\/[^>]*>/, 'src1')
      .replace(/<where in the source[^>]*>/, '§2')
      .replace('<your GitHub handle>', 'octocat')
      .replace('<today, as YYYY-MM-DD>', '2026-11-26')
      .replace(/<The counterargument[^>]*>/, 'A fair objection.');
    expect(filled).not.toMatch(/<[^>]+>/);
    await writeFile(path.join(folder, 'annotations/suggested.md'), filled);
    const compiled = await compileGuide(folder, { base: '/' });
    expect(compiled.graph.annotations.suggested).toMatchObject({ kind: 'counterargument', on: 'c1-tasks' });
  });

  it('is opened in GitHub’s new-file page of the configured repository', () => {
    const repository = repositoryOf({ repository: undefined } as never, { GITHUB_REPOSITORY: 'reader/guide', GITHUB_REF_NAME: 'main' })!;
    const url = new URL(suggestUrl(repository, 'guides/first', 'x-counterargument', annotationTemplate({ on: 'x' })));
    expect(`${url.origin}${url.pathname}`).toBe('https://github.com/reader/guide/new/main/guides/first/annotations');
    expect(url.searchParams.get('filename')).toBe('x-counterargument.md');
    expect(url.searchParams.get('value')).toContain('on: x\n');
    expect(repositoryOf({ repository: undefined } as never, {})).toBeUndefined();
  });
});
