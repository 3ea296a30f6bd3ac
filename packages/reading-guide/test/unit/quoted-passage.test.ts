/** How a quotation with words left out is cut into the pieces that are looked for in earlier comments. */
import { describe, expect, it } from 'vitest';
import { findQuotedPassage, quotedPieces, shortestPiece } from '../../src/graph/quoted-passage.ts';

describe('quotedPieces', () => {
  it('cuts at every way of marking left-out words, with or without spaces around them', () => {
    const pieces = ['the first long piece here', 'a second long piece here', 'the third long piece', 'a fourth long piece now', 'the fifth long piece', 'and the sixth piece, Mr. X.'];
    const marks = ['…', ' [ … ] ', '(...)', ' ( … ) ', '....'];
    expect(quotedPieces(pieces.map((piece, index) => piece + (marks[index] ?? '')).join(''))).toEqual(pieces);
    expect(quotedPieces('the first long piece here[...]a second long piece here')).toEqual(['the first long piece here', 'a second long piece here']);
    expect(quotedPieces('the first long piece here[…]a second long piece here')).toEqual(['the first long piece here', 'a second long piece here']);
  });

  it('keeps a piece of exactly the shortest length, and leaves out shorter ones', () => {
    const shortest = 'x'.repeat(shortestPiece);
    expect(quotedPieces(`  ${shortest} … ${shortest.slice(1)}  `)).toEqual([shortest]);
  });
});

describe('findQuotedPassage', () => {
  const document = { text: 'Models are trained on long tasks today, and they learn from each of those tasks over time.', quotations: [] };

  it('finds a passage with nothing left out only where it stands whole', () => {
    expect(findQuotedPassage('Models are trained on long tasks today', document)).toEqual([[{ start: 0, end: 38 }]]);
    expect(findQuotedPassage('Models are trained on short tasks today', document)).toEqual([]);
  });

  it('finds the pieces of a passage one after another', () => {
    expect(findQuotedPassage('Models are trained on long tasks … each of those tasks over time', document)).toEqual([[{ start: 0, end: 32 }, { start: 60, end: 89 }]]);
  });
});
