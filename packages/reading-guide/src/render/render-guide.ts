/**
 * Stage 3 of the pipeline: render every Markdown body to HTML through Astro's
 * unified processor (`@astrojs/markdown-remark`), with the thread's marks and
 * quotations planned by the graph.
 *
 * A render that throws, or that yields nothing from a body with content, is
 * reported against its file: nothing renders silently empty.
 */
import { commenterName } from '../model/commenters.ts';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor, type AstroMarkdownOptions, type MarkdownRenderer, type RehypePlugins, type RemarkPlugins } from '@astrojs/markdown-remark';
import type { PhrasingContent, Root } from 'mdast';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { CompileCache } from '../compile-cache.ts';
import { Diagnostics, type Point, type Problem } from '../model/diagnostics.ts';
import { firstLine, glossaryTerms, type LoadedContent, type LoadedEntry } from '../load/load-content.ts';
import { collections, type CollectionName } from '../model/schema.ts';
import type { GlossaryTerm } from '../load/terms.ts';
import type { CommentNode, GuideGraph } from '../graph/types.ts';
import { rehypeBaseLinks } from './rehype-base-links.ts';
import { rehypeCanonicalArxiv } from './rehype-canonical-arxiv.ts';
import { codeTheme } from './code-theme.ts';
import { rehypeSanitizeGuide } from './sanitize.ts';
import { remarkGlossaryLinks } from './remark-glossary-links.ts';
import { remarkSmartPunctuation, smartPunctuationText } from './remark-smart-punctuation.ts';
import { remarkThreadMarks, type CommentPlan, type QuotationPlan, type RemarkThreadMarksOptions } from './remark-thread-marks.ts';
import { markReferences } from './mark-references.ts';
import { phrasing, planSidenotes } from './sidenotes.ts';
import { uiText } from '../model/ui-strings.ts';
import { byId } from '../util/by-id.ts';
import { heapCeiling } from '../util/collect-garbage.ts';
import { sitePath } from '../model/routes.ts';

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
  /** The plain text of bodies, with the punctuation their pages give them, by collection and id. */
  texts: Record<(typeof textCollections)[number], Record<string, string>>;
  /** Editor's notes on comments, by note id. */
  notes: Record<string, string>;
  /** Editor's notes on the thread as a whole, in order. */
  guideNotes: string[];
}

/** How many bodies are rendered at once. */
const renderLanes = 4;

/** Which processor a body goes through. */
export type BodyKind = 'thread' | 'annotations' | 'prose';

/** One body to render. */
export interface RenderJob {
  kind: BodyKind;
  markdown: string;
  file: string;
  /** The marks, quotations and notes planned for a comment. */
  plan?: CommentPlan;
  /** Where a problem with the body as a whole is reported; its first line with text, when not given. */
  place?: Point;
  /** The body's syntax tree, when the loader kept it; let go of once the body is rendered. */
  tree?: Root;
}

/** What rendering a body gives: its HTML, unless it failed, and its problems. */
export interface RenderedBody {
  html?: string;
  problems: Problem[];
}

/** What every body's rendering depends on, besides its own Markdown (and a comment's plan). */
export interface RenderSetup {
  terms: readonly GlossaryTerm[];
  base: string;
  /** How the thread's notes are summed up; English when not given. */
  sidenotesSummary?: RemarkThreadMarksOptions['sidenotesSummary'];
}

/**
 * The three processors: the thread's (marks and glossary links, no
 * SmartyPants), the annotations' and the rest of the guide's own prose.
 */
export class Processors {
  readonly #processors: Record<BodyKind, MarkdownRenderer>;

  private constructor(processors: Record<BodyKind, MarkdownRenderer>) {
    this.#processors = processors;
  }

  static async create({ terms, base, sidenotesSummary }: RenderSetup): Promise<Processors> {
    const markdown: AstroMarkdownOptions = {
      gfm: true,
      // Applied by our own plugin list, after the parsed tree is swapped in (see remarkRenderInputs).
      smartypants: false,
      shikiConfig: { theme: codeTheme },
      rehypePlugins: [rehypeCanonicalArxiv, [rehypeBaseLinks, { base }], rehypeSanitizeGuide] as RehypePlugins
    };
    const [thread, annotations, prose] = await Promise.all([
      createMarkdownProcessor({
        ...markdown,
        // SmartyPants stays off for the thread: it would rewrite the commenters'
        // quotes and dashes, and the text would no longer be theirs.
        remarkPlugins: [remarkRenderInputs, [remarkGlossaryLinks, { terms }], [remarkThreadMarks, { sidenotesSummary }]] as RemarkPlugins
      }),
      // Annotations link the terms they use, as comments do; other prose is left as written.
      createMarkdownProcessor({ ...markdown, remarkPlugins: [remarkRenderInputs, remarkSmartPunctuation, [remarkGlossaryLinks, { terms }]] as RemarkPlugins }),
      // The guide's own prose gets typographic quotes and dashes.
      createMarkdownProcessor({ ...markdown, remarkPlugins: [remarkRenderInputs, remarkSmartPunctuation] as RemarkPlugins })
    ]);
    return new Processors({ thread, annotations, prose });
  }

  /**
   * Renders bodies, each from its syntax tree when it has one (and from its
   * Markdown otherwise), a few at a time: a render waits on little, and
   * starting them all at once would hold every body's half-made HTML tree in
   * memory together.
   */
  renderAll(jobs: readonly RenderJob[]): Promise<RenderedBody[]> {
    return quietly(async () => {
      const rendered = new Array<RenderedBody>(jobs.length);
      const limitHeap = heapCeiling();
      let next = 0;
      const lane = async () => {
        while (next < jobs.length) {
          const position = next++;
          const job = jobs[position]!;
          rendered[position] = await this.#render(job);
          // Rendered in place and not needed again: the trees of a large guide are hundreds of MB.
          delete job.tree;
          limitHeap();
        }
      };
      await Promise.all(Array.from({ length: Math.min(renderLanes, jobs.length) }, lane));
      return rendered;
    });
  }

  async #render(job: RenderJob): Promise<RenderedBody> {
    const diagnostics = new Diagnostics();
    const html = await renderOne(this.#processors[job.kind], job, diagnostics);
    return { html, problems: diagnostics.problems };
  }
}

/**
 * Renders every entry of `content` to HTML. It renders the syntax trees the
 * loader parsed, in place (parsing each file once is most of what keeps the
 * build fast), and lets go of each tree once rendered, so it consumes
 * `content`: render a guide once, and load it again to render it anew. A
 * body is taken from `options.cache` when the same Markdown was rendered
 * before with the same plan, glossary and base path.
 */
export async function renderGuide(
  content: LoadedContent,
  graph: GuideGraph,
  options: RenderOptions,
  diagnostics: Diagnostics
): Promise<RenderedGuide> {
  const texts = Object.fromEntries(
    textCollections.map((collection) => [collection, Object.fromEntries((content[collection] as LoadedEntry[]).map((entry) => [entry.id, smartPunctuationText(entry.facts.text)]))])
  ) as RenderedGuide['texts'];
  const terms = glossaryTerms(content.glossary);
  const { cache, base } = options;
  const termsKey = JSON.stringify(terms);
  const ui = uiText(content.guide?.data);
  const sidenotesSummary = { message: ui.message('sidenotes.summary'), language: ui.language };

  /** Every body to render, with what it is for and its cache key. */
  const bodies: { job: RenderJob; done: (html: string) => void; key?: string }[] = [];
  const add = (job: RenderJob, done: (html: string) => void) => {
    // What the HTML depends on besides the Markdown and the base path.
    const inputs = job.kind === 'thread' ? [termsKey, JSON.stringify(job.plan), JSON.stringify(sidenotesSummary)] : job.kind === 'annotations' ? [termsKey] : [];
    bodies.push({ job, done, key: cache?.key('html', job.kind, base, job.markdown, ...inputs) });
  };

  const html = Object.fromEntries((Object.keys(collections) as CollectionName[]).map((collection) => [collection, {}])) as RenderedGuide['html'];
  for (const collection of Object.keys(collections) as CollectionName[]) {
    const kind: BodyKind = collection === 'thread' || collection === 'annotations' ? collection : 'prose';
    for (const entry of content[collection] as LoadedEntry[]) {
      const comment = collection === 'thread' ? byId(graph.comments, entry.id) : undefined;
      const plan = comment && planComment(comment, content, graph, texts.annotations);
      add({ kind, markdown: entry.body, file: entry.file, plan, tree: entry.tree }, (result) => (html[collection][entry.id] = result));
      // The renderer has it now; it is not needed again.
      entry.tree = undefined;
    }
  }
  const notes: Record<string, string> = {};
  for (const entry of content.thread) {
    for (const [offset, note] of entry.data.editorNotes.entries()) {
      add({ kind: 'prose', markdown: note.note, file: entry.file, place: entry.locate(['editorNotes', offset, 'note']) }, (result) => (notes[`note-${entry.id}-${offset + 1}`] = result));
    }
  }
  const guideNotes: (string | undefined)[] = [];
  for (const [offset, note] of (content.guide?.data.editorNotes ?? []).entries()) {
    const guide = content.guide!;
    add({ kind: 'prose', markdown: note, file: guide.file, place: guide.locate(['editorNotes', offset]) }, (result) => (guideNotes[offset] = result));
  }

  const missing = bodies.filter(({ key, done }) => {
    const kept = key === undefined ? undefined : cache!.html(key);
    if (kept !== undefined) done(kept);
    return kept === undefined;
  });
  const processors = await Processors.create({ terms, base, sidenotesSummary });
  const rendered = await processors.renderAll(missing.map(({ job }) => job));
  for (const [index, { html: result, problems }] of rendered.entries()) {
    const { key, done } = missing[index]!;
    for (const problem of problems) diagnostics.add(problem);
    if (result === undefined) continue;
    done(result);
    if (key !== undefined) cache!.keepHtml(key, result);
  }
  return { html, texts, notes, guideNotes: guideNotes.filter((note) => note !== undefined) };
}

/** What a body is rendered with besides its Markdown: the tree the loader parsed it into, and a comment's plan. */
interface RenderInputs {
  tree?: Root;
  commentPlan?: CommentPlan;
}

/**
 * Astro's processor takes nothing for a file but its Markdown, its path and
 * its front matter, which it puts on `file.data.astro.frontmatter`; the
 * inputs come that way, and this plugin, first among the remark plugins,
 * hands them on as the plugins read them. A comment's plan goes on
 * `file.data.commentPlan`. Bodies were parsed once already, by the loader,
 * with the same parser: the processor is given an empty document and this
 * plugin returns that tree instead (unified carries on with a tree a
 * transformer returns), so that no body is parsed twice.
 */
function remarkRenderInputs() {
  return (tree: Root, file: VFile): Root => {
    const inputs = file.data.astro?.frontmatter?.[renderInputsField] as RenderInputs | undefined;
    if (inputs?.commentPlan) file.data.commentPlan = inputs.commentPlan;
    return inputs?.tree ?? tree;
  };
}

const renderInputsField = 'reading-guide:render-inputs';

async function renderOne(processor: MarkdownRenderer, job: RenderJob, diagnostics: Diagnostics): Promise<string | undefined> {
  const { markdown, file, tree, plan } = job;
  const place = job.place ?? firstLine(markdown);
  const inputs: RenderInputs = { tree, commentPlan: plan };
  let code: string;
  try {
    ({ code } = await processor.render(tree ? '' : markdown, {
      fileURL: pathToFileURL(path.resolve(file)),
      frontmatter: { [renderInputsField]: inputs }
    }));
  } catch (error) {
    const message = error as Partial<VFileMessage> & Error;
    diagnostics.error(
      file,
      (message.place && 'line' in message.place ? message.place : message.place?.start) ?? place,
      `The Markdown failed to render: ${(message.reason ?? message.message).split('\n').at(-1)}`,
      'render-failed',
      'Simplify the Markdown around this line; if it looks valid, report it with this file attached.'
    );
    return undefined;
  }
  if (markdown.trim() !== '' && code.trim() === '') {
    diagnostics.error(
      file,
      place,
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
  const ui = uiText(content.guide?.data);
  const nameOf = (key: string | undefined) => commenterName(content.guide?.data, key);
  const quotations = comment.quotations.map((quotation): QuotationPlan => {
    const { quotes } = quotation;
    if (quotes.kind === 'comment') {
      const quoted = byId(graph.comments, quotes.comment)!;
      return {
        id: quotation.id,
        start: quotation.start,
        end: quotation.end,
        kind: 'comment',
        citeUrl: sitePath.onThread(quotes.markId),
        caption: phrasing(ui.parts('quotation.quotes', { speaker: nameOf(comment.author) }), { quoted: link(`#${quotes.markId}`, `${quoted.label}, ${nameOf(quoted.author)}`) })
      };
    }
    if (quotes.source === undefined) {
      return { id: quotation.id, start: quotation.start, end: quotation.end, kind: 'outside', caption: [text(ui.t('quotation.outside'))] };
    }
    const source = byId(content.sources, quotes.source)!;
    const caption: PhrasingContent[] = phrasing(ui.parts('quotation.from'), { source: link(sitePath.source(source.id), source.data.short) });
    if (quotes.locator) caption.push(text(`, ${quotes.locator}`));
    const original = source.data.url;
    if (original) caption.push(text(' ('), link(original, ui.t('quotation.original')), text(')'));
    // Without a checked address for the work, the quotation cites the guide's page on it.
    const citeUrl = original ?? sitePath.source(source.id);
    return { id: quotation.id, start: quotation.start, end: quotation.end, kind: 'outside', citeUrl, caption };
  });
  const marks = markReferences(comment, content, graph);
  return {
    text: comment.text,
    marks,
    quotations,
    sidenotes: planSidenotes(comment, marks, content, graph, annotationTexts)
  };
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const link = (url: string, label: string): PhrasingContent => ({ type: 'link', url, children: [text(label)] });
