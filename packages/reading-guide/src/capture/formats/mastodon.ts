/**
 * Mastodon (and servers that speak its API): a status
 * (`GET /api/v1/statuses/:id`) and its context (`…/:id/context`: the
 * statuses above it, oldest first, and those below it, in thread order), as
 * two files, or as one object holding both. Content is HTML. A reply to a
 * status that is no longer there keeps its place as a reply to the thread.
 */
import { z } from 'zod';
import { dateString, readAs } from '../json.ts';
import { CaptureError, type CapturedComment, type CapturedThread, type CaptureFile } from '../model.ts';
import type { JsonFormat } from '../model.ts';
import { htmlText, titleFrom } from '../markdown.ts';

const status = z.looseObject({
  id: z.string(),
  uri: z.string(),
  url: z.url().nullish(),
  created_at: dateString.nullish(),
  edited_at: dateString.nullish(),
  in_reply_to_id: z.string().nullish(),
  content: z.string(),
  spoiler_text: z.string().nullish(),
  account: z.looseObject({ id: z.string(), acct: z.string(), username: z.string().nullish(), display_name: z.string().nullish(), url: z.url().nullish() })
});

const context = z.looseObject({ ancestors: z.array(status), descendants: z.array(status) });

type Status = z.output<typeof status>;

const isStatus = (value: unknown) => typeof (value as { id?: unknown } | null)?.id === 'string' && typeof (value as { content?: unknown }).content === 'string' && typeof (value as { account?: unknown }).account === 'object';
const isContext = (value: unknown) => Array.isArray((value as { ancestors?: unknown } | null)?.ancestors) && Array.isArray((value as { descendants?: unknown }).descendants);
const isBoth = (value: unknown) => isStatus((value as { status?: unknown } | null)?.status) && isContext((value as { context?: unknown }).context);

export const mastodon: JsonFormat = {
  format: 'mastodon',
  detect: (documents) =>
    (documents.length === 1 && isBoth(documents[0])) ||
    (documents.length === 2 && documents.some(isStatus) && documents.some(isContext)),
  missing: (documents) =>
    documents.length === 1 && isStatus(documents[0])
      ? 'a Mastodon status without its context: give the context too (the answer of /api/v1/statuses/<id>/context), as a second file'
      : documents.length === 1 && isContext(documents[0])
        ? 'a Mastodon context without its status: give the status too (the answer of /api/v1/statuses/<id>), as a second file'
        : undefined,
  read(documents: readonly unknown[], files: readonly CaptureFile[]): CapturedThread {
    let main: Status | undefined;
    let around: z.output<typeof context> | undefined;
    for (const [index, document] of documents.entries()) {
      const file = files[index]!.name;
      if (isBoth(document)) {
        main = readAs(status, (document as { status: unknown }).status, file, ['status']);
        around = readAs(context, (document as { context: unknown }).context, file, ['context']);
      } else if (isContext(document)) around = readAs(context, document, file);
      else main = readAs(status, document, file);
    }
    if (!main || !around) throw new CaptureError(files[0]!.name, '$', 'a Mastodon thread is a status and its context: give both');
    const statuses = [...around.ancestors, main, ...around.descendants];
    const root = statuses[0]!;
    const url = root.url ?? root.uri;
    const comments = statuses.map((item): CapturedComment => {
      const captured: CapturedComment = {
        id: item.id,
        permalink: item.url ?? item.uri,
        // A content warning is the author's own words, shown before the post.
        body: { html: item.spoiler_text ? `<p>${escapeHtml(item.spoiler_text)}</p>${item.content}` : item.content },
        author: { id: item.account.acct, name: item.account.display_name || item.account.username || item.account.acct }
      };
      if (item.in_reply_to_id) captured.parent = item.in_reply_to_id;
      if (item.created_at) captured.date = new Date(item.created_at).toISOString();
      if (item.edited_at) captured.edited = new Date(item.edited_at).toISOString();
      return captured;
    });
    // Posts are plain words in HTML: a paragraph starting with ">" quotes someone, as in e-mail.
    return { format: 'mastodon', title: titleOf(root.content), site: new URL(url).host, url, base: url, comments, conventions: { quoteLines: true } };
  }
};

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function titleOf(html: string): string {
  return titleFrom(htmlText(html));
}
