/**
 * The last check before the pages are built: every address in the guide's
 * Markdown that names this site (`/claims/x/`, `/#comment-a1`, `#words`),
 * in bodies and in the Markdown of front matter, must name a page the site
 * publishes and, with a fragment, an id that page has. It runs after the
 * bodies are rendered, since their HTML holds ids (headings, marks,
 * sidenotes) that no earlier stage knows.
 */
import type { Diagnostics, Point } from '../model/diagnostics.ts';
import { closest } from '../load/front-matter.ts';
import type { LoadedContent, LoadedEntry } from '../load/load-content.ts';
import { parseMarkdown, siteLinks, type SiteLink } from '../load/markdown.ts';
import { collections, type CollectionName } from '../model/schema.ts';
import type { GuideGraph } from '../graph/types.ts';
import type { RenderedGuide } from '../render/render-guide.ts';
import { routes, routeValues, siteAddresses, type SiteAddresses } from './addresses.ts';
import { sitePath } from '../model/routes.ts';

/** `projectRoot` is the site's folder (for its CONTRIBUTING.md and public/). */
export function checkLinks(content: LoadedContent, graph: GuideGraph, rendered: RenderedGuide, diagnostics: Diagnostics, projectRoot: string): void {
  const addresses = siteAddresses({ content, graph, rendered }, projectRoot);
  const check = (links: readonly SiteLink[], file: string, at: Point | undefined, shownOn: readonly string[]) => {
    for (const { url, place } of links) {
      const problem = linkProblem(url, shownOn, addresses);
      // Markdown kept in a front-matter field is reported at that field.
      if (problem) diagnostics.error(file, at ?? place, problem.message, problem.rule, problem.hint);
    }
  };
  for (const collection of Object.keys(collections) as CollectionName[]) {
    for (const entry of content[collection] as LoadedEntry[]) check(entry.facts.siteLinks, entry.file, undefined, pagesShowing(entry, graph));
  }
  for (const entry of content.thread) {
    for (const [offset, note] of entry.data.editorNotes.entries()) {
      check(siteLinks(parseMarkdown(note.note)), entry.file, entry.locate(['editorNotes', offset, 'note']), ['/']);
    }
  }
  const { guide } = content;
  for (const [offset, note] of (guide?.data.editorNotes ?? []).entries()) {
    check(siteLinks(parseMarkdown(note)), guide!.file, guide!.locate(['editorNotes', offset]), ['/']);
  }
  refuseTakenPageIds(content, graph, diagnostics);
}

/** The pages that show an entry's body, which a bare fragment (`#words`) is read against. */
function pagesShowing(entry: LoadedEntry, graph: GuideGraph): string[] {
  switch (entry.collection) {
    case 'thread':
      return ['/'];
    case 'claims':
      return [sitePath.claim(entry.id)];
    case 'annotations': {
      const on = graph.annotations[entry.id]?.on;
      return [sitePath.annotation(entry.id), ...(on === undefined ? [] : [sitePath.claim(on)])];
    }
    case 'sources':
      return [sitePath.source(entry.id)];
    case 'glossary':
      return ['/glossary/'];
    case 'cruxes':
      return ['/cruxes/'];
    case 'pages':
      return [sitePath.page(entry.id)];
  }
}

interface LinkProblem {
  message: string;
  rule: 'broken-link' | 'relative-link';
  hint: string;
}

/** What is wrong with a link to `url` on each of the pages `shownOn`, if anything. */
export function linkProblem(url: string, shownOn: readonly string[], addresses: SiteAddresses): LinkProblem | undefined {
  if (!url.startsWith('/') && !url.startsWith('#')) {
    return {
      message: `The link \`${url}\` does not start at the site’s root`,
      rule: 'relative-link',
      hint: 'Write a link to a page of the guide from the root, such as `/claims/<id>/`: the same text is shown on more than one page, where a relative link would lead to different places.'
    };
  }
  const hash = url.indexOf('#');
  const rawPath = (hash === -1 ? url : url.slice(0, hash)).replace(/\?.*$/, '');
  const fragment = hash === -1 ? '' : url.slice(hash + 1);
  for (const page of rawPath === '' ? shownOn : [decoded(rawPath)]) {
    const ids = addresses.get(page);
    if (!ids) {
      const near = closest(page, addresses.keys());
      return {
        message: `The site publishes nothing at \`${rawPath}\``,
        rule: 'broken-link',
        hint: near ? `Did you mean \`${near}\`?` : 'Link to a page of the guide, such as `/claims/<id>/` with the id of a file in content/claims/.'
      };
    }
    const id = decoded(fragment);
    if (id !== '' && !ids.has(id)) {
      const near = closest(id, ids);
      return {
        message: `${rawPath === '' ? `The page this is shown on (\`${page}\`)` : `\`${page}\``} has no \`#${fragment}\``,
        rule: 'broken-link',
        hint: near ? `Did you mean \`#${near}\`?` : `Link to an id that ${page} has, or to the page without a fragment.`
      };
    }
  }
  return undefined;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A page of content/pages/ whose id is a route of the site's own would never be built. */
function refuseTakenPageIds(content: LoadedContent, graph: GuideGraph, diagnostics: Diagnostics): void {
  const own = new Set(routes().flatMap((route) => (route.dynamic ? [] : [route.path()])));
  const published = new Set(routeValues('[page].astro', { graph, pageIds: content.pages.map((page) => page.id) }));
  for (const page of content.pages) {
    if (!published.has(page.id) || !own.has(sitePath.page(page.id))) continue;
    diagnostics.error(
      page.file,
      { line: 1, column: 1 },
      `The page id \`${page.id}\` is taken by the site’s own page ${sitePath.page(page.id)}`,
      'duplicate-id',
      'Rename the file: its id is its address, and the site already has a page there.'
    );
  }
}
