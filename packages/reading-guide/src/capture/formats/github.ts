/**
 * GitHub: an issue's or pull request's conversation from the REST API: the
 * issue (`GET /repos/{owner}/{repo}/issues/{number}`) and its comments
 * (`…/issues/{number}/comments`, a list, one file a page), or the comments
 * alone. GitHub's comments are not threaded: each answers the issue, and
 * replies quote what they answer. A comment of a deleted account is shown as
 * the `ghost` user's.
 */
import { z } from 'zod';
import { dateString, readAs } from '../json.ts';
import type { CapturedComment, CapturedThread, CaptureFile } from '../model.ts';
import type { JsonFormat } from '../model.ts';

const user = z.looseObject({ login: z.string(), type: z.string().nullish() }).nullish();

const issue = z.looseObject({
  id: z.number(),
  number: z.number().int(),
  title: z.string(),
  body: z.string().nullish(),
  user,
  html_url: z.url(),
  created_at: dateString.nullish(),
  updated_at: dateString.nullish(),
  pull_request: z.unknown().optional()
});

const comment = z.looseObject({
  id: z.number(),
  body: z.string().nullish(),
  user,
  html_url: z.url(),
  issue_url: z.url().nullish(),
  created_at: dateString.nullish(),
  updated_at: dateString.nullish()
});

/** `https://github.com/{owner}/{repo}/issues/{n}` or `…/pull/{n}`, with any `#issuecomment-…` left off. */
const conversation = /^https:\/\/github\.com\/[^/]+\/[^/]+\/(?:issues|pull)\/\d+/;

const isIssue = (value: unknown) => typeof (value as { number?: unknown } | null)?.number === 'number' && conversation.test(String((value as { html_url?: unknown }).html_url));
const isComment = (value: unknown) => typeof (value as { id?: unknown } | null)?.id === 'number' && /#issuecomment-\d+$/.test(String((value as { html_url?: unknown }).html_url));

export const github: JsonFormat = {
  format: 'github',
  detect: (documents) =>
    documents.length > 0 &&
    documents.every((document) => isIssue(document) || (Array.isArray(document) && document.every(isComment))) &&
    documents.some((document) => isIssue(document) || (document as unknown[]).length > 0),
  read(documents: readonly unknown[], files: readonly CaptureFile[]): CapturedThread {
    let root: CapturedComment | undefined;
    let title: string | undefined;
    let url: string | undefined;
    const comments: CapturedComment[] = [];
    for (const [index, document] of documents.entries()) {
      const file = files[index]!.name;
      if (!Array.isArray(document)) {
        const item = readAs(issue, document, file);
        title = item.title;
        url = item.html_url;
        // An issue's `updated_at` moves with every comment and label, so it says nothing of edits.
        root = { id: `issue-${item.number}`, permalink: item.html_url, body: { markdown: item.body ?? '' } };
        if (item.created_at) root.date = new Date(item.created_at).toISOString();
        authored(root, item.user);
        continue;
      }
      for (const [offset, value] of document.entries()) {
        const item = readAs(comment, value, file, [offset]);
        const captured: CapturedComment = { ...dated(item), id: String(item.id), permalink: item.html_url, body: { markdown: item.body ?? '' } };
        authored(captured, item.user);
        comments.push(captured);
      }
    }
    url ??= comments[0] ? conversation.exec(comments[0].permalink)?.[0] : undefined;
    const [, owner, repo, , number] = /^https:\/\/github\.com\/([^/]+)\/([^/]+)\/(issues|pull)\/(\d+)/.exec(url ?? '') ?? [];
    title ??= owner ? `${owner}/${repo}#${number}` : undefined;
    // GitHub lists comments by ascending id, page after page; files may come in any order, and a page fetched twice repeats its comments.
    const unique = [...new Map(comments.map((item) => [item.id, item])).values()].sort((a, b) => Number(a.id) - Number(b.id));
    if (root) for (const item of unique) item.parent = root.id;
    return { format: 'github', title, site: 'GitHub', url, base: url ?? 'https://github.com/', comments: root ? [root, ...unique] : unique };
  }
};

function dated(item: { created_at?: string | null; updated_at?: string | null }): Pick<CapturedComment, 'date' | 'edited'> {
  const result: Pick<CapturedComment, 'date' | 'edited'> = {};
  if (item.created_at) result.date = new Date(item.created_at).toISOString();
  // A comment's `updated_at` moves when its text is edited; the REST API has no other mark of an edit.
  if (item.created_at && item.updated_at && Date.parse(item.updated_at) > Date.parse(item.created_at)) result.edited = new Date(item.updated_at).toISOString();
  return result;
}

function authored(captured: CapturedComment, author: z.output<typeof user>): void {
  if (author?.login) captured.author = { id: author.login, name: author.login };
}
