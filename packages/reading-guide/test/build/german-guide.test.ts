/**
 * A guide in German (packages/reading-guide/test/fixtures/german), built as a user builds one:
 * every page says `lang="de"`, its headings, labels and dates are German,
 * the search index is German, the exports say they are, and no English word
 * of the site's own is left anywhere a reader sees or hears it, outside the
 * commenters' words (which stay in English, as the thread has them).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { visitParents } from 'unist-util-visit-parents';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../src/model/message-format.ts';
import { uiKeys, uiTables } from '../../src/model/ui-strings.ts';
import { buildSite } from '../helpers/build-site.ts';
import { fixturesRoot } from '../helpers/fixtures.ts';
import { htmlFiles, invalidHtml } from '../helpers/html-validation.ts';

const content = path.join(fixturesRoot, 'german');

const forms = (message: Message): string[] => (typeof message === 'string' ? [message] : Object.values(message));

/**
 * The English table's words, piece by piece between its placeholders, that
 * German does not share: "Skip to content", "Claim", "in support" … (a
 * piece with no word of four letters, such as ", in ", is left out).
 */
const englishWords = (() => {
  const german = uiKeys.flatMap((key) => forms(uiTables.de[key])).join('\n');
  const pieces = uiKeys
    .flatMap((key) => forms(uiTables.en[key]))
    .flatMap((form) => form.split(/\{[A-Za-z0-9]+\}/))
    .map((piece) => piece.replace(/^[\s,.:;·()“”—–-]+|[\s,.:;·()“”—–-]+$/g, ''))
    .filter((piece) => /[A-Za-z]{4}/.test(piece) && !german.includes(piece));
  return [...new Set(pieces)];
})();

/** The English words of the table in `text`, as whole words. */
function englishIn(text: string): string[] {
  const plain = text.replace(/https?:\/\/\S+/g, ' ');
  return englishWords.filter((words) => new RegExp(`(?<![A-Za-z])${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z])`).test(plain));
}

const classes = (element: Element) => (Array.isArray(element.properties.className) ? element.properties.className.map(String) : []);
/** The meta tags whose content a reader or a link preview shows. */
const shownMeta = new Set(['description', 'og:title', 'og:description', 'og:site_name', 'og:image:alt', 'twitter:title', 'twitter:description']);
const jsonStrings = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(jsonStrings) : [];

/**
 * What a page says in the site's own voice: its text, and the attributes a
 * reader sees or hears (accessible names, tooltips, labels drawn by CSS,
 * the words handed to its scripts), without the commenters' words: a
 * comment's body but for the notes and captions the guide puts in it, and
 * the words a claim page quotes. What says it is in English (CONTRIBUTING.md) is left out.
 */
function siteWords(html: string): string {
  const words: string[] = [];
  visitParents(fromHtml(html), (node: Nodes, ancestors: Nodes[]) => {
    const chain = [...ancestors, node].filter((each): each is Element => each.type === 'element');
    if (chain.some((element) => element.tagName === 'script' || element.tagName === 'style' || element.properties.lang === 'en')) return;
    const guideVoice = chain.some((element) => element.tagName === 'figcaption' || (element.tagName === 'details' && classes(element).includes('sidenotes')));
    const commenters = chain.some((element) => classes(element).includes('comment-body') || element.tagName === 'blockquote');
    if (node.type === 'text' && (guideVoice || !commenters)) words.push(node.value);
    if (node.type !== 'element') return;
    const { properties } = node;
    for (const name of ['ariaLabel', 'title', 'placeholder', 'alt', 'dataLabel'] as const) if (typeof properties[name] === 'string') words.push(properties[name]);
    if (node.tagName === 'meta' && shownMeta.has(String(properties.name ?? properties.property))) words.push(String(properties.content));
    if (typeof properties.dataWords === 'string') words.push(...jsonStrings(JSON.parse(properties.dataWords)));
  });
  return words.join('\n');
}

describe('a guide in German', () => {
  const built = buildSite({ GUIDE_CONTENT: content });
  const page = async (file: string) => readFile(path.join(built.outDir, file), 'utf8');
  const tree = async (file: string) => fromHtml(await page(file));

  it('builds, into valid HTML', async () => {
    expect(built.status, built.output).toBe(0);
    expect(await invalidHtml(built.outDir)).toEqual([]);
  });

  it('says on every page that it is in German, and on the contribution page that CONTRIBUTING.md is in English', async () => {
    const files = await htmlFiles(built.outDir);
    expect(files.length).toBeGreaterThan(15);
    for (const file of files) expect(select('html', fromHtml(await readFile(file, 'utf8')))?.properties.lang, file).toBe('de');
    expect(select('article.contribute', await tree('contribute/index.html'))?.properties.lang).toBe('en');
  });

  it('names its sections, headings and labels in German, with the message guide.yaml rewords', async () => {
    const home = await tree('index.html');
    expect(selectAll('nav[aria-label="Bereiche"] a', home).map((link) => toText(link))).toEqual(['Diskussion', 'Behauptungen', 'Karte', 'Knackpunkte', 'Quellen', 'Annotationen', 'Glossar']);
    expect(toText(select('#thread-title', home)!)).toBe('Die Diskussion');
    expect(toText(select('#comment-c2 .comment-meta', home)!)).toMatch(/^Antwort auf C1 · Originalkommentar auf Beispielforum · /);
    expect(toText(select('#comment-c2 .comment-footer', home)!)).toContain('2 weitere Antworten auf Beispielforum, nicht in der Erfassung: dort lesen');
    expect(selectAll('details.sidenotes > summary', home).map((summary) => toText(summary))).toEqual([
      'Anmerkungen: C1',
      'Anmerkungen: zitiert in C2 · C2',
      'Anmerkungen: Frage · C3 · Doe 2020'
    ]);
    expect(toText(select('#comment-c1 figcaption', home)!)).toBe('Zitiert aus Doe 2020, 3. Akt (Original)');

    const claim = await tree('claims/c1-tasks/index.html');
    expect(selectAll('main h2', claim).map((heading) => toText(heading))).toEqual([
      'Der Wortlaut im Zusammenhang',
      'Der stärkste Einwand',
      'Wie sie zu anderen Behauptungen steht',
      'Zitierte Quellen',
      'Annotationen'
    ]);
    expect(selectAll('.relation-group h3', claim).map((heading) => toText(heading))).toEqual(['Gestützt von', 'Angegriffen von']);
    expect(select('.map-viewport', claim)?.properties.dataWords).toContain('Vergrößern');
    const sources = await tree('sources/index.html');
    expect(selectAll('.source-list .source-line, .source-list .count', sources).map((item) => toText(item))).toEqual(['Jane Doe und 2 weitere · 2020', '5× zitiert']);
  });

  it('writes its dates in German, in UTC', async () => {
    const times = selectAll('.comment-meta time', await tree('index.html')).map((time) => [toText(time), time.properties.title]);
    expect(times).toEqual([
      ['1. Mai 2024', '1. Mai 2024 um 12:30 UTC'],
      ['2. Mai 2024', '2. Mai 2024 um 09:00 UTC'],
      ['3. Mai 2024', '3. Mai 2024 um 08:15 UTC']
    ]);
    expect(toText(select('#comment-c2 .comment-meta', await tree('index.html'))!)).toContain('· bearbeitet am 3. Mai 2024');
  });

  it('leaves no English word of the site’s own on any page, outside the commenters’ words', async () => {
    // The check itself finds English where there is some.
    expect(englishIn(siteWords('<p>Skip to content</p><a aria-label="Claim C1: x"></a>'))).toEqual(['Skip to content', 'Claim']);
    expect(englishIn(siteWords('<div class="comment-body"><p>Claim it.</p></div>'))).toEqual([]);
    expect(englishWords.length).toBeGreaterThan(200);

    const left: Record<string, string[]> = {};
    for (const file of await htmlFiles(built.outDir)) {
      const words = siteWords(await readFile(file, 'utf8'));
      const english = englishIn(words);
      if (english.length > 0) left[path.relative(built.outDir, file)] = english;
    }
    expect(left).toEqual({});
  });

  it('gives its previews and exports in German, and says so', async () => {
    const previews = JSON.parse(await page('previews.json')) as Record<string, { title: string; html: string }>;
    // A comment's card quotes the comment: only its title is the site's.
    const cards = Object.entries(previews).map(([key, card]) => (key.startsWith('/#comment-') ? card.title : `${card.title}\n${toText(fromHtml(card.html))}`));
    expect(englishIn(cards.join('\n'))).toEqual([]);
    expect(previews['/claims/c1-tasks/']!.title).toBe('Behauptung C2 · Person A');

    const feed = await page('feed.xml');
    expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">');
    expect(feed).toContain('<title>Ein Leseführer zur Probe: Annotationen</title>');
    // Its text, that is; a category's term is the kind's identifier, as the web annotations' tags are.
    expect(englishIn(feed.replace(/<[^>]*>/g, ' '))).toEqual([]);

    const annotations = JSON.parse(await page('annotations.jsonld')) as { first: { items: { body: { language: string; purpose: string }[] }[] } };
    const bodies = annotations.first.items.flatMap((item) => item.body);
    // The guide's text is in German; the tags are the model's English words, whatever the guide's language.
    expect(new Set(bodies.filter((body) => body.purpose !== 'tagging').map((body) => body.language))).toEqual(new Set(['de']));
    expect(new Set(bodies.filter((body) => body.purpose === 'tagging').map((body) => body.language))).toEqual(new Set(['en']));
    expect(JSON.parse(await page('references.json'))[0].note).toBe('Weitere Autoren nicht aufgeführt');

    // Pagefind's index is German, the one the search page (lang="de") loads.
    expect(Object.keys(JSON.parse(await page('pagefind/pagefind-entry.json')).languages)).toEqual(['de']);
    const words = JSON.parse(String(select('#search-form', await tree('search/index.html'))!.properties.dataWords)) as { headings: Record<string, string>; found: Message };
    expect(words.headings.claims).toBe('Behauptungen');
    expect(words.found).toEqual({ one: '{count} Ergebnis für „{query}“.', other: '{count} Ergebnisse für „{query}“.' });
  });
});
