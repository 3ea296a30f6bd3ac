/**
 * The search page, run by Pagefind in the browser. Results come back for the
 * query and the ticked filters, grouped so that claims come first; each leads
 * to the place it is about (a claim or an annotation at its mark in the
 * thread). The query and filters are kept in the address, so a search can be
 * linked to and the back button works. The words it shows are the guide's,
 * in the form's `data-words`.
 */
import { formatMessage, type Message } from '../model/message-format.ts';

/** The search page's words, in the guide's language (src/routes/search.astro). */
export interface SearchWords {
  headings: Record<(typeof groups)[number][0], string>;
  /** Each kind of record as readers see it. */
  kinds: Record<string, string>;
  /** When nothing is found, with `{query}`; and the number of results, with `{count}` and `{query}`. */
  none: Message;
  found: Message;
}

interface PagefindResult {
  data: () => Promise<{ url: string; excerpt: string; meta: { title: string; kind: string }; filters: { who?: string[] } }>;
}
interface Pagefind {
  init: () => Promise<void>;
  search: (query: string, options: { filters: Record<string, { any: string[] }> }) => Promise<{ results: PagefindResult[] } | null>;
}

/** The order of the groups of results: what the reader most likely wants first. */
const groups = [
  ['claims', ['claim']],
  ['annotations', ['counterargument', 'support', 'context', 'clarification', 'correction', 'question']],
  ['comments', ['comment']],
  ['sources', ['source']],
  ['glossary', ['glossary term']],
  ['cruxes', ['crux']]
] as const satisfies readonly (readonly [string, readonly string[]])[];

const form = document.querySelector<HTMLFormElement>('#search-form')!;
const words = JSON.parse(form.dataset.words!) as SearchWords;
const { lang } = document.documentElement;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const output = document.querySelector<HTMLElement>('#search-results')!;
form.hidden = false;

const params = new URLSearchParams(location.search);
input.value = params.get('q') ?? '';
for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
  box.checked = params.getAll(box.name).includes(box.value);
}

// Loaded by the page's inline script: a dynamic import that the bundler must not rewrite.
const pagefind = await (window as unknown as { guidePagefind: Promise<Pagefind> }).guidePagefind;
await pagefind.init();

let latest = 0;

async function run(): Promise<void> {
  const query = input.value.trim();
  const filters: Record<string, { any: string[] }> = {};
  const state = new URLSearchParams(query ? { q: query } : {});
  for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked')) {
    (filters[box.name] ??= { any: [] }).any.push(box.value);
    state.append(box.name, box.value);
  }
  history.replaceState(null, '', `${location.pathname}${state.size > 0 ? `?${state}` : ''}`);
  const ticket = ++latest;
  if (!query) {
    output.replaceChildren();
    status.textContent = '';
    return;
  }
  const response = await pagefind.search(query, { filters });
  const found = await Promise.all((response?.results ?? []).slice(0, 50).map((result) => result.data()));
  // A newer search may have finished first; only the latest is shown.
  if (ticket !== latest) return;
  status.textContent = found.length === 0 ? formatMessage(words.none, { query }, lang) : formatMessage(words.found, { count: found.length, query }, lang);
  const sections = groups.flatMap(([group, kinds]) => {
    const items = found.filter((result) => (kinds as readonly string[]).includes(result.meta.kind));
    if (items.length === 0) return [];
    const section = document.createElement('section');
    const title = document.createElement('h2');
    title.textContent = words.headings[group];
    const list = document.createElement('ol');
    list.className = 'search-results';
    for (const result of items) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = result.url;
      link.textContent = result.meta.title;
      const excerpt = document.createElement('p');
      // Pagefind's excerpt is the indexed text, escaped, with <mark> around the matches.
      excerpt.innerHTML = result.excerpt;
      const about = document.createElement('p');
      about.className = 'search-about';
      about.textContent = [words.kinds[result.meta.kind] ?? result.meta.kind, ...(result.filters.who ?? [])].join(' · ');
      item.append(link, excerpt, about);
      list.append(item);
    }
    section.append(title, list);
    return [section];
  });
  output.replaceChildren(...sections);
}

let timer: ReturnType<typeof setTimeout> | undefined;
input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(run, 120);
});
form.addEventListener('change', run);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  void run();
});
void run();
