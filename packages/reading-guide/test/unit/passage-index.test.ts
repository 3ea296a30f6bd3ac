import { describe, expect, it } from 'vitest';
import { PassageIndex } from '../../src/graph/passage-index.ts';
import { findTextQuote } from 'remark-text-quote';

const texts = {
  a: 'Models want to finish the task in front of them.',
  b: 'I doubt that models want anything at all.',
  c: '“Models want to finish the task” is what A said. I disagree.'
};
const quotationInC = { start: 0, end: 32 };

function index() {
  const passages = new PassageIndex<string>();
  passages.add('a', texts.a);
  passages.add('b', texts.b);
  passages.add('c', texts.c, [quotationInC]);
  return passages;
}

describe('PassageIndex', () => {
  it('finds the comment that holds a passage, and not those that share only its words', () => {
    expect(index().candidates('want to finish the task in')).toEqual(['a']);
  });

  it('leaves out words a comment only quotes from another', () => {
    expect(index().candidates('want to finish the task')).toEqual(['a']);
  });

  it('matches across line breaks as the selectors do', () => {
    expect(index().candidates('want to\nfinish   the task in')).toEqual(['a']);
  });

  it('offers every comment for a passage too short to have inner words, in order', () => {
    expect(index().candidates('models want')).toEqual(['a', 'b', 'c']);
    expect(index().candidates('Models')).toEqual(['a', 'b', 'c']);
  });

  it('offers nothing when an inner word occurs nowhere', () => {
    expect(index().candidates('want to dance the task in')).toEqual([]);
  });

  it('never leaves out a comment where the passage really occurs, even starting or ending inside a word', () => {
    const passages = index();
    for (const [id, text] of Object.entries(texts)) {
      for (let start = 0; start < text.length; start += 3) {
        for (let end = start + 1; end <= text.length; end += 5) {
          const passage = text.slice(start, end).trim();
          if (passage === '' || (id === 'c' && start < quotationInC.end)) continue;
          const holders = Object.entries(texts).filter(([, other]) => findTextQuote(other, { exact: passage }).length > 0).map(([other]) => other);
          expect(passages.candidates(passage), passage).toEqual(expect.arrayContaining(holders.filter((other) => other !== 'c' || id === 'c')));
        }
      }
    }
  });
});

describe('PassageIndex, in detail', () => {
  it('offers nothing for inner words that stand in a comment only apart', () => {
    // B has "doubt" and "anything", but not "doubt anything".
    expect(index().candidates('I doubt anything at')).toEqual([]);
  });

  it('reads a passage with spaces around it as the words it has', () => {
    expect(index().candidates('  Models want ')).toEqual(['a', 'b', 'c']);
  });

  it('does not join the end of a comment to its start', () => {
    expect(index().candidates('of them. Models want to')).toEqual([]);
  });

  it('leaves out every quotation of a comment, not only the first', () => {
    const text = 'I said: first quoted words. My own words here. Then: second quoted words.';
    const range = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
    const passages = new PassageIndex<string>();
    passages.add('d', text, [range('first quoted words.'), range('second quoted words.')]);
    expect(passages.candidates('My own words here')).toEqual(['d']);
    expect(passages.candidates('the second quoted words')).toEqual([]);
    expect(passages.candidates('the first quoted words')).toEqual([]);
  });

  it('puts documents in the order they were added', () => {
    expect(index().ordered(new Set(['c', 'a']))).toEqual(['a', 'c']);
  });
});
