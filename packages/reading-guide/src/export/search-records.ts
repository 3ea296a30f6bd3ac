/**
 * What the search index holds: one record for each claim, annotation,
 * comment, source, glossary term and crux, each pointing at the place a
 * reader should land — a claim or an annotation at its mark in the thread —
 * with the filters the search page offers (who said it, what kind of thing).
 *
 * URLs are site paths without the base path: Pagefind puts the base in front
 * when it answers, from where its own files are served.
 */
import { commenterName } from '../model/commenters.ts';
import { speakerName } from './argument-map.ts';
import type { GuideSnapshot } from './snapshot.ts';
import { annotationKinds, type AnnotationKind } from '../model/schema.ts';
import { uiText, type Language, type UiKey, type UiText } from '../model/ui-strings.ts';
import { anchor, sitePath } from '../model/routes.ts';

export interface SearchRecord {
  url: string;
  content: string;
  /**
   * The guide's language for every record, the commenters' words included:
   * Pagefind indexes each language apart and searches only the one the
   * search page is in, so records in another would never be found.
   */
  language: Language;
  meta: { title: string; kind: SearchKind };
  filters: { who: string[]; kind: SearchKind[] };
}

/**
 * What a record is, as the "kind" filter and the results' groups know it:
 * the same words in every guide (they are in the search page's address),
 * shown to readers in the guide's language (`searchKindLabel`).
 */
export const searchKinds = ['claim', ...annotationKinds, 'comment', 'source', 'glossary term', 'crux'] as const;
export type SearchKind = (typeof searchKinds)[number];

const kindKeys = {
  claim: 'search.kind.claim',
  comment: 'search.kind.comment',
  source: 'search.kind.source',
  'glossary term': 'search.kind.glossaryTerm',
  crux: 'search.kind.crux'
} as const satisfies Record<Exclude<SearchKind, AnnotationKind>, UiKey>;

/** A kind of record as readers see it, in the guide's language. */
export function searchKindLabel(kind: SearchKind, ui: UiText): string {
  return (annotationKinds as readonly string[]).includes(kind) ? ui.t(`annotation.kind.${kind as AnnotationKind}`) : ui.t(kindKeys[kind as keyof typeof kindKeys]);
}

export function searchRecords(snapshot: GuideSnapshot): SearchRecord[] {
  const { graph } = snapshot;
  const ui = uiText(snapshot.meta);
  // The values of the "who" filter besides the commenters' names.
  const theGuide = ui.t('search.who.guide');
  const outsideWork = ui.t('search.who.outsideWork');
  const record = (url: string, title: string, content: string, who: string, kind: SearchKind): SearchRecord => ({
    url,
    content,
    language: snapshot.meta.language,
    meta: { title, kind },
    filters: { who: [who], kind: [kind] }
  });
  const who = (speaker: Parameters<typeof speakerName>[1]) => (speaker.kind === 'commenter' ? speakerName(snapshot, speaker) : outsideWork);

  const claims = graph.claimOrder.map((id) => {
    const claim = graph.claims[id]!;
    const { paraphrase } = snapshot.claims[id]!;
    return record(
      sitePath.onThread(claim.markId),
      `${claim.label} · ${speakerName(snapshot, claim.speaker)}: ${paraphrase}`,
      // The claim's own words and paraphrase; the rest of the paragraph is the comment's record.
      `${claim.exact}\n${paraphrase}`,
      who(claim.speaker),
      'claim'
    );
  });
  const annotations = Object.keys(graph.annotations)
    .sort()
    .map((id) => {
      const annotation = graph.annotations[id]!;
      const claim = annotation.on ? graph.claims[annotation.on] : undefined;
      const kind = ui.t(`annotation.kind.${annotation.kind}.title`);
      const title = claim
        ? ui.t('search.record.annotationOnClaim', { kind, label: claim.label, paraphrase: snapshot.claims[claim.id]!.paraphrase })
        : ui.t('search.record.annotationOnWords', { kind, words: annotation.exact ?? '' });
      // The annotation as it stands in the thread: beside its claim's words, or on its own (an annotation on no claim is on words, so it has a mark).
      return record(
        sitePath.onThread(claim ? anchor.annotationNote(id) : anchor.sidenote(annotation.markId!)),
        title,
        snapshot.annotations[id]!.text,
        theGuide,
        annotation.kind
      );
    });
  const comments = graph.comments.map((comment) =>
    record(
      sitePath.comment(comment.id),
      `${comment.label} · ${commenterName(snapshot.meta, comment.author)}`,
      comment.text,
      commenterName(snapshot.meta, comment.author),
      'comment'
    )
  );
  const sources = Object.keys(snapshot.sources)
    .sort()
    .map((id) => {
      const source = snapshot.sources[id]!;
      const facts = [source.title, source.short, source.authors?.join(', '), source.arxiv && `arXiv:${source.arxiv}`, ...graph.sources[id]!.locators];
      return record(sitePath.source(id), source.title, `${facts.filter(Boolean).join('\n')}\n${snapshot.texts.sources[id] ?? ''}`, outsideWork, 'source');
    });
  const terms = Object.keys(snapshot.terms)
    .sort()
    .map((id) => {
      const term = snapshot.terms[id]!;
      return record(sitePath.term(id), term.term, `${[term.term, ...term.aliases].join('\n')}\n${snapshot.texts.glossary[id] ?? ''}`, theGuide, 'glossary term');
    });
  const cruxes = Object.keys(snapshot.cruxes)
    .sort()
    .map((id) => record(sitePath.crux(id), snapshot.cruxes[id]!.question, snapshot.texts.cruxes[id] ?? '', theGuide, 'crux'));
  return [...claims, ...annotations, ...comments, ...sources, ...terms, ...cruxes];
}
