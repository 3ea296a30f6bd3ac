/**
 * `/annotations.jsonld` against the "must" assertions of the W3C Web
 * Annotation test suite; and the validator itself against the suite's own
 * correct and incorrect samples, so that a passing export means something.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileGuide } from '../../src/compile.ts';
import { snapshotOf } from '../../src/export/snapshot.ts';
import { annotationCollection, annotationPage, annotationPageCount, type AnnotationPage } from '../../src/export/web-annotation.ts';
import { routeValues } from '../../src/site/addresses.ts';
import type { GuideGraph } from '../../src/graph/types.ts';
import { guideCopy, sampleGuide } from '../helpers/fixtures.ts';
import { suiteRoot, WebAnnotationValidator } from '../helpers/web-annotation-validator.ts';

const validator = await WebAnnotationValidator.load();

async function samples(folder: 'correct' | 'incorrect'): Promise<[string, unknown][]> {
  const directory = path.join(suiteRoot, 'tools/samples', folder);
  const names = (await readdir(directory)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(
    names.map(async (name): Promise<[string, unknown]> => {
      const text = await readFile(path.join(directory, name), 'utf8');
      try {
        // Some samples have trailing commas, which JSON forbids but the suite's harness accepted.
        return [name, JSON.parse(text.replace(/,(\s*[}\]])/g, '$1'))];
      } catch {
        return [name, undefined];
      }
    })
  );
}

describe('the validator, on the suite’s own samples', async () => {
  const correct = await samples('correct');
  const incorrect = await samples('incorrect');

  it('accepts every correct sample but the three whose targets the schemas do not model', () => {
    const rejected = correct.filter(([, document]) => validator.failures(document).length > 0).map(([name]) => name);
    // anno11–13 have Composite, List and Independents targets.
    expect(rejected).toEqual(['anno11.json', 'anno12.json', 'anno13.json']);
    expect(correct.length).toBeGreaterThan(40);
  });

  it('rejects every incorrect sample', () => {
    const accepted = incorrect.filter(([, document]) => document !== undefined && validator.failures(document).length === 0);
    expect(accepted.map(([name]) => name)).toEqual([]);
    expect(incorrect.length).toBeGreaterThan(30);
  });
});

describe('/annotations.jsonld and its pages', async () => {
  const compiled = await compileGuide(sampleGuide, { base: '/repo/' });
  const snapshot = snapshotOf(compiled, 'https://reader.github.io/repo/');
  const collection = annotationCollection(snapshot);
  /** Every page document, first to last, for pages of `size`. */
  const pagesOf = (size?: number): AnnotationPage[] =>
    Array.from({ length: annotationPageCount(compiled.graph, size) }, (_, index) => annotationPage(snapshot, index + 1, size));
  const pages = pagesOf();
  const items = pages.flatMap((page) => page.items);

  it('holds every claim and annotation once', () => {
    expect(collection.total).toBe(compiled.graph.claimOrder.length + Object.keys(compiled.graph.annotations).length);
    expect(items).toHaveLength(collection.total);
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
  });

  it('passes every must of the suite: the collection, with its first page, each page document on its own, and each annotation', () => {
    expect(validator.failures(collection)).toEqual([]);
    // The suite's page assertions also read a collection with its first page embedded.
    expect(validator.failures(collection, 'page')).toEqual([]);
    for (const page of pages) expect(validator.failures(page), page.id).toEqual([]);
    for (const item of items) expect(validator.failures(item), item.id).toEqual([]);
  });

  it('embeds its first page, as the page’s own document has it, under the collection’s context', () => {
    const { '@context': context, ...first } = pages[0]!;
    expect(context).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.first).toEqual(first);
    expect(collection.first.id).toBe('https://reader.github.io/repo/annotations/page-1.jsonld');
  });

  it('targets each comment’s permalink with selectors that find the words in its text', () => {
    for (const item of items) {
      const comment = compiled.graph.comments.find((candidate) => item.target.scope.endsWith(`/repo/#comment-${candidate.id}`))!;
      expect(comment, item.id).toBeDefined();
      expect(item.target.source).toBe(comment.permalink);
      const [quote, position] = item.target.selector;
      expect(comment.text.slice(position.start, position.end)).toBe(quote.exact);
      // The 32 characters around the words, as Hypothesis sends them, or as many as the comment has.
      expect(quote.prefix).toBe(comment.text.slice(0, position.start).slice(-32));
      expect(quote.prefix.length).toBe(Math.min(32, position.start));
      expect(quote.suffix).toBe(comment.text.slice(position.end).slice(0, 32));
      expect(quote.suffix.length).toBe(Math.min(32, comment.text.length - position.end));
    }
    // Marks near either end of a comment, where there is less than that to give.
    expect(items.some((item) => item.target.selector[1].start < 32)).toBe(true);
  });

  it('gives a mark near the start of a comment the words before it, however few', async () => {
    const minimal = await compileGuide(await guideCopy(), { base: '/' });
    const quotes = annotationCollection(snapshotOf(minimal, 'https://reader.github.io/')).first.items.map((item) => item.target.selector[0]);
    expect(quotes.find((quote) => quote.exact === 'with emphasis in it, and a link')?.prefix).toBe('First paragraph ');
  });

  it('pages through a large collection, each page a valid document linked to its collection, the one before and the one after', () => {
    const small = annotationCollection(snapshot, 6);
    const smallPages = pagesOf(6);
    expect(smallPages.length).toBe(Math.ceil(small.total / 6));
    expect(smallPages.length).toBeGreaterThan(2);
    expect(smallPages.map((page) => page.id)).toEqual(smallPages.map((_, index) => `https://reader.github.io/repo/annotations/page-${index + 1}.jsonld`));
    expect(smallPages.map((page) => page.startIndex)).toEqual(smallPages.map((_, index) => index * 6));
    expect(smallPages.flatMap((page) => page.items)).toEqual(items);
    expect(small.first.id).toBe(smallPages[0]!.id);
    expect(small.last).toBe(smallPages.at(-1)!.id);
    for (const [index, page] of smallPages.entries()) {
      expect(page.next).toBe(smallPages[index + 1]?.id);
      expect(page.prev).toBe(smallPages[index - 1]?.id);
      expect(page.partOf).toEqual({ id: small.id, type: 'AnnotationCollection', label: small.label, total: small.total });
      expect(validator.failures(page), page.id).toEqual([]);
    }
    expect(validator.failures(small)).toEqual([]);
    expect(() => annotationPage(snapshot, smallPages.length + 1, 6)).toThrow(/No Annotation Page/);
  });
});

describe('the addresses of the Annotation Pages', () => {
  const graph = (claims: number, annotations: number) =>
    ({
      claimOrder: Array.from({ length: claims }, (_, index) => `c${index}`),
      annotations: Object.fromEntries(Array.from({ length: annotations }, (_, index) => [`a${index}`, {}]))
    }) as unknown as GuideGraph;

  it('are one page for every thousand claims and annotations, and one for none', () => {
    expect(routeValues('annotations/page-[n].jsonld.ts', { graph: graph(1500, 1000), pageIds: [] })).toEqual(['1', '2', '3']);
    expect(routeValues('annotations/page-[n].jsonld.ts', { graph: graph(1000, 0), pageIds: [] })).toEqual(['1']);
    expect(routeValues('annotations/page-[n].jsonld.ts', { graph: graph(0, 0), pageIds: [] })).toEqual(['1']);
  });
});

