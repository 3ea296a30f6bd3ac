/**
 * `npm create reading-guide` in a real terminal: its questions are answered
 * with keystrokes, as a user answers them, through a pseudo-terminal that
 * util-linux's `script` gives the command (on Debian and Ubuntu alike), so
 * what is tested is the prompts themselves, not an injected stand-in.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { userEnvironment } from '../../reading-guide/test/helpers/build-site.ts';
import { fixturesRoot, projectRoot } from '../../reading-guide/test/helpers/fixtures.ts';

const command = path.join(projectRoot, 'packages/create-reading-guide/index.js');
// The first page of a Discourse topic, written for the tests: the posts it holds, without the rest of the thread.
const discourseExport = path.join(fixturesRoot, 'import/discourse/topic.json');

if (spawnSync('script', ['--version']).status !== 0) {
  throw new Error('These tests need util-linux’s `script` for a terminal: apt-get install util-linux');
}

const keys = { enter: '\r', down: '\u001b[B', interrupt: '\u0003' };

/** What the terminal shows, without its colours and cursor movements. */
const plain = (text: string) => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');

/**
 * Runs the command in a terminal in a fresh folder, and answers each
 * question once the terminal shows it: `answers` pairs the words awaited
 * with the keys typed then; `args` are the command's flags.
 */
async function inTerminal(answers: [awaited: string, typed: string][], args: string[] = []): Promise<{ code: number | null; cwd: string; screen: string }> {
  const cwd = await mkdtemp(path.join(tmpdir(), 'create-terminal-'));
  const child = spawn('script', ['--quiet', '--flush', '--return', '--command', `stty cols 100 rows 40; ${[process.execPath, command, ...args].map((word) => JSON.stringify(word)).join(' ')}`, '/dev/null'], {
    cwd,
    // A terminal that `script` opens has no size until it is given one, and the prompts wrap at every character.
    env: userEnvironment({ TERM: 'xterm-256color' })
  });
  let screen = '';
  let next = 0;
  let answered = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    screen += chunk.toString('utf8');
    // Each answer waits for its question, which appears after the answer before it was taken.
    while (next < answers.length && plain(screen).indexOf(answers[next]![0], answered) !== -1) {
      answered = plain(screen).indexOf(answers[next]![0], answered) + answers[next]![0].length;
      child.stdin.write(answers[next]![1]);
      next += 1;
    }
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, cwd, screen: plain(screen) };
}

describe('npm create reading-guide in a terminal', () => {
  it('asks for the folder, the start and what the export does not say, and imports the thread it is given', async () => {
    const { code, cwd, screen } = await inTerminal([
      ['Folder to make it in', `notes-guide${keys.enter}`],
      ['Start from', `${keys.down}${keys.enter}`],
      ['Export file or address of the discussion', `${discourseExport}${keys.enter}`],
      // A Discourse export does not say which site it is from: the import asks.
      ['Address of the discussion', `https://forum.example/t/should-our-style-guide-require-trailing-commas/4242${keys.enter}`]
    ]);
    expect(code, screen).toBe(0);
    expect(screen).toContain('A new reading guide');
    expect(screen).toMatch(/Imported 4 comments \(discourse\)/);
    expect(screen).toContain('in notes-guide/. Next:');
    const content = path.join(cwd, 'notes-guide/content');
    expect(await readFile(path.join(content, 'capture/topic.json'))).toEqual(await readFile(discourseExport));
    expect((await readdir(path.join(content, 'thread'))).length).toBe(4);
    const guide = parse(await readFile(path.join(content, 'guide.yaml'), 'utf8'));
    expect(guide.capture.format).toBe('discourse');
    expect(guide.thread.url).toBe('https://forum.example/t/should-our-style-guide-require-trailing-commas/4242');
  });

  it('takes the defaults when the user only presses Enter: my-guide, from the starter guide', async () => {
    const { code, cwd, screen } = await inTerminal([
      ['Folder to make it in', keys.enter],
      ['Start from', keys.enter]
    ]);
    expect(code, screen).toBe(0);
    const guide = parse(await readFile(path.join(cwd, 'my-guide/content/guide.yaml'), 'utf8'));
    expect(guide.demonstration).toBe(true);
    expect(await readdir(cwd)).toEqual(['my-guide']);
  });

  it('writes nothing when the user interrupts a question', async () => {
    const { code, cwd, screen } = await inTerminal([
      ['Folder to make it in', `half-typed${keys.enter}`],
      ['Start from', keys.interrupt]
    ]);
    expect(code, screen).toBe(1);
    expect(screen).toContain('Cancelled: nothing was written.');
    expect(await readdir(cwd)).toEqual([]);
  });
});
