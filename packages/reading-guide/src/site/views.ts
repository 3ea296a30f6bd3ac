/**
 * What each page and component shows, gathered from the guide as plain data.
 * Components render only what they are given (none of them reads the guide),
 * so a page built from a view shows nothing the view does not hold: the
 * digest of a page's view is its cache key for Astro's incremental build
 * (`pageCacheKey`), and a page whose view is unchanged is not rendered again.
 */
import { digest } from '../util/digest.ts';
import type { AnnotationData, AnnotationKind, Citation, ClaimData, SourceData } from '../model/schema.ts';
import type { LinkSource } from '../graph/types.ts';
import type { Guide, GuideEntry } from './guide.ts';
import type { ArgumentMapView } from '../map/map-view.ts';
import { neighbourhoodMapView } from './map.ts';
import { speakerClass, speakerStyleSheet } from './speaker-styles.ts';
import { annotationTemplate, editUrl, historyUrl, repositoryOf, suggestUrl } from './repository.ts';
import { sitePath } from '../model/routes.ts';
import { uiText, type Language, type UiOverrides, type UiText } from '../model/ui-strings.ts';

/** The frame of every page: the guide's name, its sections, and what the footer credits. */
export interface FrameView {
  title: string;
  description: string;
  sections: { href: string; label: string }[];
  thread: { url: string; title: string; site: string };
  license: { url: string; name: string };
  /** Each commenter's colour and outline, as CSS. */
  speakerStyles: string;
  /** The discussion was written to show what the generator does. */
  demonstration: boolean;
  /** The guide's language, and its rewording of the site's words: what every page's words are made from (`uiOf`). */
  language: Language;
  strings: UiOverrides;
}

/** The site's words for a page, from its frame. */
export function uiOf(frame: Pick<FrameView, 'language' | 'strings'>): UiText {
  return uiText(frame);
}

export function frameView(guide: Guide): FrameView {
  const { meta, ui } = guide;
  return {
    title: meta.title,
    description: meta.description,
    sections: [
      { href: '/', label: ui.t('section.thread') },
      { href: '/claims/', label: ui.t('section.claims') },
      { href: '/map/', label: ui.t('section.map') },
      ...(guide.entries('cruxes').length > 0 ? [{ href: '/cruxes/', label: ui.t('section.cruxes') }] : []),
      { href: '/sources/', label: ui.t('section.sources') },
      { href: '/annotations/', label: ui.t('section.annotations') },
      { href: '/glossary/', label: ui.t('section.glossary') },
      ...guide.entries('pages').flatMap((page) => (page.data.nav && page.id !== 'cruxes' ? [{ href: `/${page.id}/`, label: page.data.nav }] : []))
    ],
    thread: { url: meta.thread.url, title: meta.thread.title, site: meta.thread.site },
    license: { url: meta.license.url, name: meta.license.name },
    speakerStyles: speakerStyleSheet(meta.commenters),
    demonstration: meta.demonstration,
    language: meta.language,
    strings: meta.strings
  };
}

/** A link to a claim, with its paraphrase and who made it. */
export interface ClaimRefView {
  id: string;
  label: string;
  paraphrase: string;
  speaker: string;
  comment: string;
  /** The claim's front matter as validated, with any fields the site's schema adds, for a component of the site's own. */
  data: ClaimData;
}

export function claimRefView(guide: Guide, id: string): ClaimRefView {
  const { node, entry } = guide.claim(id);
  return {
    id,
    label: node.label,
    paraphrase: entry.data.paraphrase,
    speaker: guide.speakerName(node.speaker),
    comment: guide.comment(node.comment).node.label,
    data: entry.data
  };
}

export interface CitationView extends Citation {
  title: string;
  short: string;
}

export function citationViews(guide: Guide, citations: readonly Citation[]): CitationView[] {
  return citations.map((citation) => {
    const { title, short } = guide.entry('sources', citation.source).data;
    return { ...citation, title, short };
  });
}

/** An annotation in full. */
export interface AnnotationView {
  id: string;
  kind: AnnotationKind;
  html: string;
  citations: CitationView[];
  /** The contributor's GitHub handle; the guide's editors when there is none. */
  handle?: string;
  editors: string;
  created?: string;
  historyUrl?: string;
  /** The annotation's front matter as validated, with any fields the site's schema adds. */
  data: AnnotationData;
}

export function annotationView(guide: Guide, id: string): AnnotationView {
  const { node, entry } = guide.annotation(id);
  const repository = repositoryOf(guide.meta);
  return {
    id,
    kind: node.kind,
    html: entry.html,
    citations: citationViews(guide, node.citations),
    handle: entry.data.contributor,
    editors: guide.meta.editors,
    created: entry.data.created,
    historyUrl: repository && entry.filePath ? historyUrl(repository, entry.filePath) : undefined,
    data: entry.data
  };
}

export interface BacklinkView {
  href: string;
  text: string;
}

/** What links to `path` from the guide's own text. */
export function backlinkViews(guide: Guide, path: string): BacklinkView[] {
  const { ui } = guide;
  const describe = ({ kind, id }: LinkSource): BacklinkView => {
    switch (kind) {
      case 'claim':
        return { href: sitePath.claim(id), text: ui.t('claim.title', { label: guide.claim(id).node.label }) };
      case 'annotation':
        return { href: sitePath.annotation(id), text: ui.t('backlink.annotation', { kind: ui.t(`annotation.kind.${guide.annotation(id).node.kind}`) }) };
      case 'source':
        return { href: sitePath.source(id), text: guide.entry('sources', id).data.title };
      case 'term':
        return { href: sitePath.term(id), text: ui.t('backlink.term', { term: guide.entry('glossary', id).data.term }) };
      case 'crux':
        return { href: sitePath.crux(id), text: ui.t('backlink.crux', { question: guide.entry('cruxes', id).data.question }) };
      case 'page':
        return { href: sitePath.page(id), text: guide.entry('pages', id).data.title };
    }
  };
  return (guide.graph.linkedFrom[path] ?? []).map(describe);
}

/** "Suggest a counterargument" and "Edit on GitHub", where the guide names its repository. */
export interface ContributeView {
  suggestUrl?: string;
  editUrl?: string;
}

export function contributeView(guide: Guide, filePath: string | undefined, suggest?: { name: string; on?: string; source?: string; locator?: string }): ContributeView {
  const repository = repositoryOf(guide.meta);
  if (!repository) return {};
  return {
    suggestUrl: suggest && guide.contentFolder !== undefined ? suggestUrl(repository, guide.contentFolder, suggest.name, annotationTemplate(suggest)) : undefined,
    editUrl: filePath ? editUrl(repository, filePath) : undefined
  };
}

/** The page of one claim. */
export interface ClaimPageView {
  frame: FrameView;
  id: string;
  label: string;
  paraphrase: string;
  html: string;
  madeBy: string;
  main: boolean;
  cruxes: { id: string; question: string }[];
  markId: string;
  /** The class that gives the words their speaker's colour. */
  speakerClass: string;
  words: { before: string; exact: string; after: string };
  strongestCounterargument?: { annotation: AnnotationView } | { claim: ClaimRefView };
  map: ArgumentMapView & { omitted: number };
  relationGroups: { heading: string; edges: { claim: ClaimRefView; note?: string }[] }[];
  citations: CitationView[];
  backlinks: BacklinkView[];
  contribute: ContributeView;
  /** The annotations on it, but for its strongest counterargument, shown above them. */
  annotations: AnnotationView[];
  annotationCount: number;
}

export function claimPageView(guide: Guide, id: string): ClaimPageView {
  const { node, entry } = guide.claim(id);
  const comment = guide.comment(node.comment).node;
  const speaker = guide.speakerName(node.speaker);
  const counter = node.strongestCounterargument;
  return {
    frame: frameView(guide),
    id,
    label: node.label,
    paraphrase: entry.data.paraphrase,
    html: entry.html,
    madeBy:
      node.speaker.kind === 'commenter'
        ? guide.ui.t('claim.madeBy.commenter', { speaker, comment: comment.label })
        : guide.ui.t('claim.madeBy.outside', { speaker, commenter: guide.commenterName(comment.author), comment: comment.label }),
    main: node.main,
    cruxes: node.cruxes.map((crux) => ({ id: crux, question: guide.entry('cruxes', crux).data.question })),
    markId: node.markId,
    speakerClass: speakerClass(node.speaker),
    words: { before: node.before, exact: node.exact, after: node.after },
    strongestCounterargument: counter && (counter.kind === 'annotation' ? { annotation: annotationView(guide, counter.id) } : { claim: claimRefView(guide, counter.id) }),
    map: neighbourhoodMapView(guide, id),
    relationGroups: guide.relationGroups(node).map((group) => ({
      heading: group.heading,
      edges: group.edges.map((edge) => ({ claim: claimRefView(guide, edge.claim), note: edge.note }))
    })),
    citations: citationViews(guide, node.citations),
    backlinks: backlinkViews(guide, sitePath.claim(id)),
    contribute: contributeView(guide, entry.filePath, { name: `${id}-counterargument`, on: id }),
    annotations: node.annotations.filter((annotation) => !(counter?.kind === 'annotation' && counter.id === annotation)).map((annotation) => annotationView(guide, annotation)),
    annotationCount: node.annotations.length
  };
}

/** The page of one annotation. */
export interface AnnotationPageView {
  frame: FrameView;
  annotation: AnnotationView;
  on?: ClaimRefView;
  /** The words it is about, when it is about words in the thread rather than a claim. */
  words?: { exact: string; markId: string; comment: string };
  backlinks: BacklinkView[];
  contribute: ContributeView;
}

export function annotationPageView(guide: Guide, id: string): AnnotationPageView {
  const { node, entry } = guide.annotation(id);
  return {
    frame: frameView(guide),
    annotation: annotationView(guide, id),
    on: node.on === undefined ? undefined : claimRefView(guide, node.on),
    words: node.markId && node.comment && node.exact !== undefined ? { exact: node.exact, markId: node.markId, comment: guide.comment(node.comment).node.label } : undefined,
    backlinks: backlinkViews(guide, sitePath.annotation(id)),
    contribute: contributeView(guide, entry.filePath)
  };
}

/** What an annotation is and what it is on, in a few words: "counterargument on claim C3". */
export function annotationSummary(guide: Guide, id: string): string {
  const annotation = guide.annotation(id).node;
  const kind = guide.ui.t(`annotation.kind.${annotation.kind}`);
  return annotation.on ? guide.ui.t('annotation.onClaim', { kind, label: guide.claim(annotation.on).node.label }) : kind;
}

/** The page of one source. */
export interface SourcePageView {
  frame: FrameView;
  id: string;
  data: SourceData;
  html: string;
  locators: string[];
  claims: { claim: ClaimRefView; locator?: string }[];
  /** The other places that cite it, under a heading each. */
  places: { heading: string; items: { href: string; text: string; locator?: string }[] }[];
  cited: number;
  backlinks: BacklinkView[];
  contribute: ContributeView;
}

export function sourcePageView(guide: Guide, id: string): SourcePageView {
  const { node, entry } = guide.source(id);
  const { ui } = guide;
  const by = (kind: string) => node.citedBy.filter((citation) => citation.from.kind === kind);
  const places = [
    {
      heading: ui.t('source.citedBy.thread'),
      items: by('comment').map((citation) => ({ href: sitePath.onThread(citation.markId!), text: guide.comment(citation.from.id).node.label, locator: citation.locator }))
    },
    {
      heading: ui.t('source.citedBy.annotations'),
      items: by('annotation').map((citation) => ({
        href: sitePath.annotation(citation.from.id),
        text: annotationSummary(guide, citation.from.id),
        locator: citation.locator
      }))
    },
    {
      heading: ui.t('source.citedBy.glossary'),
      items: by('term').map((citation) => ({ href: sitePath.term(citation.from.id), text: guide.entry('glossary', citation.from.id).data.term, locator: citation.locator }))
    }
  ].filter((group) => group.items.length > 0);
  return {
    frame: frameView(guide),
    id,
    data: entry.data,
    html: entry.html,
    locators: node.locators,
    claims: by('claim').map((citation) => ({ claim: claimRefView(guide, citation.from.id), locator: citation.locator })),
    places,
    cited: node.citedBy.length,
    backlinks: backlinkViews(guide, sitePath.source(id)),
    contribute: contributeView(guide, entry.filePath, { name: `${id}-counterargument`, source: id })
  };
}

/** One of the guide's own pages. */
export interface GuidePageView {
  frame: FrameView;
  page: Pick<GuideEntry<'pages'>, 'id' | 'data' | 'html'>;
}

export function guidePageView(guide: Guide, id: string): GuidePageView {
  const { data, html } = guide.entry('pages', id);
  return { frame: frameView(guide), page: { id, data, html } };
}

/**
 * A page's cache key: the digest of its view, which holds everything the page
 * shows. The page's code is covered by Astro, which also hashes each page's
 * modules.
 */
export function pageCacheKey(view: object): string {
  return digest(JSON.stringify(view));
}

/**
 * A dynamic route's paths, `param` taking each of `ids`, each with its page's
 * cache key. The view itself is made again when the page is rendered rather
 * than passed as the page's props: Astro holds every path's props until the
 * build ends, which for a guide of thousands of claims is hundreds of
 * megabytes, and making a view takes a small fraction of rendering it.
 */
export function keyedPaths<P extends string>(param: P, ids: readonly string[], view: (id: string) => object) {
  return ids.map((id) => ({ params: { [param]: id } as Record<P, string>, cacheKey: pageCacheKey(view(id)) }));
}
