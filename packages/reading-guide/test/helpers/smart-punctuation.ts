/**
 * remark-smart-punctuation against remark-smartypants, whose output it must
 * give exactly: the trees each makes of the same Markdown, compared whole.
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkSmartypants from 'remark-smartypants';
import { unified, type Plugin } from 'unified';
import { remarkSmartPunctuation } from '../../src/render/remark-smart-punctuation.ts';

const through = (plugin: Plugin<[], Root>) => async (markdown: string) => {
  const processor = unified().use(remarkParse).use(remarkGfm).use(plugin);
  return JSON.stringify(await processor.run(processor.parse(markdown)));
};

export const smartypants = through(remarkSmartypants as unknown as Plugin<[], Root>);
export const smartPunctuation = through(remarkSmartPunctuation);

/** The documents among `markdown` on which the two differ. */
export async function differFromSmartypants(markdown: readonly string[]): Promise<string[]> {
  const differing: string[] = [];
  for (const document of markdown) if ((await smartPunctuation(document)) !== (await smartypants(document))) differing.push(document);
  return differing;
}

/** The prose a guide writes itself: every body but the commenters'. */
export const ownProse = (content: { [collection in 'claims' | 'annotations' | 'sources' | 'glossary' | 'cruxes' | 'pages']: readonly { body: string }[] }) =>
  [...content.claims, ...content.annotations, ...content.sources, ...content.glossary, ...content.cruxes, ...content.pages].map((entry) => entry.body).filter((body) => body.trim() !== '');
