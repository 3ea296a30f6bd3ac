/**
 * The content model: one zod schema per kind of file under `content/`.
 *
 * The same schemas validate content in the build, in `npm run check` and in
 * `npm run new`, so a file is judged the same way everywhere. Objects are
 * strict: a misspelt field
 * is an error, not silently ignored. Each field's description doubles as the
 * hint shown when that field is wrong.
 */
import { z } from 'zod';
import { placeholdersOf } from './message-format.ts';
import { isPluralKey, languageNames, languages, uiKeys, uiTables, type UiKey } from './ui-strings.ts';

export const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const id = (what: string) =>
  z
    .string()
    .regex(idPattern, 'must be an id: lower-case letters, digits and single hyphens')
    .describe(`the id (file name without extension) of ${what}`);

/**
 * A W3C Web Annotation TextQuoteSelector: the exact words, with optional
 * words just before (`prefix`) and after (`suffix`) to pick one occurrence.
 */
export const textQuoteSelector = z.strictObject({
  exact: z
    .string()
    .regex(/^\S(?:[\s\S]*\S)?$/, 'must not be empty, nor start or end with a space or line break')
    .describe('the exact words, copied from the comment with its curly quotes and dashes'),
  prefix: z
    .string()
    .min(1)
    .optional()
    .describe('words right before `exact`, to pick one place when `exact` occurs more than once'),
  suffix: z
    .string()
    .min(1)
    .optional()
    .describe('words right after `exact`, to pick one place when `exact` occurs more than once')
});

/** A text quote selector on one comment of the thread. */
export const threadQuote = textQuoteSelector.extend({
  in: id('the comment whose words are selected')
});

export const citation = z.strictObject({
  source: id('a file in content/sources/'),
  locator: z
    .string()
    .min(1)
    .optional()
    .describe('where in the source, as the source names it: "§2.2.1", "Table 3", "p. 12"'),
  note: z.string().min(1).optional().describe('what this part of the source shows, in the guide’s words')
});

export const relationTypes = ['supports', 'attacks', 'qualifies', 'concedes', 'asks-about'] as const;
export const relationType = z.enum(relationTypes).describe(`one of: ${relationTypes.join(', ')}`);

export const relation = z.strictObject({
  type: relationType,
  claim: id('the claim this one relates to (a file in content/claims/)'),
  note: z.string().min(1).optional().describe('how, in one sentence, in the guide’s words')
});

export const annotationKinds = [
  'counterargument',
  'support',
  'context',
  'clarification',
  'correction',
  'question'
] as const;

const isoDate = z.iso.date().describe('a date as YYYY-MM-DD');

/** A colour as CSS writes it in hexadecimal: the site sets it in a style sheet, so nothing else is accepted. */
const cssColour = z.string().regex(/^#(?:[0-9a-fA-F]{3}){1,2}$/, 'must be a colour such as "#2f6db3"');

/** The formats `npm run import` reads; a guide's capture is in one of them. */
export const captureFormats = [
  'forummagnum',
  'hackernews-algolia',
  'hackernews-firebase',
  'reddit',
  'discourse',
  'github',
  'mastodon',
  'bluesky',
  'plain'
] as const;
export type CaptureFormat = (typeof captureFormats)[number];

/** A web address: http or https only, since every address becomes a link a reader can follow. */
const webUrl = () => z.url({ protocol: /^https?$/, error: 'must be an http or https address' });

/** A GitHub handle, as it appears in a profile's address. */
const handle = z
  .string()
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/, 'must be a GitHub handle: letters, digits and single hyphens')
  .describe('who wrote it: a GitHub handle, without the @');

/** A moment as platforms give it: a date, or a date and time with its offset from UTC. */
const timestamp = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/,
    // A value of the wrong shape gets this message alone, not also the one for a date that does not exist.
    { message: 'must be a date as YYYY-MM-DD, or a date and time with its offset such as 2024-05-01T12:30:00Z', abort: true }
  )
  .refine((value) => !Number.isNaN(Date.parse(value)), 'must be a date that exists')
  .describe('a date as YYYY-MM-DD, or a date and time such as 2024-05-01T12:30:00Z');

/** A file's path under content/capture/: segments joined by `/`, none empty, `.` or `..`. */
const captureFilePath = /^(?!\.\.?(?:\/|$))[A-Za-z0-9._-]+(?:\/(?!\.\.?(?:\/|$))[A-Za-z0-9._-]+)*$/;

/** What the platform shows in place of a comment that is no longer there. */
export const commentStatuses = ['deleted', 'removed', 'unavailable'] as const;
export type CommentStatus = (typeof commentStatuses)[number];

export const commentSchema = z
  .strictObject({
    label: z.string().min(1).describe('the short label readers see, such as "A1"'),
    author: z
      .string()
      .min(1)
      .optional()
      .describe('the key of a commenter in content/guide.yaml, such as "A"; none only where the platform no longer shows who wrote it'),
    order: z.number().int().positive().describe('the position of the comment in reading order (1, 2, …)'),
    replyTo: id('the comment this one replies to').optional(),
    permalink: webUrl().describe('the link to the comment on the original site'),
    permalinkScope: z
      .enum(['comment', 'subthread'])
      .default('comment')
      .describe('"comment" when the permalink opens this very comment, "subthread" when it opens the subthread holding it'),
    date: timestamp.optional().describe('when the comment was posted, as the platform gives it'),
    edited: z
      .union([timestamp, z.literal(true)])
      .optional()
      .describe('when the comment was last edited, or `true` when the platform marks it edited without saying when'),
    status: z
      .enum(commentStatuses)
      .optional()
      .describe(`set when the platform shows a placeholder instead of the comment: ${commentStatuses.join(', ')}`),
    repliesNotCaptured: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('how many replies the platform lists under this comment that the capture does not hold'),
    capture: z
      .string()
      .min(1)
      .optional()
      .describe('where the comment stands in the capture: its id on the platform, or `lines 4-6` of a plain-text capture'),
    quotations: z
      .array(
        z.strictObject({
          exact: z.string().min(1).describe('words from the start of the blockquote'),
          in: id('the earlier comment it quotes')
        })
      )
      .default([])
      .describe('blockquotes whose words stand in more than one earlier comment, each with the one it quotes'),
    outsideQuotations: z
      .array(
        z.strictObject({
          exact: z.string().min(1).describe('words from the start of the blockquote that quotes something outside the thread'),
          source: id('the quoted work, a file in content/sources/').optional(),
          locator: z.string().min(1).optional().describe('where in that work the passage stands')
        })
      )
      .default([])
      .describe('blockquotes in this comment that quote a work, or a text, outside the captured thread'),
    editorNotes: z
      .array(
        z.strictObject({
          note: z.string().min(1).describe('the note, in the guide’s voice (Markdown)'),
          about: textQuoteSelector.optional().describe('the words of this comment the note is about')
        })
      )
      .default([])
      .describe('what the guide’s editors know or cannot tell about this comment')
  })
  // A captured comment may have lost its author (a deleted account); one written by hand may not.
  .refine((comment) => comment.author !== undefined || comment.status !== undefined || comment.capture !== undefined, {
    message: 'needs `author`, the key of a commenter in content/guide.yaml',
    path: ['author']
  });

export const claimSchema = z.strictObject({
  paraphrase: z
    .string()
    .min(1)
    .describe('the claim in one sentence, in the guide’s words, that its author would accept'),
  quote: threadQuote.describe('where the claim is made: the comment id and the exact words'),
  cites: z.array(citation).default([]).describe('sources the claim relies on or that bear on it'),
  relations: z.array(relation).default([]).describe('how this claim relates to other claims'),
  main: z
    .boolean()
    .default(false)
    .describe('true for a commenter’s main claims, each of which must name its strongest counterargument'),
  strongestCounterargument: id(
    'the strongest counterargument to this claim: a counterargument annotation on it, or a claim that attacks it'
  ).optional()
});

export const annotationSchema = z
  .strictObject({
    kind: z.enum(annotationKinds).describe(`one of: ${annotationKinds.join(', ')}`),
    on: id('the claim annotated (a file in content/claims/)').optional(),
    quote: threadQuote.optional().describe('the words of the thread annotated, when not a whole claim'),
    cites: z.array(citation).default([]).describe('sources for the annotation'),
    contributor: handle.optional(),
    created: isoDate.optional()
  })
  .refine((annotation) => annotation.on !== undefined || annotation.quote !== undefined, {
    message: 'needs `on` (a claim id) or `quote` (words of the thread), or both',
    path: ['on']
  });

/** Bibliographic fields that a check in `checked` must cover before they are shown. */
export const factFields = ['title', 'authors', 'issued', 'url', 'arxiv', 'doi', 'publisher', 'container', 'volume', 'issue'] as const;
export type FactField = (typeof factFields)[number];

export const sourceTypes = ['preprint', 'article', 'scenario', 'blog-post', 'forum-post', 'report', 'book'] as const;

export const sourceSchema = z.strictObject({
  type: z.enum(sourceTypes).describe(`one of: ${sourceTypes.join(', ')}`),
  short: z.string().min(1).describe('a short name for citations, such as "Author et al. 2025"'),
  title: z.string().min(1).describe('the title exactly as the work gives it'),
  authors: z
    .array(z.string().min(1))
    .min(1)
    .optional()
    .describe('the authors, in order, as the work lists them; leave out until checked'),
  moreAuthors: z
    .union([z.number().int().positive(), z.literal(true)])
    .optional()
    .describe('how many further authors the work lists beyond `authors`, or `true` when the number is not checked'),
  issued: z
    .string()
    .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
    .optional()
    .describe('when it was published: YYYY, YYYY-MM or YYYY-MM-DD'),
  url: webUrl().optional().describe('the canonical link to the original; leave out until checked'),
  arxiv: z
    .string()
    .regex(/^\d{4}\.\d{4,5}$/, 'must be a new-style arXiv id such as 2509.15541')
    .optional(),
  doi: z
    .string()
    .regex(/^10\.\d{4,9}\/\S+$/, 'must be a DOI such as 10.1000/182')
    .optional(),
  publisher: z.string().min(1).optional().describe('the organisation that published it'),
  container: z.string().min(1).optional().describe('the journal, proceedings or site it appeared in'),
  volume: z.string().min(1).optional().describe('the volume of the journal'),
  issue: z.string().min(1).optional().describe('the issue of the journal'),
  checked: z
    .array(
      z.strictObject({
        fields: z.array(z.enum(factFields)).min(1).describe(`the facts this check confirms: ${factFields.join(', ')}`),
        where: z.string().min(1).describe('what primary copy was read, such as "arXiv abstract page"'),
        url: webUrl().optional().describe('the address of that copy')
      })
    )
    .min(1)
    .describe('where each bibliographic fact was checked'),
  citedAt: z.array(threadQuote.extend({ locator: z.string().min(1).optional() })).default([]).describe(
    'the places in the thread that cite this work'
  )
});

export const termSchema = z.strictObject({
  term: z.string().min(1).describe('the term as a reader meets it'),
  aliases: z.array(z.string().min(1)).default([]).describe('other spellings of the term'),
  cites: z.array(citation).default([])
});

export const cruxSchema = z.strictObject({
  question: z.string().min(1).describe('the question the disagreement turns on, in one sentence'),
  claims: z
    .array(id('a claim on either side of the crux'))
    .min(2)
    .describe('the claims, on both sides, whose disagreement the crux names'),
  wouldMove: z
    .record(
      z.string().min(1).describe('a commenter’s key in content/guide.yaml, such as "A"'),
      z
        .array(z.string().min(1))
        .min(1)
        .describe('the evidence that would move this commenter, one item for each kind, in the guide’s words')
    )
    .default({})
    .describe(
      'for each commenter whose claims the crux names, keyed as in content/guide.yaml (A, B, …): what evidence would move them'
    )
});

export const pageSchema = z.strictObject({
  title: z.string().min(1),
  description: z.string().min(1).describe('one sentence for link previews and search results'),
  nav: z.string().min(1).optional().describe('the page’s label in the site’s navigation, if it has one')
});

/** The English text of a UI message, as a hint names it: a plural message by its `other` form. */
const englishText = (key: UiKey) => {
  const message = uiTables.en[key];
  return typeof message === 'string' ? message : message.other;
};

/** The values a UI message takes: its placeholders, and `count` for plural forms. */
const valuesOf = (key: UiKey) => [...new Set([...placeholdersOf(uiTables.en[key]), ...(isPluralKey(key) ? ['count'] : [])])];

const uiMessage = z.string().min(1);
const pluralForms = z.strictObject({
  zero: uiMessage.optional(),
  one: uiMessage.optional(),
  two: uiMessage.optional(),
  few: uiMessage.optional(),
  many: uiMessage.optional(),
  other: uiMessage.describe('the form for every count the other forms leave out')
});

/**
 * A guide's rewording of single UI messages: only keys of the table, and in
 * each only the values its message takes, so a misspelt key or placeholder
 * is an error rather than text shown as written.
 */
const uiOverrides = z
  .strictObject(
    Object.fromEntries(
      uiKeys.map((key) => {
        const values = valuesOf(key);
        const takes = values.length > 0 ? `; it may use ${values.map((value) => `{${value}}`).join(', ')}` : '';
        const text = isPluralKey(key) ? z.union([uiMessage, pluralForms]) : uiMessage;
        return [key, text.optional().describe(`the text shown in English as “${englishText(key)}”${takes}`)];
      })
    ) as Record<UiKey, z.ZodOptional<z.ZodString | z.ZodUnion<[z.ZodString, typeof pluralForms]>>>
  )
  .superRefine((strings, context) => {
    for (const [key, message] of Object.entries(strings) as [UiKey, string | z.output<typeof pluralForms> | undefined][]) {
      if (message === undefined) continue;
      const values = valuesOf(key);
      for (const name of placeholdersOf(message).filter((used) => !values.includes(used))) {
        context.addIssue({
          code: 'custom',
          path: [key],
          message: `uses {${name}}, a value this message does not have: ${values.length > 0 ? `it has ${values.map((value) => `{${value}}`).join(', ')}` : 'it takes none'}`
        });
      }
    }
  });

export const guideSchema = z.strictObject({
  title: z.string().min(1),
  description: z.string().min(1),
  language: z
    .enum(languages, { error: `must be a language the site's labels are written in: ${languages.map((code) => `${code} (${languageNames[code]})`).join(', ')}` })
    .default('en')
    .describe(
      `the language of the guide’s own text, and of every label, date and number the site shows: ${languages.map((code) => `${code} (${languageNames[code]})`).join(', ')}`
    ),
  strings: uiOverrides
    .default({})
    .describe('the site’s own words reworded, message by message, in the guide’s language: keys and placeholders as in src/model/ui-strings.ts'),
  thread: z.strictObject({
    title: z.string().min(1).describe('the title of the page that holds the discussion'),
    site: z.string().min(1).describe('the name of the site, such as "Hacker News"'),
    url: webUrl()
  }),
  names: z
    .enum(['neutral', 'real'])
    .default('neutral')
    .describe('how the guide names the commenters: "neutral" labels (Commenter A, B, …) or the names they use on the platform'),
  commenters: z
    .record(
      z.string().regex(/^[A-Z][A-Za-z0-9]*$/, 'must be a short key such as "A"'),
      z.strictObject({
        name: z.string().min(1).describe('the name readers see: a neutral label such as "Commenter A", or the commenter’s own'),
        description: z.string().min(1).optional().describe('what the text itself says about this commenter'),
        colour: z
          .strictObject({
            light: cssColour.describe('the colour on a light page, such as "#2f6db3"'),
            dark: cssColour.describe('the colour on a dark page, such as "#7aa7e0"')
          })
          .optional()
          .describe('the colour of the commenter’s rule and map boxes; by default one of a palette, in the order of `commenters`')
      })
    )
    .describe('the people in the thread, by short key, in order of first appearance'),
  demonstration: z
    .boolean()
    .default(false)
    .describe('true for a guide of a discussion written to show what the generator does: every page says it is invented'),
  editors: z.string().min(1).describe('how the guide names its own voice, such as "the guide’s editors"'),
  published: isoDate.describe('when the guide was first published: the date of claims and annotations that give none'),
  editorNotes: z
    .array(z.string().min(1))
    .default([])
    .describe('what the editors know or cannot tell about the thread as a whole (Markdown)'),
  repository: z
    .strictObject({
      url: webUrl().describe('the repository on GitHub, such as https://github.com/owner/name'),
      branch: z.string().min(1).default('main')
    })
    .optional()
    .describe('where the guide’s files live, for the site’s edit and suggest links; a GitHub Actions build finds it on its own'),
  capture: z
    .strictObject({
      format: z.enum(captureFormats).describe(`the format of the capture: ${captureFormats.join(', ')}`),
      files: z
        .array(
          z.strictObject({
            path: z
              .string()
              // Segments of letters, digits, dots, underscores and hyphens, none of them `.` or `..`.
              .regex(captureFilePath, 'must be a path inside content/capture/, such as `thread.json`')
              .describe('the file, relative to content/capture/'),
            sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hexadecimal digits').describe('the SHA-256 digest of the file as captured'),
            url: webUrl().optional().describe('where the file was fetched from')
          })
        )
        .min(1)
        .describe('the raw export, file by file, exactly as it was received'),
      base: webUrl().optional().describe('the address of the thread, for a format whose files do not say which site they are from (Discourse)'),
      captured: isoDate.optional().describe('when it was captured')
    })
    .optional()
    .describe('the raw export the thread was taken from: each comment’s words are checked against it'),
  license: z.strictObject({
    name: z.string().min(1),
    url: webUrl()
  }).describe('the terms under which the guide’s own text may be reused')
});

export type CommentData = z.output<typeof commentSchema>;
export type ClaimData = z.output<typeof claimSchema>;
export type AnnotationData = z.output<typeof annotationSchema>;
export type SourceData = z.output<typeof sourceSchema>;
export type TermData = z.output<typeof termSchema>;
export type PageData = z.output<typeof pageSchema>;
export type CruxData = z.output<typeof cruxSchema>;
export type GuideData = z.output<typeof guideSchema>;
export type TextQuoteSelector = z.output<typeof textQuoteSelector>;
export type ThreadQuote = z.output<typeof threadQuote>;
export type Citation = z.output<typeof citation>;
export type RelationType = (typeof relationTypes)[number];
export type AnnotationKind = (typeof annotationKinds)[number];

/** The kinds of Markdown file under `content/`, each a folder with a schema. */
export const collections = {
  thread: commentSchema,
  claims: claimSchema,
  annotations: annotationSchema,
  sources: sourceSchema,
  glossary: termSchema,
  cruxes: cruxSchema,
  pages: pageSchema
} as const;

export type CollectionName = keyof typeof collections;
export type DataOf<C extends CollectionName> = z.output<(typeof collections)[C]>;

/** What a site may extend: each collection's schema and guide.yaml's. */
export type ExtensibleSchema = CollectionName | 'guide';
export const extensibleSchemas = [...(Object.keys(collections) as CollectionName[]), 'guide'] as const satisfies readonly ExtensibleSchema[];

/**
 * Fields a site adds to the guide's schemas, as zod objects keyed by
 * collection (`claims`, `sources`, …, and `guide` for guide.yaml), as
 * Starlight's `docsSchema({ extend })` takes them. A site's field may not
 * stand in for one of the guide's.
 */
export type SchemaExtensions = Partial<Record<ExtensibleSchema, z.ZodObject>>;

const baseSchemas: Record<ExtensibleSchema, z.ZodObject> = { ...collections, guide: guideSchema };

/** The guide's fields a site's extension of `name` would stand in for: none, for one that may be used. */
export function clashingFields(name: ExtensibleSchema, extension: z.ZodObject): string[] {
  const own = baseSchemas[name].shape;
  return Object.keys(extension.shape).filter((key) => Object.hasOwn(own, key));
}

/**
 * The schema each file of `name` is validated by: the guide's, with the
 * site's fields added. Refinements of the guide's schema still hold, and
 * the object stays strict, so a misspelt field is still an error.
 */
export function schemaOf(name: ExtensibleSchema, extensions: SchemaExtensions | undefined): z.ZodObject {
  const extension = extensions?.[name];
  return extension ? baseSchemas[name].safeExtend(extension.shape) : baseSchemas[name];
}

