/**
 * What the margin beside a comment says about its marked words: for a claim,
 * its label, who made it, a one-line summary of how it stands ("2
 * counterarguments · cites §2.1") and the guide's annotations on it;
 * for a citation, the source and the part cited; for a passage quoted later,
 * the reply that quotes it. Planned here from the graph, drawn by the thread
 * plugin as notes after the paragraph they belong to.
 */
import type { MarkReference } from './mark-references.ts';
import { commenterName } from '../model/commenters.ts';
import type { PhrasingContent } from 'mdast';
import type { LoadedContent } from '../load/load-content.ts';
import { byId } from '../util/by-id.ts';
import type { ClaimNode, CommentNode, GuideGraph, Mark } from '../graph/types.ts';
import type { MessagePart } from '../model/message-format.ts';
import { uiText, type UiText } from '../model/ui-strings.ts';
import { anchor, sitePath } from '../model/routes.ts';

export interface SidenoteLine {
  /** A DOM id, for lines a link or search result lands on. */
  id?: string;
  className: string;
  content: PhrasingContent[];
}

export interface Sidenote {
  /** DOM id of the note: `side-<mark id>`. */
  id: string;
  markId: string;
  kind: Mark['kind'];
  /** Where the marked words start, to place the note after their paragraph. */
  start: number;
  /** A short name for the note, in the paragraph's list of notes. */
  label: string;
  lines: SidenoteLine[];
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const link = (url: string, label: string): PhrasingContent => ({ type: 'link', url, children: [text(label)] });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });

/** A UI message as phrasing content: its words as text, and the node given for each of its slots (a link). */
export function phrasing(parts: readonly MessagePart[], slots: Record<string, PhrasingContent>): PhrasingContent[] {
  return parts.map((part) => (typeof part === 'string' ? text(part) : slots[part.slot]!));
}

const sentences = new Map<string, Intl.Segmenter>();

/**
 * The first sentence of a text in `language`, cut at a word if it runs long.
 * Unicode's sentence rules (Intl.Segmenter) know what a full stop followed by
 * a space does not end ("et al. (2025)", "e.g. this", "U.S. policy") and keep
 * a closing quotation mark with its sentence.
 */
export function firstSentence(value: string, limit = 180, language = 'en'): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  let segmenter = sentences.get(language);
  if (!segmenter) sentences.set(language, (segmenter = new Intl.Segmenter(language, { granularity: 'sentence' })));
  const [first] = segmenter.segment(flat);
  const sentence = first?.segment.trim() ?? flat;
  if (sentence.length <= limit) return sentence;
  return `${sentence.slice(0, limit).replace(/\s+\S*$/, '')}…`;
}

/** How a claim stands, in one line: what argues against it, for it, what it cites. */
export function claimSummary(claim: ClaimNode, graph: GuideGraph, sourceName: (id: string) => string, ui: UiText): string {
  const annotations = claim.annotations.map((id) => graph.annotations[id]!);
  const incoming = (type: string) => claim.relations.filter((edge) => edge.direction === 'in' && edge.type === type).length;
  const counter = annotations.filter((annotation) => annotation.kind === 'counterargument').length + incoming('attacks');
  const support = annotations.filter((annotation) => annotation.kind === 'support').length + incoming('supports');
  const questions = annotations.filter((annotation) => annotation.kind === 'question').length + incoming('asks-about');
  const parts = [
    counter > 0 && ui.t('sidenote.counterarguments', { count: counter }),
    support > 0 && ui.t('sidenote.support', { count: support }),
    questions > 0 && ui.t('sidenote.questions', { count: questions }),
    incoming('concedes') > 0 && ui.t('sidenote.conceded', { count: incoming('concedes') }),
    ...claim.citations.slice(0, 2).map((citation) => ui.t('sidenote.cites', { cited: citation.locator ?? sourceName(citation.source) }))
  ];
  return parts.filter(Boolean).join(' · ');
}

export function planSidenotes(comment: CommentNode, marks: readonly MarkReference[], content: LoadedContent, graph: GuideGraph, annotationTexts: Record<string, string>): Sidenote[] {
  const ui = uiText(content.guide?.data);
  const speaker = (claim: ClaimNode) =>
    claim.speaker.kind === 'commenter' ? commenterName(content.guide?.data, claim.speaker.key) : byId(content.sources, claim.speaker.source)!.data.short;
  const annotationText = (id: string) => firstSentence(annotationTexts[id] ?? '', 110, ui.language);
  const annotationLine = (id: string): SidenoteLine => {
    const kind = graph.annotations[id]!.kind;
    return {
      id: anchor.annotationNote(id),
      className: `sidenote-annotation sidenote-annotation--${kind}`,
      content: [strong(`${ui.t(`annotation.kind.${kind}.title`)}.`), text(` ${annotationText(id)} `), link(sitePath.annotation(id), ui.t('annotation.readIt'))]
    };
  };
  const notes: Sidenote[] = [];
  for (const mark of marks) {
    const base = { id: anchor.sidenote(mark.id), markId: mark.id, kind: mark.kind, start: mark.start };
    if (mark.kind === 'claim') {
      const claim = graph.claims[mark.target]!;
      // The comment says who wrote it; a note names the speaker only for an outside work's claim.
      const who = claim.speaker.kind === 'outside' ? ` (${speaker(claim)})` : '';
      const summary = claimSummary(claim, graph, (id) => byId(content.sources, id)!.data.short, ui);
      notes.push({
        ...base,
        label: claim.label,
        lines: [
          { className: 'sidenote-head', content: [link(mark.href, claim.label), text(`${who}${summary ? ` · ${summary}` : ''}`)] },
          ...claim.annotations.map(annotationLine)
        ]
      });
    } else if (mark.kind === 'citation') {
      const source = byId(content.sources, mark.target)!;
      const locator = graph.sources[source.id]!.citedBy.find((citation) => citation.markId === mark.id)?.locator;
      notes.push({
        ...base,
        label: source.data.short,
        lines: [{ className: 'sidenote-head', content: [...phrasing(ui.parts('sidenote.source'), { source: link(mark.href, source.data.short) }), text(locator ? `, ${locator}` : '')] }]
      });
    } else if (mark.kind === 'quoted') {
      // A quotation in pieces marks each piece; its note goes with the first.
      const quotation = comment.quotedBy.find((quote) => quote.quotation === mark.target)!;
      if (quotation.markId !== mark.id) continue;
      const reply = byId(graph.comments, quotation.comment)!;
      notes.push({
        ...base,
        label: ui.t('sidenote.quotedIn.label', { reply: reply.label }),
        lines: [{ className: 'sidenote-head', content: phrasing(ui.parts('mark.quoted'), { reply: link(mark.href, reply.label) }) }]
      });
    } else if (mark.kind === 'annotation') {
      const line = annotationLine(mark.target);
      notes.push({ ...base, label: ui.t(`annotation.kind.${graph.annotations[mark.target]!.kind}`), lines: [{ ...line, id: undefined }] });
    }
  }
  return notes;
}
