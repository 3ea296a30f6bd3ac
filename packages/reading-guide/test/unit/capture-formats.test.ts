/**
 * Every platform's export, read into one shape: the recorded fixtures in
 * packages/reading-guide/test/fixtures/import (one thread, written for the tests, in each
 * platform's documented shape) each give the same comments, replies,
 * placeholders and words.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { commentMarkdown } from '../../src/capture/markdown.ts';
import { CaptureError, type CaptureFile, type CapturedThread } from '../../src/capture/model.ts';
import { detectFormat, readCapture } from '../../src/capture/read-capture.ts';
import { bodyFacts, parseMarkdown } from '../../src/load/markdown.ts';
import { fixturesRoot } from '../helpers/fixtures.ts';

export const importFixtures = path.join(fixturesRoot, 'import');

export function fixtureFiles(folder: string): CaptureFile[] {
  const dir = path.join(importFixtures, folder);
  return readdirSync(dir)
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }));
}

/** The format each fixture folder is in, and what its thread must read as. */
const cases = [
  { folder: 'forummagnum', format: 'forummagnum', root: false },
  { folder: 'forummagnum-markdown', format: 'forummagnum', root: false },
  { folder: 'hackernews-algolia', format: 'hackernews-algolia', root: true },
  { folder: 'hackernews-firebase', format: 'hackernews-firebase', root: true },
  { folder: 'reddit', format: 'reddit', root: true },
  { folder: 'discourse', format: 'discourse', root: true },
  { folder: 'github', format: 'github', root: true },
  { folder: 'mastodon', format: 'mastodon', root: true },
  { folder: 'bluesky', format: 'bluesky', root: true },
  { folder: 'plain', format: 'plain', root: true }
] as const;

const discourseBase = 'https://forum.example/t/should-our-style-guide-require-trailing-commas/4242';

function read(folder: string): CapturedThread {
  const files = fixtureFiles(folder);
  return readCapture(files, detectFormat(files), { base: folder === 'discourse' ? discourseBase : undefined });
}

const text = (thread: CapturedThread, index: number) => {
  const comment = thread.comments[index]!;
  return bodyFacts(commentMarkdown(thread, comment).tree).text;
};

describe('capture formats', () => {
  it.each(cases)('$folder: detected as $format from its content', ({ folder, format }) => {
    expect(detectFormat(fixtureFiles(folder))).toBe(format);
  });

  it.each(cases)('$folder: the thread’s replies, each after the comment it answers', ({ folder, root }) => {
    const thread = read(folder);
    const { comments } = thread;
    const position = new Map(comments.map((comment, index) => [comment.id, index]));
    for (const comment of comments) if (comment.parent !== undefined) expect(position.get(comment.parent)!).toBeLessThan(position.get(comment.id)!);
    // Whose words, in order: the question (where the platform has the post in the thread), the objection, the answer quoting it, …
    const authors = comments.filter((comment) => comment.author).map((comment) => comment.author!.name);
    const expected = ['Märta Fern', 'Quill Owl', 'River Stone', 'Tin Lantern'];
    if (root) expected.unshift('Quill Owl');
    // Hacker News, Reddit and GitHub show handles, not names.
    const handles = expected.map((name) => name.toLowerCase().replace('ä', 'a').replace(' ', '-'));
    expect([expected, handles]).toContainEqual(authors.slice(0, expected.length));
    const objection = comments.findIndex((comment) => comment.author && /M(ä|a)rta/i.test(comment.author.name));
    const answer = comments.findIndex((comment, index) => index > objection && comment.author && /quill/i.test(comment.author.name));
    // The answer replies to the objection, except on GitHub, whose comments all answer the issue.
    if (folder !== 'github') expect(comments[answer]!.parent).toBe(comments[objection]!.id);
    else expect(comments[answer]!.parent).toBe(comments[0]!.id);
  });

  it.each(cases)('$folder: non-ASCII words, a quotation and a code sample come through unchanged', ({ folder }) => {
    const thread = read(folder);
    const all = thread.comments.map((_, index) => text(thread, index)).join('\n');
    expect(all).toContain('I’m not convinced — in JSON files a trailing comma is a syntax error, and our config loader is naïve about that. Zoë hit it last week.');
    expect(all).toContain('設定ファイルは JSON5 で書けばいい。');
    const markdown = thread.comments.map((comment) => commentMarkdown(thread, comment).markdown).join('\n\n');
    // The answer's first words are a blockquote of the objection's.
    expect(markdown).toMatch(/^> in JSON files a trailing comma is a syntax error$/m);
    expect(markdown).toMatch(/^> I’m not convinced — in JSON files … our config loader is naïve about that$/m);
    // Bluesky and plain text have no code blocks; every other platform keeps the sample as code.
    if (folder === 'bluesky') expect(markdown).toContain("const colours = \\['red', 'green',];");
    else if (folder !== 'plain') expect(markdown).toMatch(/^(```(js)?\n|    )const colours = \[\n/m);
  });

  it.each(cases)('$folder: a comment the platform no longer shows keeps its place as a placeholder', ({ folder }) => {
    const thread = read(folder);
    const placeholders = thread.comments.filter((comment) => comment.status);
    if (folder === 'github' || folder === 'mastodon') {
      // GitHub keeps a deleted account's comment under the `ghost` user; Mastodon leaves a deleted post out, and its replies say so.
      expect(placeholders).toEqual([]);
      if (folder === 'github') expect(thread.comments.some((comment) => comment.author?.id === 'ghost')).toBe(true);
      else expect(thread.comments.filter((comment) => comment.parentMissing).map((comment) => text(thread, thread.comments.indexOf(comment)))).toEqual(['Replying to a post that has since gone: agreed.']);
      return;
    }
    expect(placeholders).toHaveLength(1);
    const [gone] = placeholders;
    expect(gone!.status).toBe('deleted');
    expect(gone!.author).toBeUndefined();
    expect(commentMarkdown(thread, gone!).markdown).toBe('');
    expect(gone!.permalink).toMatch(/^https?:\/\//);
  });

  it('keeps each platform’s own address for a comment', () => {
    const first = (folder: string, index: number) => read(folder).comments[index]!.permalink;
    expect(first('hackernews-algolia', 1)).toBe('https://news.ycombinator.com/item?id=999000002');
    expect(first('reddit', 1)).toBe('https://www.reddit.com/r/example/comments/zzdemo1/should_our_style_guide_require_trailing_commas/zzc0001/');
    expect(first('discourse', 1)).toBe(`${discourseBase}/2`);
    expect(first('github', 1)).toBe('https://github.com/demo-thread-fixture-org/style-guide/issues/7#issuecomment-5000000001');
    expect(first('mastodon', 1)).toBe('https://mastodon.example/@marta-fern@other.example/113000000000000002');
    expect(first('bluesky', 1)).toBe('https://bsky.app/profile/marta-fern.example/post/3demoreply001');
    expect(first('forummagnum', 0)).toBe('https://www.lesswrong.com/posts/DemoThreadFixture/should-our-style-guide-require-trailing-commas?commentId=fmDemoComment0001');
    expect(first('forummagnum-markdown', 0)).toBe('https://www.lesswrong.com/posts/DemoThreadFixture/should-our-style-guide-require-trailing-commas/comment/fmDemoComment0001');
  });

  it('keeps dates, edits, and the replies a platform lists without sending', () => {
    const reddit = read('reddit');
    expect(reddit.comments[1]).toMatchObject({ date: '2026-03-02T10:02:11.000Z', repliesNotCaptured: 2 });
    expect(reddit.comments[2]).toMatchObject({ edited: '2026-03-02T11:00:00.000Z' });
    expect(read('discourse').comments[2]).toMatchObject({ edited: true });
    expect(read('forummagnum').comments[1]).toMatchObject({ edited: '2026-03-02T11:00:00.000Z' });
    expect(read('mastodon').comments[2]).toMatchObject({ edited: '2026-03-02T11:00:00.000Z' });
    // A GitHub issue's `updated_at` moves with its comments: no edit is read into it.
    expect(read('github').comments[0]!.edited).toBeUndefined();
    expect(read('hackernews-firebase').comments[0]).toMatchObject({ date: '2026-03-02T09:15:00.000Z' });
    expect(read('plain').comments[1]).toMatchObject({ date: '2026-03-02', permalink: 'https://forum.example/t/trailing-commas#2' });
    expect(read('plain').comments[0]).toMatchObject({ permalink: 'https://forum.example/t/trailing-commas', permalinkOpensSubthread: true });
  });

  it('turns Bluesky’s facets into links over the right characters, after non-ASCII text', () => {
    const thread = read('bluesky');
    const markdown = thread.comments.map((comment) => commentMarkdown(thread, comment).markdown).join('\n');
    expect(markdown).toContain('<https://example.org/json5-notes>');
    expect(markdown).toContain('[@marta-fern.example](https://bsky.app/profile/did:plc:martafernfixtureaaaaaaaa)');
    expect(markdown).toContain('[#styleguide](https://bsky.app/hashtag/styleguide)');
  });

  it('reads the thread’s title, site and address where the export has them', () => {
    expect(read('forummagnum')).toMatchObject({ title: 'Should our style guide require trailing commas?', site: 'LessWrong', url: 'https://www.lesswrong.com/posts/DemoThreadFixture/should-our-style-guide-require-trailing-commas' });
    expect(read('hackernews-algolia')).toMatchObject({ title: 'Ask HN: Should our style guide require trailing commas?', site: 'Hacker News', url: 'https://news.ycombinator.com/item?id=999000001' });
    expect(read('discourse')).toMatchObject({ site: 'forum.example', url: discourseBase });
    expect(read('github')).toMatchObject({ title: 'Should our style guide require trailing commas?', site: 'GitHub' });
    expect(read('mastodon')).toMatchObject({ title: 'Should our style guide require trailing commas in multi-line literals? Adding an…', site: 'mastodon.example' });
    expect(read('plain')).toMatchObject({ title: 'Should our style guide require trailing commas?', site: 'Forum Example' });
  });
});

describe('bad exports', () => {
  const fail = (files: CaptureFile[], format?: Parameters<typeof readCapture>[1]) => {
    try {
      readCapture(files, format ?? detectFormat(files), { base: discourseBase });
    } catch (error) {
      expect(error).toBeInstanceOf(CaptureError);
      return (error as Error).message;
    }
    throw new Error('no error');
  };

  it('names the JSON path of a value the format does not have there', () => {
    const [file] = fixtureFiles('forummagnum');
    const broken = JSON.parse(file!.text);
    broken.data.comments.results[3].contents = 'a string';
    expect(fail([{ name: 'graphql.json', text: JSON.stringify(broken) }], 'forummagnum')).toBe('graphql.json: $.data.comments.results[3].contents: expected an object, found a string');
    delete broken.data.comments.results[1].pageUrl;
    expect(fail([{ name: 'graphql.json', text: JSON.stringify(broken) }], 'forummagnum')).toBe('graphql.json: $.data.comments.results[1].pageUrl: missing: expected a string');
    const reddit = JSON.parse(fixtureFiles('reddit')[0]!.text);
    reddit[1].data.children[0].data.replies.data.children[0].data.created_utc = 'yesterday';
    expect(fail([{ name: 'thread.json', text: JSON.stringify(reddit) }])).toBe('thread.json: $[1].data.children[0].data.replies.data.children[0].data.created_utc: expected a number, found a string');
  });

  it('names the line and column of JSON that does not parse', () => {
    expect(fail([{ name: 'x.json', text: '{\n  "data": {\n    "comments": [1, 2,]\n  }\n}' }], 'forummagnum')).toMatch(/^x\.json: line 3, column 2\d: not valid JSON/);
  });

  it('says when JSON is of no known format, and names the formats', () => {
    expect(fail([{ name: 'x.json', text: '{"hello": "world"}' }])).toMatch(/^x\.json: \$: JSON of no format the importer knows \(forummagnum, .*bluesky\)/);
  });

  it('names the line of a plain-text capture that is wrong', () => {
    expect(fail([{ name: 't.txt', text: 'Title: T\n\nstray words\n[1] Alice\nHello.' }])).toBe('t.txt: line 3: text before the first comment: start each comment with a line such as `[1] Alice`');
    expect(fail([{ name: 't.txt', text: '[1] Alice\nHello.\n[2] Bob, replying to [3]\nHi.' }])).toBe('t.txt: line 3: `[3]` is not a comment above this one');
    expect(fail([{ name: 't.txt', text: 'A note of my own.\n[1] Alice\nHello.' }], 'plain')).toBe('t.txt: line 1: text before the first comment: start each comment with a line such as `[1] Alice`');
    expect(fail([{ name: 't.txt', text: '[1] Alice · 2024-02-30\nHello.' }], 'plain')).toBe('t.txt: line 1: `2024-02-30` is not a day of the calendar');
    expect(fail([{ name: 't.txt', text: '[1] Alice · 2024-02-29T25:00Z\nHello.' }], 'plain')).toBe('t.txt: line 1: `2024-02-29T25:00Z` is not a day of the calendar');
  });

  it.each(cases)('$folder: read as any other format, says where it does not fit, without a stack trace', ({ folder, format }) => {
    const files = fixtureFiles(folder);
    for (const other of cases.map((item) => item.format).filter((name, index, all) => name !== format && all.indexOf(name) === index)) {
      if (other === 'plain') continue; // Any text is plain text (a capture that marks no comments); the importer refuses one that holds none.
      expect(fail(files, other)).toMatch(/^[\w.-]+: (\$|line )/);
    }
  });

  it('names the node of a Bluesky or Hacker News tree that is not a post, however deep', () => {
    const bluesky = JSON.parse(fixtureFiles('bluesky')[0]!.text);
    bluesky.thread.replies[0].replies = [null];
    expect(fail([{ name: 'thread.json', text: JSON.stringify(bluesky) }])).toBe('thread.json: $.thread.replies[0].replies[0]: expected an object, found null');
    const hackerNews = JSON.parse(fixtureFiles('hackernews-algolia')[0]!.text);
    hackerNews.children[0].children[0] = 'gone';
    expect(fail([{ name: 'item.json', text: JSON.stringify(hackerNews) }])).toBe('item.json: $.children[0].children[0]: expected an object, found a string');
  });

  it('reads a reply chain thousands deep without exhausting the stack', () => {
    // Written out by hand: JSON.stringify itself recurses.
    const item = (id: number) => `{"id":${id},"created_at_i":1700000000,"type":"comment","author":"a","text":"<p>${id}</p>","children":[`;
    const json = Array.from({ length: 20_000 }, (_, index) => item(index + 1)).join('') + ']}'.repeat(20_000);
    expect(readCapture([{ name: 'item.json', text: json }]).comments).toHaveLength(20_000);
  });

  it('asks for the context when given a Mastodon status alone', () => {
    const statusFile = fixtureFiles('mastodon').find((file) => !file.name.includes('context'))!;
    expect(fail([statusFile])).toMatch(/^status\.json: \$: a Mastodon status without its context/);
  });
});

describe('HTML in a comment', () => {
  const redditWith = (body: string) => {
    const thread = JSON.parse(fixtureFiles('reddit')[0]!.text);
    thread[1].data.children[0].data.body = body;
    const captured = readCapture([{ name: 'thread.json', text: JSON.stringify(thread) }]);
    return commentMarkdown(captured, captured.comments[1]!).markdown;
  };
  const githubWith = (body: string) => {
    const files = fixtureFiles('github');
    const issue = JSON.parse(files.find((file) => file.name === 'issue.json')!.text);
    issue.body = body;
    const captured = readCapture(files.map((file) => (file.name === 'issue.json' ? { ...file, text: JSON.stringify(issue) } : file)));
    return commentMarkdown(captured, captured.comments[0]!).markdown;
  };

  it('keeps what a Reddit commenter typed as words, as Reddit shows it', () => {
    const markdown = redditWith('Use <script>alert(1)</script> or Array<string> here.');
    expect(bodyFacts(parseMarkdown(markdown)).text).toBe('Use <script>alert(1)</script> or Array<string> here.');
    let html = false;
    visit(parseMarkdown(markdown), 'html', () => {
      html = true;
    });
    expect(html).toBe(false);
  });

  it('reads HTML as HTML where the platform does, keeping its words and dropping what could run', () => {
    const markdown = githubWith('Before <script>alert(1)</script><style>p { color: red }</style> <a href="javascript:alert(1)">the link</a> <a>bare</a> <img src="data:text/html,x" alt="a picture"> after.');
    expect(markdown).not.toMatch(/script|javascript:|data:|color: red|<a|<img/i);
    expect(bodyFacts(parseMarkdown(markdown)).text).toMatch(/^Before\s+the link bare a picture after\.$/);
  });
});

