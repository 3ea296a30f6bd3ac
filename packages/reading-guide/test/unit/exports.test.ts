/**
 * The exports, parsed back with the tools their formats are made for:
 * citation-js for BibTeX and CSL-JSON, Argdown's own parser, an Atom parser.
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { describe, expect, it } from 'vitest';
import { compileGuide } from '../../src/compile.ts';
import { argdown, argdownRelations, argumentMap } from '../../src/export/argument-map.ts';
import { cslName, fullName } from '../../src/export/csl.ts';
import { annotationFeed } from '../../src/export/feed.ts';
import { snapshotOf } from '../../src/export/snapshot.ts';
import { sampleGuide } from '../helpers/fixtures.ts';
import { readArgdown, referencesReadBack } from '../helpers/exports-read-back.ts';

const compiled = await compileGuide(sampleGuide, { base: '/repo/' });
const snapshot = snapshotOf(compiled, 'https://reader.github.io/repo/');
const sources = compiled.content.sources;

describe('references', () => {
  it('splits names as CSL wants them, keeping family names alone and particles with the family', () => {
    expect(cslName('Greenblatt')).toEqual({ family: 'Greenblatt' });
    expect(cslName('Stephen M. Omohundro')).toEqual({ given: 'Stephen M.', family: 'Omohundro' });
    expect(cslName('Teun van der Weij')).toEqual({ given: 'Teun', 'non-dropping-particle': 'van der', family: 'Weij' });
    expect(fullName(cslName('Teun van der Weij'))).toBe('Teun van der Weij');
  });

  it('parse back with citation-js, from CSL-JSON and from BibLaTeX, to every fact of every source', () => {
    // Every field the comparison reads is held by some source of the guide, so that a field lost shows.
    for (const field of ['authors', 'issued', 'url', 'container', 'volume', 'issue', 'publisher', 'arxiv'] as const) {
      expect(sources.some((source) => source.data[field] !== undefined), field).toBe(true);
    }
    // And names a reference manager may mangle: a particle, and letters beyond ASCII.
    const authors = sources.flatMap((source) => source.data.authors ?? []);
    expect(authors.some((name) => / van der /.test(name))).toBe(true);
    expect(authors.some((name) => /[^\x00-\x7f]/.test(name))).toBe(true);
    expect(referencesReadBack(snapshot)).toEqual({ 'CSL-JSON': [], BibLaTeX: [] });
  });
});

describe('/argument-map.argdown', () => {
  const map = argumentMap(snapshot);
  const response = readArgdown(argdown(map));

  it('parses with Argdown’s own parser, without an error', () => {
    expect(response.lexerErrors).toEqual([]);
    expect(response.parserErrors).toEqual([]);
    expect(response.exceptions ?? []).toEqual([]);
  });

  it('has one statement per claim and every relation, as a relation or as data', () => {
    expect(Object.keys(response.statements).sort()).toEqual(map.nodes.map((node) => node.id).sort());
    const native = map.edges.filter((edge) => argdownRelations[edge.type]);
    expect(response.relations).toHaveLength(native.length);
    expect(response.relations.map((relation) => `${relation.from.title} ${relation.relationType} ${relation.to.title}`).sort()).toEqual(
      native.map((edge) => `${edge.from} ${edge.type === 'attacks' ? 'attack' : 'support'} ${edge.to}`).sort()
    );
    const asData = Object.entries(response.statements).flatMap(([from, statement]) =>
      Object.entries(statement.data ?? {}).flatMap(([type, targets]) => targets.map((to) => `${from} ${type} ${to}`))
    );
    expect(asData.sort()).toEqual(
      map.edges.filter((edge) => !argdownRelations[edge.type]).map((edge) => `${edge.from} ${edge.type} ${edge.to}`).sort()
    );
    expect(map.edges).toHaveLength(Object.values(compiled.graph.claims).flatMap((claim) => claim.relations).length / 2);
  });
});

describe('/feed.xml', () => {
  const xml = annotationFeed(snapshot);
  const feed = parseFeed(xml);

  it('is a well-formed Atom feed of every annotation, newest first', () => {
    // Throws, naming the line, on XML that is not well-formed.
    expect(SyntaxValidator.validate(xml)).toBe(true);
    expect(feed.meta).toEqual({ type: 'atom', version: '1.0' });
    // The language of the guide's own text, which the entries carry.
    expect(feed.language).toBe('en');
    expect(feed.items).toHaveLength(Object.keys(compiled.graph.annotations).length);
    const dates = feed.items.map((item) => item.updated?.getTime() ?? 0);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    for (const item of feed.items) {
      expect(item.url).toMatch(/^https:\/\/reader\.github\.io\/repo\/annotations\/[a-z0-9-]+\/$/);
      expect(item.content).not.toMatch(/href="\/(?!\/)/);
    }
  });

  it('is the same for the same content: no date from the clock', async () => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(annotationFeed(snapshot)).toBe(xml);
  });
});
