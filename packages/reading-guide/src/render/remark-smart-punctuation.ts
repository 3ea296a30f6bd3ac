/**
 * remark plugin: SmartyPants (remark-smartypants) for the guide's own prose,
 * run only on a document with something it would change. It turns straight
 * quotes and backticks into curly quotes, double hyphens into dashes and
 * three dots into an ellipsis, by running retext over every text node, which
 * costs more than rendering the rest of the body; prose written with
 * typographic punctuation in the first place (most of the guide's) has
 * nothing for it to do, so it is not run there. Every change it makes starts
 * at one of these characters within a single text node, so a document whose
 * text nodes hold none of them is rendered exactly as it would be otherwise.
 */
import type { Paragraph, Root, Text } from 'mdast';
import remarkSmartypants from 'remark-smartypants';
import { unified, type Plugin, type Transformer } from 'unified';
import { visit, EXIT } from 'unist-util-visit';
import { VFile } from 'vfile';

/** remark-smartypants' options: which punctuation it changes, and into what; with any of them it changes only what `changeable` finds. */
export type RemarkSmartPunctuationOptions = NonNullable<Parameters<typeof remarkSmartypants>[0]>;

/** A straight quote, a backtick, two hyphens, or the start of three dots (spaced or not). */
const changeable = /["'`]|--|\.\s*\./;

export const remarkSmartPunctuation: Plugin<[RemarkSmartPunctuationOptions?], Root> = function (options) {
  const smartypants = (remarkSmartypants as unknown as Plugin<[RemarkSmartPunctuationOptions?], Root>).call(this, options) as Transformer<Root>;
  return (tree, file) => {
    let needed = false;
    visit(tree, 'text', (node) => {
      if (!changeable.test(node.value)) return;
      needed = true;
      return EXIT;
    });
    if (needed) smartypants(tree, file, () => undefined);
  };
};

/** The plugin's transform, made once: remark-smartypants sets up a retext processor each time it is attached. */
let textTransform: Transformer<Root> | undefined;

/**
 * Plain text with the punctuation the page gives the same words: for text
 * shown apart from its body (a preview card, a sidenote's excerpt, a search
 * result), so that it reads as the page does.
 */
export function smartPunctuationText(text: string): string {
  if (!changeable.test(text)) return text;
  textTransform ??= remarkSmartPunctuation.call(unified()) as Transformer<Root>;
  const paragraph: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: text } satisfies Text] };
  textTransform({ type: 'root', children: [paragraph] }, new VFile(), () => undefined);
  return paragraph.children.map((child) => ('value' in child ? child.value : '')).join('');
}
