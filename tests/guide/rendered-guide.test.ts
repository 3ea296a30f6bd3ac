/**
 * This guide as a reader meets it: the links, notes, preview cards and search
 * records its own content gives. The generator's behaviour behind each is
 * tested on the fixture guides; here the guide's content is held to it.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import { compileGuide } from '../../packages/reading-guide/src/compile.ts';
import { argdown, argumentMap } from '../../packages/reading-guide/src/export/argument-map.ts';
import { previews } from '../../packages/reading-guide/src/export/previews.ts';
import { searchRecords } from '../../packages/reading-guide/src/export/search-records.ts';
import { snapshotOf } from '../../packages/reading-guide/src/export/snapshot.ts';
import { readArgdown, referencesReadBack } from '../../packages/reading-guide/test/helpers/exports-read-back.ts';
import { projectRoot } from '../../packages/reading-guide/test/helpers/fixtures.ts';
import { differFromSmartypants, ownProse } from '../../packages/reading-guide/test/helpers/smart-punctuation.ts';

const content = path.join(projectRoot, 'content');
const compiled = await compileGuide(content, { base: '/' });
const snapshot = snapshotOf(compiled, 'https://reader.github.io/');
const parse = (html: string) => fromHtml(html, { fragment: true });

it('passes `npm run check`', () => {
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'packages/reading-guide/src/cli/check.ts'), content], { cwd: projectRoot, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  expect(result.stdout).toMatch(/: 4 comments, \d+ claims, \d+ annotations, \d+ sources, \d+ terms: no errors\.$/m);
});

describe('the thread', () => {
  const a2 = parse(compiled.rendered.html.thread.a2!);

  it('links A2’s arXiv papers at their canonical address, showing the commenter’s own text', () => {
    const links = selectAll('a[href^="https://arxiv.org/abs/"]', a2) as Element[];
    expect(links.map((link) => [toText(link), link.properties.href])).toEqual([
      ['https://www.arxiv.org/abs/2509.15541', 'https://arxiv.org/abs/2509.15541'],
      ['https://arxiv.org/abs/2412.04984', 'https://arxiv.org/abs/2412.04984']
    ]);
  });

  it('sums up B’s main claim beside it, with the counterargument on its exceptions', () => {
    const note = selectAll('#side-claim-b1-weak-concern', parse(compiled.rendered.html.thread.b1!))[0]!;
    expect(toText(selectAll('.sidenote-head', note)[0]!)).toMatch(/^C\d+ · 2 counterarguments · 1 in support · 1 question · cites Greenblatt et al\. 2024$/);
    expect(selectAll('a[href="/annotations/beyond-instructions-exceptions/"]', note)).toHaveLength(1);
  });
});

describe('preview cards', () => {
  const cards = previews(snapshot, '/', {});

  it('give B’s main claim its standing and its strongest counterargument', () => {
    const card = cards['/claims/b1-weak-concern/']!;
    expect(card.title).toMatch(/^Claim C\d+ · Commenter B$/);
    expect(card.html).toContain('With few exceptions, such as Claude 3 Opus');
    expect(card.html).toContain('2 counterarguments');
    expect(card.html).toContain('href="/annotations/beyond-instructions-exceptions/"');
  });

  it('give Schoen et al. 2025 its checked facts and the appendix A2 cites', () => {
    const card = cards['/sources/schoen2025/']!;
    expect(card.html).toContain('Stress Testing Deliberative Alignment for Anti-Scheming Training');
    expect(card.html).toContain('Bronson Schoen');
    expect(card.html).toContain('Cited at: Appendix M');
  });

  it('give a term its whole first sentence, past “et al.”', () => {
    expect(cards['/glossary/#term-covert-actions']!.html).toContain('Schoen et al. report their rates before and after anti-scheming training.</p>');
  });
});

describe('search records', () => {
  const records = searchRecords(snapshot);
  const record = (url: string) => records.find((candidate) => candidate.url === url)!;

  it('give the AI 2027 passage’s claims to the scenario, and B’s to B', () => {
    expect(record('/#claim-ai2027-real-goals').filters.who).toEqual(['Outside work']);
    expect(record('/#claim-b1-weak-concern').filters.who).toEqual(['Commenter B']);
  });

  it('find A2’s ablations by the appendix and the paper’s address', () => {
    expect(record('/#claim-a2-ablations').content).toContain('Appendix M in https://www.arxiv.org/abs/2509.15541');
    expect(record('/sources/schoen2025/').content).toContain('Appendix M');
  });
});

describe('the guide’s own prose and exports', () => {
  it('gets the punctuation remark-smartypants would give it', async () => {
    const bodies = ownProse(compiled.content);
    expect(bodies.length).toBeGreaterThan(50);
    expect(await differFromSmartypants(bodies)).toEqual([]);
  });

  it('gives references that read back to every checked fact of every source', () => {
    expect(referencesReadBack(snapshot)).toEqual({ 'CSL-JSON': [], BibLaTeX: [] });
  });

  it('gives an argument map Argdown reads without an error, a statement for each claim', () => {
    const model = readArgdown(argdown(argumentMap(snapshot)));
    expect([...model.lexerErrors, ...model.parserErrors, ...(model.exceptions ?? [])]).toEqual([]);
    expect(Object.keys(model.statements)).toHaveLength(compiled.graph.claimOrder.length);
  });
});
