/**
 * How a mark in the thread is shown: the reference after its words, where
 * that reference leads, its short visible label and its name for assistive
 * technology. The graph records only what a mark is (its kind, what it is
 * for and the words it spans); the words a reader sees are chosen here.
 */
import type { LoadedContent } from '../load/load-content.ts';
import { commenterName } from '../model/commenters.ts';
import type { CommentNode, GuideGraph, Mark } from '../graph/types.ts';
import { sitePath } from '../model/routes.ts';
import { uiText } from '../model/ui-strings.ts';
import { byId } from '../util/by-id.ts';

/** A mark with its reference: a site path (`/claims/x/`) or a fragment (`#id`), a label ("C3") and a name. */
export interface MarkReference extends Mark {
  href: string;
  label: string;
  title: string;
}

export function markReferences(comment: CommentNode, content: LoadedContent, graph: GuideGraph): MarkReference[] {
  const ui = uiText(content.guide?.data);
  return comment.marks.map((mark): MarkReference => {
    switch (mark.kind) {
      case 'claim': {
        const claim = graph.claims[mark.target]!;
        const { paraphrase } = byId(content.claims, mark.target)!.data;
        return { ...mark, href: sitePath.claim(mark.target), label: claim.label, title: ui.t('claim.withParaphrase', { label: claim.label, paraphrase }) };
      }
      case 'citation': {
        const source = byId(content.sources, mark.target)!.data;
        const locator = graph.sources[mark.target]!.citedBy.find((citation) => citation.markId === mark.id)?.locator;
        const title = locator ? ui.t('mark.citationAt', { short: source.short, title: source.title, locator }) : ui.t('mark.citation', { short: source.short, title: source.title });
        return { ...mark, href: sitePath.source(mark.target), label: source.short, title };
      }
      case 'annotation': {
        const kind = ui.t(`annotation.kind.${graph.annotations[mark.target]!.kind}`);
        return { ...mark, href: sitePath.annotation(mark.target), label: kind, title: ui.t('mark.annotation', { kind }) };
      }
      case 'quoted': {
        const quote = comment.quotedBy.find((candidate) => candidate.quotation === mark.target)!;
        const reply = byId(graph.comments, quote.comment)!;
        const title =
          reply.author === undefined
            ? ui.t('mark.quoted', { reply: reply.label })
            : ui.t('mark.quotedWithAuthor', { reply: reply.label, author: commenterName(content.guide?.data, reply.author) });
        return { ...mark, href: `#${mark.target}`, label: `↪ ${reply.label}`, title };
      }
      case 'note':
        return { ...mark, href: `#${mark.target}`, label: ui.t('voice.editorNote'), title: ui.t('mark.note') };
    }
  });
}
