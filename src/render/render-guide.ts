/**
 * Stage 3 of the pipeline: render every Markdown body to HTML through Astro's
 * unified processor (`@astrojs/markdown-remark`), with the thread's marks and
 * quotations planned by the graph.
 *
 * A render that throws, or that yields nothing from a body with content, is
 * reported against its file: nothing renders silently empty.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor, type AstroMarkdownOptions, type MarkdownRenderer, type RehypePlugins, type RemarkPlugins } from '@astrojs/markdown-remark';
import type { PhrasingContent, Root } from 'mdast';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { CompileCache } from '../compile-cache.ts';
import type { Diagnostics, Point } from '../load/diagnostics.ts';
import { parseMarkdown } from '../load/markdown.ts';
import { firstLine, glossaryTerms, type LoadedContent, type LoadedEntry } from '../load/load-content.ts';
import type { CollectionName } from '../load/schema.ts';
import type { CommentNode, GuideGraph } from '../graph/types.ts';
import { rehypeBaseLinks } from './rehype-base-links.ts';
import { rehypeCanonicalArxiv } from './rehype-canonical-arxiv.ts';
import { codeTheme } from './code-theme.ts';
import { rehypeSanitizeGuide } from './sanitize.ts';
import { remarkGlossaryLinks } from './remark-glossary-links.ts';
import { remarkSmartPunctuation } from './remark-smart-punctuation.ts';
import { remarkThreadMarks, type CommentPlan, type QuotationPlan } from './remark-thread-marks.ts';
import { planSidenotes } from './sidenotes.ts';
import { byId } from '../util/by-id.ts';

export interface RenderOptions {
  /** The site's base path, such as `/` or `/guide/`. */
  base: string;
  /** HTML kept from earlier builds, and where this build's is kept. */
  cache?: CompileCache;
}

/** Collections whose bodies previews and search show as plain text. */
export const textCollections = ['annotations', 'sources', 'glossary', 'cruxes'] as const;

export interface RenderedGuide {
  html: { [C in CollectionName]: Record<string, string> };
  /** The plain text of bodies, as written (before typographic quotes), by collection and id. */
  texts: Record<(typeof textCollections)[number], Record<string, string>>;
  /** Editor's notes on comments, by note id. */
  notes: Record<string, string>;
  /** Editor's notes on the thread as a whole, in order. */
  guideNotes: string[];
}

/**
 * Renders every entry of `content` to HTML. It renders the syntax trees the
 * loader parsed, in place (parsing each file once is most of what keeps the
 * build fast), and lets go of each tree once rendered, so it consumes
 * `content`: render a guide once, and load it again to render it anew.
 */
export function renderGuide(
  content: LoadedContent,
  graph: GuideGraph,
  options: RenderOptions,
  diagnostics: Diagnostics
): Promise<RenderedGuide> {
  return quietly(() => renderAll(content, graph, options, diagnostics));
}

async function renderAll(
  content: LoadedContent,
  graph: GuideGraph,
  options: RenderOptions,
  diagnostics: Diagnostics
): Promise<RenderedGuide> {
  const texts = Object.fromEntries(
    textCollections.map((collection) => [collection, Object.fromEntries((content[collection] as LoadedEntry[]).map((entry) => [entry.id, entry.facts.text]))])
  ) as RenderedGuide['texts'];
  const plans = new Map<string, CommentPlan>();
  for (const entry of content.thread) {
    const comment = byId(graph.comments, entry.id);
    if (comment) plans.set(path.resolve(entry.file), planComment(comment, content, graph, texts.annotations));
  }
  const terms = glossaryTerms(content.glossary);
  const { cache, base } = options;
  const termsKey = JSON.stringify(terms);
  const markdown: AstroMarkdownOptions = {
    gfm: true,
    // Applied by our own plugin list, after the parsed tree is swapped in (see remarkParsedTree).
    smartypants: false,
    shikiConfig: { theme: codeTheme },
    rehypePlugins: [rehypeCanonicalArxiv, [rehypeBaseLinks, { base }], rehypeSanitizeGuide] as RehypePlugins
  };
  const thread = await createMarkdownProcessor({
    ...markdown,
    // SmartyPants stays off for the thread: it would rewrite the commenters'
    // quotes and dashes, and the text would no longer be theirs.
    remarkPlugins: [
      remarkParsedTree,
      [remarkGlossaryLinks, { terms }],
      [remarkThreadMarks, { planFor: (file: string) => plans.get(file) }]
    ] as RemarkPlugins
  });
  // The guide's own prose gets typographic quotes and dashes.
  const prose = await createMarkdownProcessor({ ...markdown, remarkPlugins: [remarkParsedTree, remarkSmartPunctuation] as RemarkPlugins });
  // Annotations link the terms they use, as comments do; other prose is left as written.
  const annotations = await createMarkdownProcessor({
    ...markdown,
    remarkPlugins: [remarkParsedTree, remarkSmartPunctuation, [remarkGlossaryLinks, { terms }]] as RemarkPlugins
  });

  /** Each processor, and what its output depends on besides the Markdown and the base path. */
  const processors = {
    thread: { processor: thread, inputs: (entry?: LoadedEntry) => [termsKey, JSON.stringify(entry && plans.get(path.resolve(entry.file)))] },
    annotations: { processor: annotations, inputs: () => [termsKey] },
    prose: { processor: prose, inputs: () => [] }
  };
  /**
   * A body's HTML, from the cache when the same Markdown was rendered before
   * with the same inputs; rendered (and kept) otherwise.
   */
  const render = async (kind: keyof typeof processors, markdown: string, file: string, place: () => Point | undefined, entry?: LoadedEntry, tree?: () => Root) => {
    const key = cache?.key('html', kind, base, markdown, ...processors[kind].inputs(entry));
    const kept = key === undefined ? undefined : cache!.html(key);
    if (kept !== undefined) return kept;
    const result = await renderOne(processors[kind].processor, markdown, file, diagnostics, place, tree?.());
    if (result !== undefined && key !== undefined) cache!.keepHtml(key, result);
    return result;
  };

  const html = {} as RenderedGuide['html'];
  const collections = Object.keys(content).filter((key) => Array.isArray(content[key as CollectionName])) as CollectionName[];
  await Promise.all(
    collections.map(async (collection) => {
      const rendered: Record<string, string> = {};
      const entries = content[collection] as LoadedEntry[];
      const kind = collection === 'thread' || collection === 'annotations' ? collection : 'prose';
      await Promise.all(
        entries.map(async (entry) => {
          // A body taken from the cache was not parsed; it is, now, only if its HTML must be made again.
          const tree = () => entry.tree ?? parseMarkdown(entry.body);
          const result = await render(kind, entry.body, entry.file, () => firstLine(entry.body), entry, tree);
          entry.tree = undefined;
          if (result !== undefined) rendered[entry.id] = result;
        })
      );
      html[collection] = rendered;
    })
  );

  const notes: Record<string, string> = {};
  for (const entry of content.thread) {
    for (const [offset, note] of entry.data.editorNotes.entries()) {
      const id = `note-${entry.id}-${offset + 1}`;
      const result = await render('prose', note.note, entry.file, () => entry.locate(['editorNotes', offset, 'note']));
      if (result !== undefined) notes[id] = result;
    }
  }
  const guideNotes: string[] = [];
  for (const [offset, note] of (content.guide?.data.editorNotes ?? []).entries()) {
    const guide = content.guide!;
    const result = await render('prose', note, guide.file, () => guide.locate(['editorNotes', offset]));
    if (result !== undefined) guideNotes.push(result);
  }
  return { html, texts, notes, guideNotes };
}

/**
 * Bodies were parsed once already, by the loader, with the same parser: the
 * processor is given an empty document and this plugin hands it that tree
 * instead (unified carries on with a tree a transformer returns), so that no
 * body is parsed twice. It must come first among the remark plugins.
 */
function remarkParsedTree() {
  return (tree: Root, file: VFile): Root => ((file.data as ParsedTreeData).astro?.frontmatter?.[parsedTreeField] as Root | undefined) ?? tree;
}

const parsedTreeField = 'reading-guide:parsed-tree';
type ParsedTreeData = { astro?: { frontmatter?: Record<string, unknown> } };

async function renderOne(
  processor: MarkdownRenderer,
  markdown: string,
  file: string,
  diagnostics: Diagnostics,
  place: () => Point | undefined,
  parsed?: Root
): Promise<string | undefined> {
  let code: string;
  try {
    ({ code } = await processor.render(parsed ? '' : markdown, {
      fileURL: pathToFileURL(path.resolve(file)),
      frontmatter: parsed ? { [parsedTreeField]: parsed } : {}
    }));
  } catch (error) {
    const message = error as Partial<VFileMessage> & Error;
    diagnostics.error(
      file,
      (message.place && 'line' in message.place ? message.place : message.place?.start) ?? place(),
      `The Markdown failed to render: ${(message.reason ?? message.message).split('\n').at(-1)}`,
      'render-failed',
      'Simplify the Markdown around this line; if it looks valid, report it with this file attached.'
    );
    return undefined;
  }
  if (markdown.trim() !== '' && code.trim() === '') {
    diagnostics.error(
      file,
      place(),
      'The Markdown renders to nothing',
      'empty-render',
      'The body holds only link definitions, comments or whitespace: write the text it should show.'
    );
    return undefined;
  }
  return code;
}

/**
 * Astro's processor prints a failed render, stack and all, before rethrowing
 * it; the failure is reported here instead, with its file and line, so that
 * print is held back.
 */
async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const print = console.error;
  console.error = (...data: unknown[]) => {
    if (!(data[0] instanceof Error && data[0].message.startsWith('Failed to parse Markdown file'))) print(...data);
  };
  try {
    return await run();
  } finally {
    console.error = print;
  }
}

function planComment(comment: CommentNode, content: LoadedContent, graph: GuideGraph, annotationTexts: Record<string, string>): CommentPlan {
  const commenterName = (key: string) => content.guide?.data.commenters[key]?.name ?? `Commenter ${key}`;
  const quotations = comment.quotations.map((quotation): QuotationPlan => {
    const { quotes } = quotation;
    if (quotes.kind === 'comment') {
      const quoted = byId(graph.comments, quotes.comment)!;
      return {
        id: quotation.id,
        start: quotation.start,
        end: quotation.end,
        kind: 'comment',
        citeUrl: `/#${quotes.markId}`,
        caption: [
          text(`${commenterName(comment.author)} quotes `),
          link(`#${quotes.markId}`, `${quoted.label}, ${commenterName(quoted.author)}`)
        ]
      };
    }
    const source = byId(content.sources, quotes.source)!;
    const caption: PhrasingContent[] = [text('Quoted from '), link(`/sources/${source.id}/`, source.data.short)];
    if (quotes.locator) caption.push(text(`, ${quotes.locator}`));
    const original = source.data.url;
    if (original) caption.push(text(' ('), link(original, 'original'), text(')'));
    // Without a checked address for the work, the quotation cites the guide's page on it.
    const citeUrl = original ?? `/sources/${source.id}/`;
    return { id: quotation.id, start: quotation.start, end: quotation.end, kind: 'outside', citeUrl, caption };
  });
  return { text: comment.text, marks: comment.marks, quotations, sidenotes: planSidenotes(comment, content, graph, annotationTexts) };
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const link = (url: string, label: string): PhrasingContent => ({ type: 'link', url, children: [text(label)] });
