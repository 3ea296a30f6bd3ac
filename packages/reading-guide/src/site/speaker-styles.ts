/**
 * Each commenter's colour and line style, for any number of commenters: the
 * colour `guide.yaml` gives, or else one of a palette in the order the
 * commenters are listed. The site's stylesheet draws rules, map boxes and
 * legend swatches from the custom properties set here, so nothing in it
 * names a commenter. Colours are never the only difference: labels name
 * every speaker, and map boxes also differ by line style.
 */
import type { GuideData } from '../model/schema.ts';
import type { Speaker } from '../graph/types.ts';

/**
 * Light and dark pairs, each at least 3:1 against the page's background in
 * its theme (WCAG 1.4.11), and kept apart from the colours the guide uses for
 * its own voice, support and attack.
 */
export const palette: readonly { light: string; dark: string }[] = [
  { light: '#2f6db3', dark: '#7aa7e0' },
  { light: '#a0522d', dark: '#e0a17a' },
  { light: '#7b3fa0', dark: '#c49be0' },
  { light: '#6b6b00', dark: '#c8c86a' },
  { light: '#b0306a', dark: '#f08cb8' },
  { light: '#00758f', dark: '#6cc9de' },
  { light: '#8a6d00', dark: '#e0c060' },
  { light: '#5d4037', dark: '#bcaaa4' }
];

/**
 * Map boxes' outlines: a period prime to the palette's, so that the first
 * forty commenters differ in colour or outline or both. (Dots, `2 3`, are
 * the outside works'.)
 */
const outlines: readonly string[] = ['none', '6 3', '10 3 2 3', '12 2', '3 3 9 3'];

/** The class of every outside work: they share one colour and outline. */
export const outsideClass = 'speaker-outside';

/** The class that gives an element its speaker's colour and outline. */
export function speakerClass(speaker: Speaker | { kind: 'commenter'; key: string | undefined }): string {
  if (speaker.kind === 'outside') return outsideClass;
  return speaker.key === undefined ? 'speaker-unknown' : `speaker-${speaker.key}`;
}

/** The stylesheet that sets each commenter's custom properties. */
export function speakerStyleSheet(commenters: GuideData['commenters']): string {
  return Object.entries(commenters)
    .map(([key, commenter], index) => {
      const colour = commenter.colour ?? palette[index % palette.length]!;
      return `.${speakerClass({ kind: 'commenter', key })}{--speaker:light-dark(${colour.light},${colour.dark});--speaker-dash:${outlines[index % outlines.length]}}`;
    })
    .join('');
}
