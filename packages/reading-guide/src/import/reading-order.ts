/**
 * The order a guide reads its comments in: the thread's (each comment
 * followed by its replies, depth first, siblings as the platform lists
 * them) or the order they were posted in. Either way a reply comes after
 * the comment it answers.
 */
import type { CapturedComment } from '../capture/model.ts';

export function readingOrder(comments: readonly CapturedComment[], order: 'thread' | 'chronological'): CapturedComment[] {
  return order === 'thread' ? threadOrder(comments) : postingOrder(comments);
}

function threadOrder(comments: readonly CapturedComment[]): CapturedComment[] {
  const known = new Set(comments.map((comment) => comment.id));
  const replies = new Map<string, CapturedComment[]>();
  const roots: CapturedComment[] = [];
  for (const comment of comments) {
    if (comment.parent !== undefined && known.has(comment.parent) && comment.parent !== comment.id) {
      replies.set(comment.parent, [...(replies.get(comment.parent) ?? []), comment]);
    } else {
      roots.push(comment);
    }
  }
  const ordered: CapturedComment[] = [];
  const placed = new Set<string>();
  // Iterative, so that a reply chain thousands deep does not exhaust the stack.
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const comment = stack.pop()!;
    if (placed.has(comment.id)) continue;
    placed.add(comment.id);
    ordered.push(comment);
    stack.push(...[...(replies.get(comment.id) ?? [])].reverse());
  }
  // Comments in a circle of replies reach no root: they go at the end, as roots.
  for (const comment of comments) {
    if (placed.has(comment.id)) continue;
    delete comment.parent;
    ordered.push(comment);
  }
  return ordered;
}

/**
 * By date, and where dates are equal or unknown, in the order the platform
 * lists the comments (its own order of posting, for a flat list); a reply
 * the platform's clock puts before its parent waits for it.
 */
function postingOrder(comments: readonly CapturedComment[]): CapturedComment[] {
  const time = (comment: CapturedComment) => (comment.date ? Date.parse(comment.date) : Number.POSITIVE_INFINITY);
  const sorted = comments.map((comment, index) => ({ comment, index })).sort((a, b) => time(a.comment) - time(b.comment) || a.index - b.index);
  const known = new Set(comments.map((comment) => comment.id));
  const placed = new Set<string>();
  const waiting = new Map<string, CapturedComment[]>();
  const result: CapturedComment[] = [];
  const place = (comment: CapturedComment): void => {
    result.push(comment);
    placed.add(comment.id);
    const replies = waiting.get(comment.id) ?? [];
    waiting.delete(comment.id);
    for (const reply of replies) place(reply);
  };
  for (const { comment } of sorted) {
    if (comment.parent !== undefined && known.has(comment.parent) && !placed.has(comment.parent)) {
      waiting.set(comment.parent, [...(waiting.get(comment.parent) ?? []), comment]);
    } else {
      place(comment);
    }
  }
  // Replies still waiting are in a circle: they go at the end, as roots.
  for (const replies of waiting.values()) {
    for (const reply of replies) {
      if (placed.has(reply.id)) continue;
      delete reply.parent;
      place(reply);
    }
  }
  return result;
}
