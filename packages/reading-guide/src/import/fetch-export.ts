/**
 * Fetches a thread's export from the address a reader would paste: the
 * platform's API is asked for what its page shows, with a user agent that
 * says what is asking, a pause between two requests, and every page of a
 * paginated answer. Each response is kept as it came, to be the capture.
 */
import { createRequire } from 'node:module';
import type { KeptCaptureFile } from './guide-files.ts';

export class FetchError extends Error {
  override name = 'FetchError';
}

export interface FetchOptions {
  /** Milliseconds to wait between two requests. */
  pause: number;
  /** Ask this origin instead of the platform's API (a mirror, or a test's recorded responses). */
  apiOrigin?: string;
  log: (line: string) => void;
}

/** The most requests one import makes: a thread that needs more is fetched in parts by hand. */
const maxRequests = 400;
/** The largest response read. */
const maxBytes = 64 * 1024 * 1024;

const version = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
export const userAgent = `reading-guide-import/${version} (builds a static reading guide of one discussion)`;

interface Request {
  url: string;
  name: string;
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
}

class Fetcher {
  #count = 0;
  #last = 0;
  readonly #options: FetchOptions;

  constructor(options: FetchOptions) {
    this.#options = options;
  }

  async get(request: Request): Promise<{ file: KeptCaptureFile; json: unknown; headers: Headers }> {
    if (++this.#count > maxRequests) {
      throw new FetchError(
        `More than ${maxRequests} requests would be needed. For Hacker News, give the item's news.ycombinator.com address, which one request fetches; otherwise save the export in parts and give its files.`
      );
    }
    for (let attempt = 1; ; attempt++) {
      // The pause runs from the end of the last answer, so that a slow answer does not shorten it.
      const wait = this.#last + this.#options.pause - Date.now();
      if (this.#last > 0 && wait > 0) await sleep(wait);
      this.#options.log(`  ${request.method ?? 'GET'} ${request.url}`);
      let response: Response;
      try {
        response = await fetch(request.url, {
          method: request.method ?? 'GET',
          body: request.body,
          headers: { 'user-agent': userAgent, accept: 'application/json', ...(request.body ? { 'content-type': 'application/json' } : {}), ...request.headers },
          redirect: 'follow',
          signal: AbortSignal.timeout(60_000)
        });
      } catch (error) {
        throw new FetchError(`${request.url}: ${((error as Error).cause as Error | undefined)?.message ?? (error as Error).message}`);
      } finally {
        this.#last = Date.now();
      }
      // Asked to slow down: wait as long as the platform says (within reason) and ask again.
      if ((response.status === 429 || response.status === 503) && attempt < 3) {
        const after = Number(response.headers.get('retry-after'));
        await response.body?.cancel();
        await sleep(Math.min(Number.isFinite(after) && after > 0 ? after * 1000 : this.#options.pause * 4, 60_000));
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new FetchError(`${request.url}: the server answered ${response.status} ${response.statusText}`);
      }
      const bytes = new Uint8Array(await response.arrayBuffer());
      this.#last = Date.now();
      if (bytes.length > maxBytes) throw new FetchError(`${request.url}: the answer is larger than ${maxBytes / 1024 / 1024} MB`);
      const text = new TextDecoder().decode(bytes);
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { file: { name: request.name, bytes, url: request.url }, json, headers: response.headers };
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The origin to ask: the platform's API, or the one the options name instead. */
const apiAt = (platform: string, options: FetchOptions) => (options.apiOrigin ?? platform).replace(/\/$/, '');

/**
 * How each platform's page address becomes the requests for its export.
 * A self-hosted platform (Discourse, Mastodon) is told by the shape of the
 * address and asked on the same origin.
 */
export async function fetchExport(address: string, options: FetchOptions): Promise<KeptCaptureFile[]> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new FetchError(`Not an address: ${address}`);
  }
  const fetcher = new Fetcher(options);
  const host = url.hostname.replace(/^www\./, '');
  const path = url.pathname;
  let match: RegExpExecArray | null;

  if (host === 'news.ycombinator.com' && url.searchParams.get('id')) {
    const id = url.searchParams.get('id')!;
    return [(await fetcher.get({ url: `${apiAt('https://hn.algolia.com', options)}/api/v1/items/${encodeURIComponent(id)}`, name: `hn-item-${safe(id)}.json` })).file];
  }
  if ((match = /^\/api\/v1\/items\/(\d+)$/.exec(path))) {
    return [(await fetcher.get({ url: url.href, name: `hn-item-${match[1]}.json` })).file];
  }
  if ((match = /^\/v0\/item\/(\d+)\.json$/.exec(path))) return [await firebaseItems(fetcher, url.origin, Number(match[1]))];
  if (host === 'reddit.com' || host.endsWith('.reddit.com')) {
    if (!(match = /^(\/r\/[^/]+\/comments\/[a-z0-9]+)(?:\/[^/]*)?\/?/i.exec(path)) && !(match = /^(\/comments\/[a-z0-9]+)\/?/i.exec(path))) {
      throw new FetchError(`Not the address of a Reddit thread: ${address}`);
    }
    return [(await fetcher.get({ url: `${apiAt('https://www.reddit.com', options)}${match[1]}.json?limit=500`, name: 'reddit-thread.json' })).file];
  }
  if (host === 'github.com') {
    if (!(match = /^\/([^/]+)\/([^/]+)\/(?:issues|pull)\/(\d+)/.exec(path))) throw new FetchError(`Not the address of a GitHub issue or pull request: ${address}`);
    return githubConversation(fetcher, apiAt('https://api.github.com', options), match[1]!, match[2]!, match[3]!);
  }
  if (host === 'bsky.app') {
    if (!(match = /^\/profile\/([^/]+)\/post\/([^/]+)/.exec(path))) throw new FetchError(`Not the address of a Bluesky post: ${address}`);
    const uri = `at://${match[1]}/app.bsky.feed.post/${match[2]}`;
    const api = apiAt('https://public.api.bsky.app', options);
    return [(await fetcher.get({ url: `${api}/xrpc/app.bsky.feed.getPostThread?uri=${encodeURIComponent(uri)}&depth=1000&parentHeight=1000`, name: 'bluesky-thread.json' })).file];
  }
  if (forumMagnumHosts.has(host)) {
    if (/^\/api\/post\/[^/]+\/comments\/?$/.test(path)) return [(await fetcher.get({ url: `${options.apiOrigin ?? url.origin}${path}${url.search}`, name: 'forummagnum-comments.md', headers: { accept: 'text/markdown' } })).file];
    if (!(match = /^\/(?:posts|s\/[^/]+\/p|events|g\/[^/]+\/p)\/([A-Za-z0-9]{10,24})(?:\/|$)/.exec(path))) throw new FetchError(`Not the address of a post: ${address}`);
    return forumMagnumComments(fetcher, options.apiOrigin ?? url.origin, match[1]!);
  }
  if ((match = /^\/t\/(?:[^/]+\/)?(\d+)(?:\/\d+)?\/?$/.exec(path))) return discourseTopic(fetcher, options.apiOrigin ?? url.origin, match[1]!);
  if ((match = /^\/@[^/]+\/(\d+)\/?$/.exec(path)) || (match = /^\/users\/[^/]+\/statuses\/(\d+)\/?$/.exec(path))) {
    const api = options.apiOrigin ?? url.origin;
    const status = await fetcher.get({ url: `${api}/api/v1/statuses/${match[1]}`, name: 'mastodon-status.json' });
    const context = await fetcher.get({ url: `${api}/api/v1/statuses/${match[1]}/context`, name: 'mastodon-context.json' });
    return [status.file, context.file];
  }
  throw new FetchError(
    `The importer cannot tell which platform ${address} is on. It fetches Hacker News, Reddit, GitHub, Bluesky, LessWrong and the other ForumMagnum sites, Discourse (/t/…) and Mastodon (/@user/…) addresses; otherwise save the export and give its file.`
  );
}

/** The ForumMagnum sites: their posts' addresses are alike, and each answers GraphQL at /graphql. */
const forumMagnumHosts = new Set(['lesswrong.com', 'alignmentforum.org', 'forum.effectivealtruism.org']);

const safe = (text: string) => text.replace(/[^A-Za-z0-9_-]/g, '-');

/** Every item of a Hacker News thread from the official API: the story, then each item's replies, level by level. */
async function firebaseItems(fetcher: Fetcher, origin: string, id: number): Promise<KeptCaptureFile> {
  const items: unknown[] = [];
  const queue = [id];
  const prefix = new URL(`/v0/item/`, origin).href;
  while (queue.length > 0) {
    const next = queue.shift()!;
    const { json } = await fetcher.get({ url: `${prefix}${next}.json`, name: `${next}.json` });
    if (json === null || typeof json !== 'object') continue;
    items.push(json);
    queue.push(...(((json as { kids?: unknown }).kids as number[] | undefined) ?? []).filter((kid) => Number.isInteger(kid)));
  }
  // The list of items is the format's export: one file, the responses in the order fetched.
  return { name: `hn-items-${id}.json`, bytes: new TextEncoder().encode(`${JSON.stringify(items, null, 1)}\n`), url: `${prefix}${id}.json` };
}

const githubHeaders = { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' };

async function githubConversation(fetcher: Fetcher, api: string, owner: string, repo: string, number: string): Promise<KeptCaptureFile[]> {
  const base = `${api}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/issues/${number}`;
  const files = [(await fetcher.get({ url: base, name: 'github-issue.json', headers: githubHeaders })).file];
  let next: string | undefined = `${base}/comments?per_page=100`;
  for (let page = 1; next; page++) {
    const response = await fetcher.get({ url: next, name: `github-comments-${page}.json`, headers: githubHeaders });
    files.push(response.file);
    next = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('link') ?? '')?.[1];
  }
  return files;
}

/** Discourse sends a topic's first posts with the ids of all; the rest come twenty at a time. */
async function discourseTopic(fetcher: Fetcher, origin: string, id: string): Promise<KeptCaptureFile[]> {
  const topic = await fetcher.get({ url: `${origin}/t/${id}.json?include_raw=true`, name: 'discourse-topic.json' });
  const stream = (topic.json as { post_stream?: { stream?: unknown; posts?: { id?: unknown }[] } } | undefined)?.post_stream;
  if (!stream || !Array.isArray(stream.stream)) throw new FetchError(`${origin}/t/${id}.json is not a Discourse topic`);
  const loaded = new Set((stream.posts ?? []).map((post) => post.id));
  const missing = (stream.stream as unknown[]).filter((postId): postId is number => Number.isInteger(postId) && !loaded.has(postId));
  const files = [topic.file];
  for (let start = 0; start < missing.length; start += 20) {
    const ids = missing.slice(start, start + 20).map((postId) => `post_ids[]=${postId}`).join('&');
    files.push((await fetcher.get({ url: `${origin}/t/${id}/posts.json?include_raw=true&${ids}`, name: `discourse-posts-${start / 20 + 2}.json` })).file);
  }
  return files;
}

/** ForumMagnum's GraphQL: the post's title and address, and its comments, a page of them at a time. */
async function forumMagnumComments(fetcher: Fetcher, origin: string, postId: string): Promise<KeptCaptureFile[]> {
  const limit = 5000;
  const files: KeptCaptureFile[] = [];
  for (let offset = 0; ; offset += limit) {
    const query = `query ReadingGuideImport($postId: String!, $limit: Int, $offset: Int) {
  post(selector: { _id: $postId }) { result { _id title pageUrl } }
  comments(selector: { postCommentsOld: { postId: $postId } }, limit: $limit, offset: $offset) {
    results { _id postId parentCommentId postedAt lastEditedAt deleted deletedPublic pageUrl contents { markdown html } user { _id displayName username slug } }
  }
}`;
    const response = await fetcher.get({
      url: `${origin}/graphql`,
      method: 'POST',
      body: JSON.stringify({ query, variables: { postId, limit, offset } }),
      name: `forummagnum-comments-${offset / limit + 1}.json`
    });
    const results = (response.json as { data?: { comments?: { results?: unknown[] } }; errors?: { message?: string }[] } | undefined);
    if (!results?.data?.comments) throw new FetchError(`${origin}/graphql: ${results?.errors?.[0]?.message ?? 'no comments in the answer'}`);
    files.push(response.file);
    if ((results.data.comments.results ?? []).length < limit) return files;
  }
}
