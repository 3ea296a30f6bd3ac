/**
 * The detector of stated facts that the test of the shipped guide relies on:
 * if it missed a figure or matched one by accident, that test would pass for
 * the wrong reason.
 */
import { describe, expect, it } from 'vitest';
import { figuresIn, holdsFigure, holdsWords, saysWhatItShows, sentenceQuoting, statedFacts } from './stated-facts.ts';

const values = (text: string, names: string[] = []) => statedFacts(text, names).figures.map((figure) => figure.value);

describe('statedFacts', () => {
  it('finds figures, ranges, dates and quotations', () => {
    const found = statedFacts(
      'Training lowered o3’s rate from about 13% to about 0.4% across 26 evaluations (p = 1.0), in 7–24% of cases and 30x less often, on 2025-06-20, on 13 Sep 2025, in Nov 2023 and in 2021; Sonnet was “very sad” and told "try your best".',
      ['o3']
    );
    expect(found.figures.map((figure) => figure.value)).toEqual(['2025-06-20', '2025-09-13', '2023-11', '13%', '0.4%', '26', '1.0', '7-24%', '30x', '2021']);
    expect(found.quotations).toEqual(['very sad', 'try your best']);
  });

  it('reads figures written as words, but not the pronoun “one”', () => {
    expect(values('doubling about every seven months, with two interventions in twenty-six settings, and Thirty more')).toEqual(['7', '2', '26', '30']);
    expect(values('the one A2 cites, and one of the post’s authors')).toEqual([]);
    expect(values('often, tenfold, a hundred')).toEqual(['100']);
  });

  it('passes over names, labels, places and addresses that carry digits, and looks for figures outside quotations only', () => {
    const text = 'A2 cites Appendix B.6 and §2.2.1–2.2.3 of arXiv:2509.15541 for Claude 3.5 Sonnet, Agent-4 and GPT-5 ([A1](/#comment-a1), https://arxiv.org/abs/2412.04984v2).';
    expect(statedFacts(text, ['Claude 3.5 Sonnet'])).toEqual({ figures: [], quotations: [] });
    expect(statedFacts('B names an exception, “(Opus 3)”.')).toEqual({ figures: [], quotations: ['(Opus 3)'] });
    // A name the caller does not give is a figure like any other: its record must hold it.
    expect(values('Grok 4 resisted')).toEqual(['4']);
    expect(values('as in Claude 3.5\nSonnet and sections 2.2.1–2.2.3', ['Claude 3.5 Sonnet'])).toEqual([]);
    expect(values('1. A question?\n2. Another, with 3 parts.')).toEqual(['3']);
  });
});

describe('holdsFigure', () => {
  const record = figuresIn('Across 26 OOD evaluations (180+ environments), from 13% to 0.4%; Submitted on 19 Sep 2025; issued 2025-04-03.');

  it('matches whole values, never parts of other figures or of dates', () => {
    expect(holdsFigure(record, { text: '26', value: '26' })).toBe(true);
    expect(holdsFigure(record, { text: 'twenty-six', value: '26' })).toBe(true);
    expect(holdsFigure(record, { text: '5', value: '5' })).toBe(false);
    expect(holdsFigure(record, { text: '19', value: '19' })).toBe(false);
    expect(holdsFigure(record, { text: '13', value: '13' })).toBe(false);
    expect(holdsFigure(record, { text: '4%', value: '4%' })).toBe(false);
  });

  it('lets a full date record its year and month', () => {
    expect(holdsFigure(record, { text: '2025', value: '2025' })).toBe(true);
    expect(holdsFigure(record, { text: 'September 2025', value: '2025-09' })).toBe(true);
    expect(holdsFigure(record, { text: '2024', value: '2024' })).toBe(false);
  });
});

describe('holdsWords', () => {
  it('matches whole words, with quotes, dashes and case made alike', () => {
    expect(holdsWords('developers would be “very sad” about it', 'Very sad')).toBe(true);
    expect(holdsWords('saddened developers', 'sad')).toBe(false);
    expect(holdsWords('isn’t in line', "isn't in line")).toBe(true);
    expect(holdsWords('anything', '')).toBe(false);
  });
});

describe('saysWhatItShows', () => {
  it('takes a note that quotes the work, states a figure or makes a statement, not one that only points', () => {
    expect(saysWhatItShows('See.')).toBe(false);
    expect(saysWhatItShows('See section 2.')).toBe(false);
    expect(saysWhatItShows('Models asked for no further tasks.')).toBe(true);
    expect(saysWhatItShows('“very sad”')).toBe(true);
    expect(saysWhatItShows('13% to 0.4%')).toBe(true);
  });
});

describe('sentenceQuoting', () => {
  it('finds the whole sentence that holds a quotation, not cut at “et al.”', () => {
    const text = 'The study is unusual. Schoen et al.\ndescribe it as “controlled stress-tests”. Apollo Research agrees.';
    expect(sentenceQuoting(text, 'controlled stress-tests')).toBe('Schoen et al. describe it as “controlled stress-tests”.');
    expect(sentenceQuoting('A2 writes "we ablate". B does not.', 'we ablate')).toBe('A2 writes "we ablate".');
    expect(sentenceQuoting('Nothing quoted here.', 'here')).toBe('');
  });
});
