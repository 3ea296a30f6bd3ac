/**
 * The addresses the site publishes: every page, and the fragment ids on each.
 * Worked out from what makes them: the routes in src/routes, with the values
 * of their parameters (which getStaticPaths takes from here too), the ids
 * the pages give entries (which the pages take from `anchor`), the ids the
 * graph gives marks, quotations and notes, and every id in the rendered
 * HTML. The link check (src/site/check-links.ts) accepts a link to these
 * only, and the build test holds every built page to them, id for id.
 *
 * Nothing here needs Astro: `npm run check` works it out as the build does.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultFiles } from './default-files.ts';
import GithubSlugger from 'github-slugger';
import type { Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import type { CompiledGuide } from '../render/compiled-guide.ts';
import type { GuideGraph } from '../graph/types.ts';
import { annotationPageCount } from '../export/web-annotation.ts';
import { parseMarkdown } from '../load/markdown.ts';
import { relationTypes } from '../model/schema.ts';
import { anchor, shownElsewhere, sitePath } from '../model/routes.ts';

/** What the dynamic routes' parameters are made from. */
export interface RouteData {
  graph: GuideGraph;
  /** The ids of the files in content/pages/. */
  pageIds: readonly string[];
}

/**
 * The site's routes, by their file under src/routes/: the integration injects
 * each (src/site/guide-integration.ts), and a dynamic route's getStaticPaths
 * takes its values from here, so what is built and what links may point to
 * cannot disagree. A test holds this list to the files in src/routes/.
 */
const routeTable: Record<string, ((data: RouteData) => string[]) | null> = {
  '404.astro': null,
  '[page].astro': ({ pageIds }) => pageIds.filter((id) => !(id in shownElsewhere)),
  'annotations.jsonld.ts': null,
  'annotations/[id].astro': ({ graph }) => Object.keys(graph.annotations),
  'annotations/index.astro': null,
  'annotations/page-[n].jsonld.ts': ({ graph }) => Array.from({ length: annotationPageCount(graph) }, (_, index) => String(index + 1)),
  'argument-map.argdown.ts': null,
  'argument-map.json.ts': null,
  'claims/[id].astro': ({ graph }) => graph.claimOrder,
  'claims/index.astro': null,
  'contribute.astro': null,
  'contributors.astro': null,
  'cruxes/index.astro': null,
  'data.astro': null,
  'feed.xml.ts': null,
  'glossary/index.astro': null,
  'index.astro': null,
  'map.astro': null,
  'previews.json.ts': null,
  'references.bib.ts': null,
  'references.json.ts': null,
  'robots.txt.ts': null,
  'search.astro': null,
  'sources/[id].astro': ({ graph }) => Object.keys(graph.sources),
  'sources/index.astro': null
};

/** The values of the dynamic route in `file` (under src/routes): its getStaticPaths calls this. */
export function routeValues(file: string, data: RouteData): string[] {
  const values = routeTable[file];
  if (!values) throw new Error(`src/site/addresses.ts has no dynamic route src/routes/${file}`);
  return values(data);
}

/** A route of the site: its file under src/routes/, Astro's pattern for it, and the site path it gives for a value of its parameter. */
export interface Route {
  file: string;
  /** As `injectRoute` takes it: no trailing slash, `[param]` for a parameter. */
  pattern: string;
  path: (value?: string) => string;
  dynamic: boolean;
}

/** Every route, with the site paths Astro gives them under `trailingSlash: 'always'` and `build.format: 'directory'`. */
export function routes(): Route[] {
  return Object.keys(routeTable).map((file) => {
    const endpoint = /\.(?:ts|js)$/.test(file);
    const name = file.replace(/\.(?:astro|ts|js)$/, '');
    const pattern = `/${name.replace(/(?:^|\/)index$/, '')}`.replace(/\/+$/, '') || '/';
    const sitePattern = endpoint ? pattern : name === '404' ? '/404.html' : `${pattern}/`.replace(/\/+/g, '/');
    return { file, pattern, dynamic: /\[[^\]]+\]/.test(file), path: (value?: string) => sitePattern.replace(/\[[^\]]+\]/, value ?? '') };
  });
}

/** The pages of the site, each with the fragment ids it has. */
export type SiteAddresses = Map<string, Set<string>>;

/** Ids on every page: the layout's (src/layouts/Base.astro). */
const layoutIds = ['main', 'site-search', 'theme-toggle'];

/** Ids on pages whose content is fixed, by site path. */
const fixedIds: Record<string, readonly string[]> = {
  '/search/': ['search-form', 'search-query', 'search-status', 'search-results'],
  '/map/': mapIds()
};

function mapIds(claim?: string): string[] {
  const id = anchor.map(claim);
  return [`${id}-title`, ...relationTypes.map((type) => `${id}-arrow-${type}`)];
}

/** The ids in rendered HTML (which `hast-util-to-html` writes with double quotes). */
export function idsInHtml(html: string): string[] {
  return [...html.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1]!);
}

/** The ids Astro gives the headings of the site's CONTRIBUTING.md, which `/contribute/` shows. */
function contributeIds(projectRoot: string): string[] {
  const slugger = new GithubSlugger();
  const ids: string[] = [];
  const file = path.join(projectRoot, 'CONTRIBUTING.md');
  // Without one the build stops (src/integration.ts); the check still checks everything else.
  if (!existsSync(file)) return ids;
  visit(parseMarkdown(readFileSync(file, 'utf8')), 'heading', (heading) => {
    let text = '';
    visit(heading, (node: Nodes) => {
      if (node.type === 'text' || node.type === 'inlineCode') text += node.value;
    });
    ids.push(slugger.slug(text));
  });
  return ids;
}

/**
 * Every page the site publishes, and the fragment ids each has. `projectRoot`
 * is the site's folder, which holds its CONTRIBUTING.md and public/.
 */
export function siteAddresses({ content, graph, rendered }: Pick<CompiledGuide, 'content' | 'graph' | 'rendered'>, projectRoot: string): SiteAddresses {
  const addresses: SiteAddresses = new Map();
  const data: RouteData = { graph, pageIds: content.pages.map((page) => page.id) };
  for (const route of routes()) {
    if (!route.dynamic) addresses.set(route.path(), new Set(layoutIds));
    else for (const value of routeValues(route.file, data)) addresses.set(route.path(value), new Set(layoutIds));
  }
  const publicFolder = path.join(projectRoot, 'public');
  if (existsSync(publicFolder)) for (const file of readdirSync(publicFolder)) addresses.set(`/${file}`, new Set());
  // The files the guide publishes where public/ has none (src/site/default-files.ts).
  for (const file of defaultFiles) addresses.set(`/${file}`, new Set());
  const on = (page: string, ...ids: (string | readonly string[])[]) => {
    const set = addresses.get(page);
    if (set) for (const id of ids.flat()) set.add(id);
  };
  const html = rendered.html;
  for (const [page, ids] of Object.entries(fixedIds)) on(page, ids);
  on('/contribute/', contributeIds(projectRoot));

  on('/', 'thread-title', idsInHtml(html.pages.introduction ?? ''), rendered.guideNotes.flatMap(idsInHtml));
  for (const comment of graph.comments) {
    on('/', anchor.comment(comment.id), anchor.commentTitle(comment.id), idsInHtml(html.thread[comment.id] ?? ''));
    for (const note of comment.notes) on('/', note.id, idsInHtml(rendered.notes[note.id] ?? ''));
    if (comment.claims.length > 0) on('/claims/', anchor.claimsIn(comment.id));
  }

  for (const id of graph.claimOrder) {
    const claim = graph.claims[id]!;
    const page = sitePath.claim(id);
    on(page, 'words', 'relations', 'sources', 'annotations', idsInHtml(html.claims[id] ?? ''));
    if (claim.strongestCounterargument) on(page, 'strongest');
    if (claim.relations.length > 0) on(page, mapIds(id));
    for (const annotation of claim.annotations) on(page, anchor.annotationCard(annotation), idsInHtml(html.annotations[annotation] ?? ''));
  }
  for (const [id, annotation] of Object.entries(graph.annotations)) {
    on(sitePath.annotation(id), 'shown', idsInHtml(html.annotations[id] ?? ''));
    on('/annotations/', anchor.kind(annotation.kind));
  }
  for (const id of Object.keys(graph.sources)) on(sitePath.source(id), 'locators', 'cited-by', idsInHtml(html.sources[id] ?? ''));
  for (const id of Object.keys(graph.terms)) on('/glossary/', anchor.term(id), idsInHtml(html.glossary[id] ?? ''));
  on('/cruxes/', idsInHtml(html.pages.cruxes ?? ''));
  for (const id of Object.keys(graph.cruxes)) on('/cruxes/', anchor.crux(id), anchor.cruxTitle(id), idsInHtml(html.cruxes[id] ?? ''));
  for (const id of routeValues('[page].astro', data)) on(sitePath.page(id), idsInHtml(html.pages[id] ?? ''));

  // The "Linked from" section of a claim's, an annotation's or a source's page that the guide's text links to.
  for (const [target, sources] of Object.entries(graph.linkedFrom)) {
    if (sources.length > 0 && /^\/(?:claims|annotations|sources)\/[^/]+\/$/.test(target)) on(target, anchor.linkedFrom(target));
  }
  return addresses;
}
