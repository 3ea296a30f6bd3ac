/**
 * The link check as a contributor meets it: a link to any page, file or id
 * the site publishes passes; anything else fails with the place and a hint.
 * Each broken kind also has its case in packages/reading-guide/test/fixtures/invalid, and the build
 * test holds the addresses to what a build publishes.
 */
import { describe, expect, it } from 'vitest';
import { compileGuide } from '../../src/compile.ts';
import { ContentError, type Problem } from '../../src/model/diagnostics.ts';
import { guideWith } from '../helpers/fixtures.ts';

const annotation = (body: string) => `---\nkind: counterargument\non: c1-tasks\ncites:\n  - source: src1\n---\n\n${body}\n`;

async function linkProblems(body: string): Promise<Problem[]> {
  const folder = await guideWith({ 'annotations/ann1.md': annotation(body) });
  try {
    await compileGuide(folder, { base: '/' });
    return [];
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return error.problems;
  }
}

describe('links to the site', () => {
  it('pass to every kind of page, file and id the site publishes', async () => {
    const links = [
      '/',
      '/#comment-c2',
      '/#claim-c1-tasks',
      '/#quote-c2-1',
      '/#side-claim-c1-tasks',
      '/claims/',
      '/claims/c1-tasks/#words',
      '/claims/c1-tasks/#annotation-ann1-card',
      '/annotations/ann1/#shown',
      '/sources/src1/?from=note#cited-by',
      '/glossary/#term-task',
      '/map/',
      '/search/?q=tasks',
      '/contribute/#choosing-the-words-to-quote',
      '/annotations.jsonld',
      '/references.bib',
      '/favicon.svg',
      '/404.html',
      '#main'
    ];
    expect(await linkProblems(links.map((link, index) => `[${index}](${link})`).join(' '))).toEqual([]);
  });

  it('read an escaped fragment as the id it spells', async () => {
    expect(await linkProblems('[C2](/#comment%2Dc2)')).toEqual([]);
  });

  it('fail on a page without its closing slash, pointing to the page', async () => {
    expect(await linkProblems('[C1](/claims/c1-tasks)')).toEqual([
      expect.objectContaining({ rule: 'broken-link', line: 8, column: 1, hint: 'Did you mean `/claims/c1-tasks/`?' })
    ]);
  });

  it('fail on an id that another page has, naming the page', async () => {
    expect(await linkProblems('[the words](/annotations/ann1/#words)')).toEqual([
      expect.objectContaining({ rule: 'broken-link', message: '`/annotations/ann1/` has no `#words`' })
    ]);
  });

  it('read a bare fragment against every page the text is shown on', async () => {
    // An annotation on a claim is shown on its own page and on the claim's.
    expect(await linkProblems('[the top](#main) [where](#shown)')).toEqual([
      expect.objectContaining({ rule: 'broken-link', message: 'The page this is shown on (`/claims/c1-tasks/`) has no `#shown`' })
    ]);
  });

  it('fail on every link that does not start at the root', async () => {
    const problems = await linkProblems('[a](claims/c1-tasks/) [b](./x) [c](?q=x)');
    expect(problems.map((problem) => [problem.rule, problem.column])).toEqual([
      ['relative-link', 1],
      ['relative-link', 23],
      ['relative-link', 32]
    ]);
  });

  it('leave links to other sites and e-mail addresses alone', async () => {
    expect(await linkProblems('[a](https://example.org/claims/x/) [b](//example.org/y) [c](mailto:a@example.org)')).toEqual([]);
  });
});
