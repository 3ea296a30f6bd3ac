/**
 * remark plugin: marks up one comment of the thread from its plan in the
 * graph, without the comment's Markdown containing any markup of its own.
 *
 * - Every mark (claim, citation, annotation, term, quoted passage, editor's
 *   note) wraps its words in `<mark>`, by remark-text-quote: a span that
 *   crosses inline formatting or a link is wrapped piece by piece, as
 *   Hypothesis does, so the HTML stays well nested; the first piece carries
 *   the mark's id.
 * - After the last piece comes a reference link to what the mark is for. Its
 *   visible label is drawn by CSS from `data-label`, so the text of the page
 *   stays exactly the commenter's words; its accessible name is `aria-label`.
 *   A reference link never goes inside another link: when a mark ends inside
 *   one, the reference follows that link.
 * - Every quotation (a blockquote at the top level) becomes a `<figure>` whose
 *   caption links to what it quotes.
 *
 * The plan of a comment comes on `file.data.commentPlan`, one file at a
 * time; a file without one is not a comment and is left as it is. The plugin
 * trusts the plan: it fails (with `file.fail`, at the first words or the
 * quotation that differ) when the comment's text or quotations are not those
 * the graph resolved selectors against, which would mean the pipeline parsed
 * it differently, or when a mark cannot be placed.
 */
import type { BlockContent, Parent, PhrasingContent, Root } from 'mdast';
import { markTextQuotes } from 'remark-text-quote';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { indexText, type TextIndex } from '../load/markdown.ts';
import type { MarkKind } from '../graph/types.ts';
import type { MarkReference } from './mark-references.ts';
import type { Sidenote } from './sidenotes.ts';
import { formatMessage, type Message } from '../model/message-format.ts';
import { uiText } from '../model/ui-strings.ts';

export interface QuotationPlan {
  id: string;
  start: number;
  end: number;
  kind: 'comment' | 'outside';
  /** For the blockquote's `cite` attribute. */
  /** The address of what it quotes, when the guide knows it. */
  citeUrl?: string;
  /** The caption, as phrasing content: words and links. */
  caption: PhrasingContent[];
}

export interface CommentPlan {
  text: string;
  marks: readonly MarkReference[];
  quotations: readonly QuotationPlan[];
  sidenotes: readonly Sidenote[];
}

export interface RemarkThreadMarksOptions {
  /** The summary of a paragraph's notes: a UI message taking `{notes}` (their labels), and the language it is in; English when not given. */
  sidenotesSummary?: { message: Message; language: string };
}

declare module 'vfile' {
  interface DataMap {
    /** The marks, quotations and notes planned for the comment this file is. */
    commentPlan: CommentPlan;
  }
}

/** A node rendered as the element `data.hName`: how remark plugins add HTML without raw HTML. */
interface GuideElement extends Parent {
  type: 'guideElement';
  data: { hName: string; hProperties?: Record<string, string | string[]> };
  children: PhrasingContent[];
}

/** A block rendered as the element `data.hName`: figures for quotations, the notes in the margin. */
interface GuideBlock extends Parent {
  type: 'guideBlock';
  data: { hName: string; hProperties: Record<string, string | string[]> };
  children: (BlockContent | GuideElement | GuideBlock)[];
}

declare module 'mdast' {
  interface PhrasingContentMap {
    guideElement: GuideElement;
  }
  interface RootContentMap {
    guideElement: GuideElement;
    guideBlock: GuideBlock;
  }
  interface BlockContentMap {
    guideBlock: GuideBlock;
  }
}

const block = (hName: string, hProperties: Record<string, string | string[]>, children: GuideBlock['children']): GuideBlock => ({
  type: 'guideBlock',
  data: { hName, hProperties },
  children
});

const element = (
  hName: string,
  hProperties: Record<string, string | string[]>,
  children: PhrasingContent[] = []
): GuideElement => ({ type: 'guideElement', data: { hName, hProperties }, children });

const markClass = (kind: MarkKind) => ['mark', `mark--${kind}`];

export const remarkThreadMarks: Plugin<[RemarkThreadMarksOptions?], Root> = (options) => {
  const english = uiText(undefined);
  const { message, language } = options?.sidenotesSummary ?? { message: english.message('sidenotes.summary'), language: english.language };
  return (tree, file) => {
    const plan = file.data.commentPlan;
    if (!plan) return;
    const index = indexText(tree);
    if (index.text !== plan.text) {
      file.fail('The comment’s text differs from the text its selectors were resolved against', {
        place: leafAt(index, firstDifference(index.text, plan.text))?.node.position,
        ruleId: 'render-failed',
        source: 'reading-guide'
      });
    }
    wrapMarks(tree, plan.marks, file);
    addSidenotes(tree, index.blocks, plan.sidenotes, (notes) => formatMessage(message, { notes }, language));
    figureQuotations(tree, plan, index, file);
  };
};

/** The offset of the first character where two texts differ (the shorter one's length when one begins the other). */
function firstDifference(one: string, other: string): number {
  let at = 0;
  while (at < one.length && one[at] === other[at]) at++;
  return at;
}

/** The text node (or inline code) that holds the character at `offset`, or the first after it; the last when there is none after. */
function leafAt(index: TextIndex, offset: number): TextIndex['leaves'][number] | undefined {
  return index.leaves.find((leaf) => leaf.end > offset) ?? index.leaves.at(-1);
}

/**
 * Puts the notes on a block's marked words right after the block, as a
 * `<details>` element: on wide screens the stylesheet shows it open in the
 * margin, on narrow ones it folds into the text and opens on demand; either
 * way it is in the page, without any script.
 */
function addSidenotes(tree: Root, blocks: TextIndex['blocks'], sidenotes: readonly Sidenote[], summary: (labels: string) => string): void {
  for (const range of [...blocks].reverse()) {
    const notes = sidenotes.filter((note) => note.start >= range.start && note.start < range.end);
    if (notes.length === 0) continue;
    const aside = block('details', { className: ['sidenotes'] }, [
      block('summary', {}, [{ type: 'text', value: summary(notes.map((note) => note.label).join(' · ')) } as never]),
      ...notes.map((note) =>
        block(
          'div',
          { className: ['sidenote', `sidenote--${note.kind}`], id: note.id },
          note.lines.map((line) => block('p', { className: line.className.split(' '), ...(line.id ? { id: line.id } : {}) }, line.content as never[]))
        )
      )
    ]);
    tree.children.splice(tree.children.indexOf(range.node) + 1, 0, aside);
  }
}

function wrapMarks(tree: Root, marks: readonly MarkReference[], file: VFile): void {
  if (marks.length === 0) return;
  const placed = markTextQuotes(tree, file, {
    annotations: marks.map((mark) => ({
      id: mark.id,
      selector: { start: mark.start, end: mark.end },
      properties: { className: markClass(mark.kind), dataMark: mark.id },
      after: [reference(mark)]
    }))
  });
  if (placed.length < marks.length) {
    const problem = file.messages.find((message) => message.source === 'remark-text-quote');
    file.fail(`A mark cannot be placed${problem ? `: ${problem.reason}` : ''}`, {
      ancestors: problem?.ancestors,
      place: problem?.place,
      ruleId: 'render-failed',
      source: 'reading-guide'
    });
  }
}

function reference(mark: MarkReference): GuideElement {
  return element('a', {
    href: mark.href,
    className: ['ref', `ref--${mark.kind}`],
    dataLabel: mark.label,
    dataFor: mark.id,
    ariaLabel: mark.title
  });
}

function figureQuotations(tree: Root, plan: CommentPlan, index: TextIndex, file: VFile): void {
  const { quotations } = index;
  const differs = [...Array(Math.max(quotations.length, plan.quotations.length)).keys()].find(
    (offset) => quotations[offset]?.start !== plan.quotations[offset]?.start || quotations[offset]?.end !== plan.quotations[offset]?.end
  );
  if (differs !== undefined) {
    file.fail('The comment’s quotations differ from those the graph matched', {
      place: (quotations[differs] ?? leafAt(index, plan.quotations[differs]!.start))?.node.position,
      ruleId: 'render-failed',
      source: 'reading-guide'
    });
  }
  for (const [offset, quotation] of quotations.entries()) {
    const quotationPlan = plan.quotations[offset]!;
    if (quotationPlan.citeUrl !== undefined) quotation.node.data = { ...quotation.node.data, hProperties: { cite: quotationPlan.citeUrl } };
    const figure = block('figure', { id: quotationPlan.id, className: ['quotation', `quotation--${quotationPlan.kind}`] }, [
      quotation.node,
      element('figcaption', {}, quotationPlan.caption)
    ]);
    tree.children.splice(tree.children.indexOf(quotation.node), 1, figure);
  }
}
