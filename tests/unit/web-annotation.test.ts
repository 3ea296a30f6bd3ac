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
import { annotationCollection, pagesOf } from '../../src/export/web-annotation.ts';
import { projectRoot } from '../helpers/fixtures.ts';
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

describe('/annotations.jsonld', async () => {
  const compiled = await compileGuide(path.join(projectRoot, 'content'), { base: '/repo/' });
  const collection = annotationCollection(snapshotOf(compiled, 'https://reader.github.io/repo/'));
  const pages = pagesOf(collection);
  const items = pages.flatMap((page) => page.items);

  it('holds every claim and annotation once', () => {
    expect(collection.total).toBe(compiled.graph.claimOrder.length + Object.keys(compiled.graph.annotations).length);
    expect(items).toHaveLength(collection.total);
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
  });

  it('passes every must of the suite: the collection, each page and each annotation', () => {
    const { first: _first, ...collectionAlone } = collection;
    expect(validator.failures({ ...collectionAlone, first: collection.first.id })).toEqual([]);
    expect(validator.failures(collection)).toEqual([]);
    for (const page of pages) expect(validator.failures({ '@context': collection['@context'], ...page }), page.id).toEqual([]);
    for (const item of items) expect(validator.failures(item), item.id).toEqual([]);
  });

  it('targets each comment’s permalink with selectors that find the words in its text', () => {
    for (const item of items) {
      const comment = compiled.graph.comments.find((candidate) => item.target.scope.endsWith(`/repo/#comment-${candidate.id}`))!;
      expect(comment, item.id).toBeDefined();
      expect(item.target.source).toBe(comment.permalink);
      const [quote, position] = item.target.selector;
      expect(comment.text.slice(position.start, position.end)).toBe(quote.exact);
      expect(comment.text.slice(0, position.start).endsWith(quote.prefix)).toBe(true);
      expect(comment.text.slice(position.end).startsWith(quote.suffix)).toBe(true);
    }
  });

  it('pages through a large collection, each page pointing at its collection and the next', () => {
    const small = annotationCollection(snapshotOf(compiled, 'https://reader.github.io/repo/'), 10);
    const smallPages = pagesOf(small);
    expect(smallPages.length).toBe(Math.ceil(small.total / 10));
    expect(smallPages.map((page) => page.startIndex)).toEqual(smallPages.map((_, index) => index * 10));
    expect(small.last).toBe(smallPages.at(-1)!.id);
    for (const page of smallPages) expect(validator.failures({ '@context': small['@context'], ...page, next: page.next?.id })).toEqual([]);
  });
});
