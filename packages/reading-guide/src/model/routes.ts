/**
 * Where everything the guide shows is found: each kind of entry's page (or
 * place on a page) and the ids pages give what they show. Written once here,
 * so that a link, the page it leads to and the check of links cannot disagree.
 */

/** The ids pages give what they show. */
export const anchor = {
  comment: (id: string) => `comment-${id}`,
  commentTitle: (id: string) => `comment-${id}-title`,
  claimsIn: (comment: string) => `claims-in-${comment}`,
  term: (id: string) => `term-${id}`,
  crux: (id: string) => `crux-${id}`,
  cruxTitle: (id: string) => `crux-${id}-title`,
  kind: (kind: string) => `kind-${kind}`,
  annotationCard: (id: string) => `annotation-${id}-card`,
  /** An annotation's line in the sidenote of the claim it is about. */
  annotationNote: (id: string) => `annotation-${id}-note`,
  /** The sidenote beside marked words. */
  sidenote: (markId: string) => `side-${markId}`,
  /** The heading of a page's "Linked from" section; `page` is its site path. */
  linkedFrom: (page: string) => `linked-from-${page.replace(/[^a-z0-9]+/gi, '-')}`,
  /** An argument map: a claim's neighbourhood, or the whole map. */
  map: (claim?: string) => `map-${claim ?? 'all'}`
};

/** The ids of marked words in the thread, which the graph gives each mark (apart from `anchor`, which the browser's script bundles). */
export const markIds = {
  claim: (claim: string) => `claim-${claim}`,
  /** An annotation on words of the thread rather than on a claim. */
  annotation: (annotation: string) => `annotation-${annotation}`,
  /** The `n`th passage of a comment that `quoting` quotes. */
  quoted: (quoting: string, n: number) => `quoted-${quoting}-${n}`,
  /** The `n`th place the thread cites `source`. */
  citation: (source: string, n: number) => `cite-${source}-${n}`
};

/** Pages of content/pages/ shown within another page rather than on their own. */
export const shownElsewhere: Record<string, string> = { introduction: '/', cruxes: '/cruxes/' };

/** The site path of each kind of entry's page (or place on a page). */
export const sitePath = {
  claim: (id: string) => `/claims/${id}/`,
  annotation: (id: string) => `/annotations/${id}/`,
  source: (id: string) => `/sources/${id}/`,
  term: (id: string) => `/glossary/#${anchor.term(id)}`,
  crux: (id: string) => `/cruxes/#${anchor.crux(id)}`,
  page: (id: string) => shownElsewhere[id] ?? `/${id}/`,
  /** A comment on the reading page. */
  comment: (id: string) => `/#${anchor.comment(id)}`,
  /** Marked words, or any other element with an id, on the reading page. */
  onThread: (id: string) => `/#${id}`
};

