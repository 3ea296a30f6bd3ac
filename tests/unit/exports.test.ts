/**
 * The exports, parsed back with the tools their formats are made for:
 * citation-js for BibTeX and CSL-JSON, Argdown's own parser, an Atom parser.
 */
import { ArgdownApplication, DataPlugin, ModelPlugin, ParserPlugin } from '@argdown/core';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import { parseFeed } from '@rowanmanning/feed-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { describe, expect, it } from 'vitest';
import { compileGuide } from '../../packages/reading-guide/src/compile.ts';
import { argdown, argdownRelations, argumentMap } from '../../packages/reading-guide/src/export/argument-map.ts';
import { biblatex, cslItems, cslName, fullName, type CslItem } from '../../packages/reading-guide/src/export/csl.ts';
import { annotationFeed } from '../../packages/reading-guide/src/export/feed.ts';
import { snapshotOf } from '../../packages/reading-guide/src/export/snapshot.ts';
import { sampleGuide } from '../helpers/fixtures.ts';

const compiled = await compileGuide(sampleGuide, { base: '/repo/' });
const snapshot = snapshotOf(compiled, 'https://reader.github.io/repo/');
const sources = compiled.content.sources;

describe('references', () => {
  const items = cslItems(snapshot);
  const fromCsl = new Cite(JSON.parse(JSON.stringify(items))).format('data', { format: 'object' }) as CslItem[];
  const fromBib = new Cite(biblatex(items)).format('data', { format: 'object' }) as CslItem[];

  it('splits names as CSL wants them, keeping family names alone and particles with the family', () => {
    expect(cslName('Greenblatt')).toEqual({ family: 'Greenblatt' });
    expect(cslName('Stephen M. Omohundro')).toEqual({ given: 'Stephen M.', family: 'Omohundro' });
    expect(cslName('Teun van der Weij')).toEqual({ given: 'Teun', 'non-dropping-particle': 'van der', family: 'Weij' });
    expect(fullName(cslName('Teun van der Weij'))).toBe('Teun van der Weij');
  });

  it.each([
    ['CSL-JSON', () => fromCsl],
    ['BibLaTeX', () => fromBib]
  ])('%s parses back with citation-js to the source data', (_format, parsed) => {
    // BibTeX keys are the ids without their hyphens, as BibTeX keys allow.
    const key = (id: string) => id.replace(/-/g, '');
    const byKey = new Map(parsed().map((item) => [key(item.id), item]));
    expect(byKey.size).toBe(sources.length);
    for (const source of sources) {
      const item = byKey.get(key(source.id));
      expect(item, source.id).toBeDefined();
      expect(item!.title, source.id).toBe(source.data.title);
      expect((item!.author ?? []).map(fullName), source.id).toEqual(source.data.authors ?? []);
      const issued = item!.issued?.['date-parts'][0]?.map((part) => String(part).padStart(2, '0')).join('-');
      expect(issued, source.id).toBe(source.data.issued);
      expect(item!.URL, source.id).toBe(source.data.url);
      if (source.data.arxiv) expect(item!.note, source.id).toContain(`arXiv:${source.data.arxiv}`);
      if (source.data.container) expect(item!['container-title'], source.id).toBe(source.data.container);
      expect(item!.volume, source.id).toBe(source.data.volume);
      expect(item!.issue, source.id).toBe(source.data.issue);
      expect(item!.publisher, source.id).toBe(source.data.publisher);
    }
  });
});

describe('/argument-map.argdown', () => {
  const map = argumentMap(snapshot);
  const app = new ArgdownApplication();
  app.addPlugin(new ParserPlugin(), 'parse-input');
  app.addPlugin(new DataPlugin(), 'build-model');
  app.addPlugin(new ModelPlugin(), 'build-model');
  const response = app.run({
    input: argdown(map),
    process: ['parse-input', 'build-model'],
    logLevel: 'error',
    logExceptions: false,
    model: { removeTagsFromText: true }
  }) as unknown as {
    statements: Record<string, { data?: Record<string, string[]>; tags?: string[] }>;
    relations: { from: { title: string }; to: { title: string }; relationType: string }[];
    lexerErrors: unknown[];
    parserErrors: unknown[];
    exceptions?: unknown[];
  };

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
