/**
 * Any number of commenters, each told apart: a colour of the palette (or
 * guide.yaml's), an outline for the map, and enough contrast on both themes'
 * backgrounds to be seen (WCAG 1.4.11: 3:1 for parts of graphics).
 */
import { describe, expect, it } from 'vitest';
import { palette, speakerClass, speakerStyleSheet } from '../../src/site/speaker-styles.ts';

/** The page's background in each theme, as global.css sets `--background`. */
const backgrounds = { light: '#fdfcf9', dark: '#17181a' };

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

const contrast = (a: string, b: string) => {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
};

const commenters = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, index) => [`K${index}`, { name: `Commenter ${index}` }]));

describe('speaker styles', () => {
  it('has palette colours that stand out on the page in both themes, and differ from one another', () => {
    for (const colour of palette) {
      expect(contrast(colour.light, backgrounds.light), colour.light).toBeGreaterThanOrEqual(3);
      expect(contrast(colour.dark, backgrounds.dark), colour.dark).toBeGreaterThanOrEqual(3);
    }
    expect(new Set(palette.map((colour) => colour.light)).size).toBe(palette.length);
  });

  it('gives each of forty commenters its own colour and outline together', () => {
    const sheet = speakerStyleSheet(commenters(40));
    const rules = [...sheet.matchAll(/\.speaker-(K\d+)\{--speaker:([^;]+);--speaker-dash:([^}]+)\}/g)].map((match) => `${match[2]} ${match[3]}`);
    expect(rules).toHaveLength(40);
    expect(new Set(rules).size).toBe(40);
  });

  it('uses the colour guide.yaml gives a commenter', () => {
    const sheet = speakerStyleSheet({ A: { name: 'A' }, B: { name: 'B', colour: { light: '#123456', dark: '#abcdef' } } });
    expect(sheet).toContain('.speaker-B{--speaker:light-dark(#123456,#abcdef)');
    expect(sheet).toContain(`.speaker-A{--speaker:light-dark(${palette[0]!.light},${palette[0]!.dark})`);
  });

  it('names a class for every speaker, and one for a comment whose author is not shown', () => {
    expect(speakerClass({ kind: 'commenter', key: 'AB' })).toBe('speaker-AB');
    expect(speakerClass({ kind: 'outside', source: 'ai-2027' })).toBe('speaker-outside');
    expect(speakerClass({ kind: 'commenter', key: undefined })).toBe('speaker-unknown');
  });
});
