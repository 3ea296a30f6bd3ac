/**
 * `npm run import` as a user runs it: from each platform's recorded export to
 * a content folder the check accepts and a site that builds, in which every
 * page is reached and no link is broken; from a thread's address, through a
 * local server answering as the platform's API; and refusing what it must.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { checkGuide } from '../../src/compile.ts';
import { buildSite, userEnvironment } from '../helpers/build-site.ts';
import { crawl, serve } from '../helpers/crawl.ts';
import { fixturesRoot, projectRoot } from '../helpers/fixtures.ts';
import { recordedApi, type Route } from '../helpers/recorded-api.ts';

const fixtures = path.join(fixturesRoot, 'import');
const discourseUrl = 'https://forum.example/t/should-our-style-guide-require-trailing-commas/4242';

/** Runs `npm run import -- …args` in a child process, as a user would; asynchronous, so a server in this process can answer it. */
function runImport(args: string[]): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'packages/reading-guide/src/cli/import.ts'), ...args], { cwd: projectRoot, env: userEnvironment() });
    let output = '';
    child.stdout.on('data', (data: Buffer) => (output += data.toString()));
    child.stderr.on('data', (data: Buffer) => (output += data.toString()));
    child.on('close', (status) => resolve({ status, output }));
  });
}

const folderFor = async (name: string) => path.join(await mkdtemp(path.join(tmpdir(), `import-${name}-`)), 'content');
const filesOf = (folder: string) => readdirSync(path.join(fixtures, folder)).sort().map((name) => path.join(fixtures, folder, name));

const formats = ['forummagnum', 'forummagnum-markdown', 'hackernews-algolia', 'hackernews-firebase', 'reddit', 'discourse', 'github', 'mastodon', 'bluesky', 'plain'];

describe('npm run import, from a file', () => {
  it.each(formats)('%s: writes a guide the check accepts and a site that builds, every page reached and no link broken', async (format) => {
    const out = await folderFor(format);
    const { status, output } = await runImport([...filesOf(format), '--out', out, ...(format === 'discourse' ? ['--url', discourseUrl] : [])]);
    expect(status, output).toBe(0);
    expect(output).toMatch(/^Imported \d+ comments \(/m);
    expect(output).toContain(`Next: GUIDE_CONTENT=${out} npm run check`);
    expect(output).not.toMatch(/^\s+at /m);

    // What the check makes of it: every comment, every commenter, and the quotations linked to what they quote.
    const { graph, content } = await checkGuide(out);
    const commenters = Object.values(content.guide!.data.commenters).map((commenter) => commenter.name);
    expect(commenters).toEqual(['Commenter A', 'Commenter B', 'Commenter C', 'Commenter D', ...(format === 'github' ? ['Commenter E'] : [])]);
    const objection = graph.comments.find((comment) => comment.text.startsWith('I’m not convinced'))!;
    const quoted = objection.marks.filter((mark) => mark.kind === 'quoted').map((mark) => objection.text.slice(mark.start, mark.end));
    // The answer quotes one passage whole; the reply after it quotes two pieces with the words between left out.
    expect(quoted).toEqual(['I’m not convinced — in JSON files', 'in JSON files a trailing comma is a syntax error', 'our config loader is naïve about that']);

    const guide = parse(await readFile(path.join(out, 'guide.yaml'), 'utf8'));
    expect(guide.names).toBe('neutral');
    expect(guide.capture.files.map((file: { path: string }) => file.path)).toEqual(readdirSync(path.join(fixtures, format)).sort());
    for (const file of guide.capture.files as { path: string; sha256: string }[]) {
      const kept = await readFile(path.join(out, 'capture', file.path));
      expect(kept.equals(readFileSync(path.join(fixtures, format, file.path))), `${file.path} kept as received`).toBe(true);
      expect(createHash('sha256').update(kept).digest('hex')).toBe(file.sha256);
    }

    const built = buildSite({ GUIDE_CONTENT: out });
    expect(built.status, built.output).toBe(0);
    const served = await serve(built.outDir, '/');
    try {
      const { pages, broken } = await crawl(served.url);
      expect(broken).toEqual([]);
      expect(pages.has('/')).toBe(true);
      const home = await (await fetch(served.url)).text();
      // A placeholder where the platform shows none of a comment's words, and dates where it gives them.
      if (format !== 'github' && format !== 'mastodon') expect(home).toMatch(/Deleted on [^<]+ before the thread was captured\./);
      if (format === 'mastodon') expect(home).toContain('This replies to a comment that is not in the capture.');
      if (format !== 'plain') expect(home).toMatch(/<time datetime="2026-03-02T10:02:11(\.000)?Z"[^>]*>March 2, 2026<\/time>/);
      if (format !== 'plain' && format !== 'bluesky') expect(home).toMatch(/<pre[^>]*><code[^>]*>[\s\S]*colours/);
      expect(home).toContain('設定ファイルは JSON5 で書けばいい。');
    } finally {
      served.close();
    }
  });

  it('names commenters as on the platform with --names real, and reads in order of posting with --order chronological', async () => {
    // A reply to the first comment (D1) posted before the reply to its answer (C1): thread order and posting order differ.
    const folder = await mkdtemp(path.join(tmpdir(), 'order-'));
    const export_ = JSON.parse(readFileSync(path.join(fixtures, 'forummagnum/graphql.json'), 'utf8'));
    export_.data.comments.results[3].postedAt = '2026-03-02T10:50:00.000Z';
    await writeFile(path.join(folder, 'graphql.json'), JSON.stringify(export_));
    const byThread = await folderFor('thread-order');
    expect((await runImport([path.join(folder, 'graphql.json'), '--out', byThread])).status).toBe(0);
    const out = await folderFor('real');
    const { status, output } = await runImport([path.join(folder, 'graphql.json'), '--out', out, '--names', 'real', '--order', 'chronological']);
    expect(status, output).toBe(0);
    const guide = parse(await readFile(path.join(out, 'guide.yaml'), 'utf8'));
    expect(guide.names).toBe('real');
    expect(Object.values(guide.commenters).map((commenter) => (commenter as { name: string }).name)).toEqual(['Märta Fern', 'Quill Owl', 'Tin Lantern', 'River Stone']);
    const times = async (content: string) => (await checkGuide(content)).graph.comments.map((comment) => comment.date?.slice(11, 16));
    expect(await times(byThread)).toEqual(['10:02', '10:40', '11:05', '10:50', '13:01']);
    expect(await times(out)).toEqual(['10:02', '10:40', '10:50', '11:05', '13:01']);
  });

  it('refuses to write over a guide unless told to, and then keeps its annotations', async () => {
    const out = await folderFor('again');
    expect((await runImport([...filesOf('reddit'), '--out', out])).status).toBe(0);
    await mkdir(path.join(out, 'claims'), { recursive: true });
    await writeFile(
      path.join(out, 'claims/json-syntax.md'),
      '---\nparaphrase: Trailing commas break JSON.\nquote:\n  in: b1\n  exact: in JSON files a trailing comma is a syntax error\nrelations: []\ncites: []\n---\n'
    );
    const before = await readFile(path.join(out, 'guide.yaml'), 'utf8');
    const refused = await runImport([...filesOf('reddit'), '--out', out]);
    expect(refused.status).toBe(1);
    expect(refused.output).toContain(`import: ${out} already holds a guide: give --force`);
    expect(await readFile(path.join(out, 'guide.yaml'), 'utf8')).toBe(before);
    // What the editors wrote in guide.yaml stays; what the import decides is written afresh.
    const edited = parse(before);
    edited.title = 'Trailing commas, read closely';
    edited.editorNotes.push('The editors asked each commenter before publishing.');
    edited.commenters.B.description = 'maintains the config loader';
    edited.license = { name: 'CC0 1.0', url: 'https://creativecommons.org/publicdomain/zero/1.0/' };
    await writeFile(path.join(out, 'guide.yaml'), stringify(edited));
    const forced = await runImport([...filesOf('reddit'), '--out', out, '--force']);
    expect(forced.status, forced.output).toBe(0);
    expect(existsSync(path.join(out, 'claims/json-syntax.md'))).toBe(true);
    expect((await checkGuide(out)).graph.claimOrder).toEqual(['json-syntax']);
    const after = parse(await readFile(path.join(out, 'guide.yaml'), 'utf8'));
    expect(after.title).toBe('Trailing commas, read closely');
    expect(after.license.name).toBe('CC0 1.0');
    expect(after.commenters.B).toEqual({ name: 'Commenter B', description: 'maintains the config loader' });
    expect(after.editorNotes.filter((note: string) => note.startsWith('The thread was imported from'))).toHaveLength(1);
    expect(after.editorNotes).toContain('The editors asked each commenter before publishing.');
  });

  it('never writes into a folder that holds something other than a guide', async () => {
    const out = await folderFor('not-a-guide');
    await mkdir(out, { recursive: true });
    await writeFile(path.join(out, 'notes.txt'), 'mine');
    for (const args of [[], ['--force']]) {
      const refused = await runImport([...filesOf('reddit'), '--out', out, ...args]);
      expect(refused.status).toBe(1);
      expect(refused.output.trim()).toBe(`import: ${out} is not empty and holds no guide: --out a new or empty folder`);
    }
    expect(readdirSync(out)).toEqual(['notes.txt']);
  });

  it('keeps two export files of the same name under two names', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'twins-'));
    await mkdir(path.join(folder, 'one'));
    await mkdir(path.join(folder, 'two'));
    await writeFile(path.join(folder, 'one/answer.json'), readFileSync(path.join(fixtures, 'mastodon/status.json')));
    await writeFile(path.join(folder, 'two/answer.json'), readFileSync(path.join(fixtures, 'mastodon/context.json')));
    const out = await folderFor('twins');
    const { status, output } = await runImport([path.join(folder, 'one/answer.json'), path.join(folder, 'two/answer.json'), '--out', out]);
    expect(status, output).toBe(0);
    expect(readdirSync(path.join(out, 'capture')).sort()).toEqual(['answer-2.json', 'answer.json']);
    expect((await checkGuide(out)).graph.comments).toHaveLength(6);
  });

  it('says which quotations it found in no earlier comment', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'outside-'));
    const text = readFileSync(path.join(fixtures, 'plain/thread.txt'), 'utf8').replace('Could we switch the loader', '> Any sufficiently lenient parser is indistinguishable from a bug.\nCould we switch the loader');
    await writeFile(path.join(folder, 'thread.txt'), text);
    const out = await folderFor('outside');
    const { status, output } = await runImport([path.join(folder, 'thread.txt'), '--out', out]);
    expect(status, output).toBe(0);
    expect(output).toMatch(/A quotation found in no earlier comment, so marked as quoting a text outside the thread/);
    expect(output).toMatch(new RegExp(`${out}/thread/d1\\.md: “Any sufficiently lenient parser is indistinguishable …”`));
  });

  it('reports a bad export with its file and JSON path, writes nothing, and shows no stack trace', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'bad-export-'));
    const broken = JSON.parse(readFileSync(path.join(fixtures, 'forummagnum/graphql.json'), 'utf8'));
    broken.data.comments.results[3].contents = 'a string';
    await writeFile(path.join(folder, 'graphql.json'), JSON.stringify(broken));
    const out = await folderFor('bad');
    const { status, output } = await runImport([path.join(folder, 'graphql.json'), '--out', out]);
    expect(status).toBe(1);
    expect(output.trim()).toBe('import: graphql.json: $.data.comments.results[3].contents: expected an object, found a string');
    expect(existsSync(out)).toBe(false);
    const missing = await runImport([path.join(folder, 'no-such.json'), '--out', out]);
    expect(missing.status).toBe(1);
    expect(missing.output.trim()).toBe(`import: no such file: ${path.join(folder, 'no-such.json')}`);
    const usage = await runImport([path.join(folder, 'graphql.json'), '--format', 'myspace']);
    expect(usage.status).toBe(2);
    expect(usage.output).toContain('--format must be one of: forummagnum, hackernews-algolia');
    expect(usage.output).toContain('Usage: npm run import');
    for (const [flag, value] of [['--url', 'forum.example/t/1'], ['--api-origin', 'file:///etc']]) {
      const wrong = await runImport([path.join(folder, 'graphql.json'), flag!, value!]);
      expect(wrong.status).toBe(2);
      expect(wrong.output).toContain(`${flag} must be an http or https address`);
    }
    const directory = await runImport([folder, '--out', out]);
    expect(directory.status).toBe(1);
    expect(directory.output.trim()).toBe(`import: ${folder} is a folder: give the export's file (or files) in it`);
    await writeFile(path.join(folder, 'notes.txt'), 'Some notes about a thread,\nbut no comment marked in them.\n');
    const unmarked = await runImport([path.join(folder, 'notes.txt'), '--out', out]);
    expect(unmarked.status).toBe(1);
    expect(unmarked.output.trim()).toBe('import: notes.txt: no comment starts in it: start each with a line such as `[1] Alice` (see --help)');
    for (const run of [usage, directory, unmarked]) expect(run.output).not.toMatch(/^\s+at /m);
    expect(existsSync(out)).toBe(false);
  });
});

describe('npm run import, from a thread’s address', () => {
  const file = (folder: string, name: string) => path.join(fixtures, folder, name);
  const firebase = JSON.parse(readFileSync(file('hackernews-firebase', 'items.json'), 'utf8')) as { id: number }[];
  /** For each platform: the address a reader pastes, what the recorded API answers, and the requests that must be made. */
  const platforms: { name: string; address: (origin: string) => string; routes: Route[]; asked: string[]; kept: string[]; apiOrigin?: boolean }[] = [
    {
      name: 'Hacker News',
      address: () => 'https://news.ycombinator.com/item?id=999000001',
      routes: [{ path: '/api/v1/items/999000001', file: file('hackernews-algolia', 'item.json') }],
      asked: ['GET /api/v1/items/999000001'],
      kept: [file('hackernews-algolia', 'item.json')],
      apiOrigin: true
    },
    {
      name: 'Hacker News, official API',
      address: (origin) => `${origin}/v0/item/999000001.json`,
      routes: firebase.map((item) => ({ path: `/v0/item/${item.id}.json`, body: JSON.stringify(item) })),
      // The story, then each item's replies as its `kids` list them, level by level.
      asked: ['999000001', '999000002', '999000006', '999000003', '999000005', '999000004'].map((id) => `GET /v0/item/${id}.json`),
      kept: []
    },
    {
      name: 'Reddit',
      address: () => 'https://www.reddit.com/r/example/comments/zzdemo1/should_our_style_guide_require_trailing_commas/',
      routes: [{ path: '/r/example/comments/zzdemo1.json', file: file('reddit', 'thread.json') }],
      asked: ['GET /r/example/comments/zzdemo1.json?limit=500'],
      kept: [file('reddit', 'thread.json')],
      apiOrigin: true
    },
    {
      name: 'Discourse',
      address: (origin) => `${origin}/t/should-our-style-guide-require-trailing-commas/4242`,
      routes: [
        { path: '/t/4242.json', file: file('discourse', 'topic.json') },
        { path: '/t/4242/posts.json', file: file('discourse', 'posts.json') }
      ],
      // The topic gives its first posts and the ids of all; the others are asked for by id.
      asked: ['GET /t/4242.json?include_raw=true', 'GET /t/4242/posts.json?include_raw=true&post_ids[]=9005&post_ids[]=9006'],
      kept: [file('discourse', 'topic.json'), file('discourse', 'posts.json')]
    },
    {
      name: 'GitHub',
      address: () => 'https://github.com/demo-thread-fixture-org/style-guide/issues/7',
      routes: [
        { path: '/repos/demo-thread-fixture-org/style-guide/issues/7', file: file('github', 'issue.json') },
        {
          path: '/repos/demo-thread-fixture-org/style-guide/issues/7/comments?per_page=100',
          file: file('github', 'comments-1.json'),
          headers: (origin) => ({ link: `<${origin}/repos/demo-thread-fixture-org/style-guide/issues/7/comments?per_page=100&page=2>; rel="next", <${origin}/repos/demo-thread-fixture-org/style-guide/issues/7/comments?per_page=100&page=2>; rel="last"` })
        },
        { path: '/repos/demo-thread-fixture-org/style-guide/issues/7/comments?per_page=100&page=2', file: file('github', 'comments-2.json') }
      ],
      asked: [
        'GET /repos/demo-thread-fixture-org/style-guide/issues/7',
        'GET /repos/demo-thread-fixture-org/style-guide/issues/7/comments?per_page=100',
        'GET /repos/demo-thread-fixture-org/style-guide/issues/7/comments?per_page=100&page=2'
      ],
      kept: [file('github', 'issue.json'), file('github', 'comments-1.json'), file('github', 'comments-2.json')],
      apiOrigin: true
    },
    {
      name: 'Mastodon',
      address: (origin) => `${origin}/@marta-fern@other.example/113000000000000002`,
      routes: [
        { path: '/api/v1/statuses/113000000000000002', file: file('mastodon', 'status.json') },
        { path: '/api/v1/statuses/113000000000000002/context', file: file('mastodon', 'context.json') }
      ],
      asked: ['GET /api/v1/statuses/113000000000000002', 'GET /api/v1/statuses/113000000000000002/context'],
      kept: [file('mastodon', 'status.json'), file('mastodon', 'context.json')]
    },
    {
      name: 'Bluesky',
      address: () => 'https://bsky.app/profile/marta-fern.example/post/3demoreply001',
      routes: [{ path: '/xrpc/app.bsky.feed.getPostThread', file: file('bluesky', 'thread.json') }],
      asked: [`GET /xrpc/app.bsky.feed.getPostThread?uri=${encodeURIComponent('at://marta-fern.example/app.bsky.feed.post/3demoreply001')}&depth=1000&parentHeight=1000`],
      kept: [file('bluesky', 'thread.json')],
      apiOrigin: true
    },
    {
      name: 'LessWrong',
      address: () => 'https://www.lesswrong.com/posts/DemoThreadFixture/should-our-style-guide-require-trailing-commas',
      routes: [{ method: 'POST', path: '/graphql', file: file('forummagnum', 'graphql.json') }],
      asked: ['POST /graphql'],
      kept: [file('forummagnum', 'graphql.json')],
      apiOrigin: true
    },
    {
      name: 'LessWrong, Markdown',
      address: () => 'https://www.lesswrong.com/api/post/should-our-style-guide-require-trailing-commas/comments',
      routes: [{ path: '/api/post/should-our-style-guide-require-trailing-commas/comments', file: file('forummagnum-markdown', 'comments.md') }],
      asked: ['GET /api/post/should-our-style-guide-require-trailing-commas/comments'],
      kept: [file('forummagnum-markdown', 'comments.md')],
      apiOrigin: true
    }
  ];

  it.each(platforms)('$name: asks the API for every page of the thread, politely, and keeps each answer as it came', async ({ address, routes, asked, kept, apiOrigin }) => {
    const api = await recordedApi(routes);
    try {
      const out = await folderFor('fetched');
      const { status, output } = await runImport([address(api.origin), '--out', out, '--pause', '120', ...(apiOrigin ? ['--api-origin', api.origin] : [])]);
      expect(status, output).toBe(0);
      expect(api.requests.map((request) => `${request.method} ${request.url}`)).toEqual(asked);
      for (const request of api.requests) expect(request.headers['user-agent']).toMatch(/^reading-guide-import\/\d+\.\d+\.\d+ \(/);
      // A pause between two requests, as the importer was told.
      for (const [index, request] of api.requests.entries()) if (index > 0) expect(request.at - api.requests[index - 1]!.at).toBeGreaterThanOrEqual(110);
      const guide = parse(await readFile(path.join(out, 'guide.yaml'), 'utf8'));
      for (const [index, source] of kept.entries()) {
        const entry = guide.capture.files[index] as { path: string; url: string };
        expect((await readFile(path.join(out, 'capture', entry.path))).equals(readFileSync(source))).toBe(true);
        expect(entry.url.startsWith(api.origin)).toBe(true);
      }
      await checkGuide(out);
    } finally {
      await api.close();
    }
  });

  it('says what answered when the API answers with an error, and writes nothing', async () => {
    const api = await recordedApi([]);
    try {
      const out = await folderFor('unanswered');
      const { status, output } = await runImport(['https://news.ycombinator.com/item?id=999000001', '--out', out, '--api-origin', api.origin]);
      expect(status).toBe(1);
      expect(output).toContain(`import: ${api.origin}/api/v1/items/999000001: the server answered 404 Not Found`);
      expect(existsSync(out)).toBe(false);
    } finally {
      await api.close();
    }
  });

  it('says which addresses it can fetch when it cannot tell the platform', async () => {
    const { status, output } = await runImport(['https://example.org/some/page', '--out', await folderFor('unknown')]);
    expect(status).toBe(1);
    expect(output).toContain('import: The importer cannot tell which platform https://example.org/some/page is on.');
  });
});
