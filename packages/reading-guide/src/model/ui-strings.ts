/**
 * Every word the site itself says, in one table: the labels, headings,
 * captions, accessible names and messages of the pages, the exports and the
 * scripts, in each language the site can speak. A guide chooses its
 * language in guide.yaml (`language`, English by default) and may reword any
 * single message there (`strings`); its own text (paraphrases, annotations,
 * notes) is written in that language by its editors, and the commenters'
 * words are whatever language they wrote in.
 *
 * Keys name what a message is (`claim.counterargument.heading`), flat and
 * dotted, as Starlight names its UI strings (`skipLink.label` in its
 * translations/en.json, as of @astrojs/starlight 0.37). A message is text with `{name}`
 * placeholders, or plural forms chosen by `Intl.PluralRules` from `{count}`
 * (./message-format.ts); the placeholders a message takes are read from its
 * English text, so a call that leaves one out does not type-check. To add a
 * message, add its key to every language here.
 */
import { formatMessage, formatNumber, messageParts, type Message, type MessagePart, type PluralForms } from './message-format.ts';

export const languages = ['en', 'de'] as const;
export type Language = (typeof languages)[number];

/** Each language's name, in English, for messages about the guide's configuration. */
export const languageNames: Record<Language, string> = { en: 'English', de: 'German' };

const en = {
  // The frame of every page.
  'site.socialImage.alt': '{title}: an annotated reading guide',
  'site.skipLink': 'Skip to content',
  'site.sections.label': 'Sections',
  'site.search.label': 'Search the guide',
  'site.search.placeholder': 'Search ( / )',
  'site.search.submit': 'Search',
  'site.theme.button': 'Theme',
  'site.demonstration.title': 'A demonstration.',
  'site.demonstration.text':
    'The discussion in this guide is invented, to show what the reading guide generator does: its forum, its people and their words exist only here.',
  'site.footer.thread': 'The thread is from {thread} on {site}. The commenters’ words are quoted for commentary and remain theirs.',
  'site.footer.openData': 'Open data: {files} ({about})',
  'site.footer.openData.about': 'what they hold',
  'site.footer.contribute': 'Contribute an annotation',
  'site.footer.licence':
    'The guide’s own text (paraphrases, annotations, notes and definitions) may be reused under {licence}. The software that builds it is under the MIT licence.',
  /** A title or other words quoted in running text. */
  'text.quoted': '“{text}”',

  // The theme button, as its script shows it.
  'theme.system': 'Theme: system',
  'theme.system.label': 'Theme: as the system. Change theme',
  'theme.light': 'Theme: light',
  'theme.light.label': 'Theme: light. Change theme',
  'theme.dark': 'Theme: dark',
  'theme.dark.label': 'Theme: dark. Change theme',

  // The sections of the site, as the navigation names them (and their pages, where the same).
  'section.thread': 'Thread',
  'section.claims': 'Claims',
  'section.map': 'Map',
  'section.cruxes': 'Cruxes',
  'section.sources': 'Sources',
  'section.annotations': 'Annotations',
  'section.glossary': 'Glossary',

  // Labels of the guide's own voice.
  'voice.introduction': 'The guide’s introduction',
  'voice.guideNotes': 'Editor’s notes on the capture',
  'voice.editorNote': 'Editor’s note',
  'voice.page': 'The guide’s text',
  'voice.paraphrase': 'The guide’s paraphrase',
  'voice.claimComment': 'The guide’s comment',
  'voice.cruxesOverview': 'The guide’s overview',
  'voice.cruxAnalysis': 'The guide’s analysis',
  'voice.sourceSummary': 'What it shows, in the guide’s words',

  // Who said it.
  'commenter.neutral': 'Commenter {key}',
  'commenter.unknown': 'Unknown commenter',

  // The thread, comment by comment.
  'thread.heading': 'The thread',
  'comment.replyingTo': 'Replying to {comment}',
  'comment.original': 'Original comment on {site}',
  'comment.originalSubthread': 'Original subthread on {site}',
  'comment.noDate': 'Date not in the capture',
  'comment.edited': 'edited',
  'comment.editedOn': 'edited {date}',
  'comment.status.deleted': 'Deleted on {site} before the thread was captured.',
  'comment.status.removed': 'Removed by {site}’s moderators before the thread was captured.',
  'comment.status.unavailable': 'Not available on {site} when the thread was captured.',
  'comment.onTheseWords': 'On these words in {comment}',
  'comment.claims': 'Claims: {claims}',
  'comment.repliesNotCaptured': {
    one: '{count} more reply on {site}, not in the capture: {link}',
    other: '{count} more replies on {site}, not in the capture: {link}'
  },
  'comment.repliesNotCaptured.link': 'read them there',
  'comment.quotedIn': 'Quoted in: {quotes}',

  // Notes beside the thread's marked words, and the marks' accessible names.
  'sidenotes.summary': 'Notes: {notes}',
  'sidenote.counterarguments': { one: '{count} counterargument', other: '{count} counterarguments' },
  'sidenote.support': '{count} in support',
  'sidenote.questions': { one: '{count} question', other: '{count} questions' },
  'sidenote.conceded': { one: 'conceded once', other: 'conceded {count} times' },
  'sidenote.cites': 'cites {cited}',
  'sidenote.source': 'Source: {source}',
  'sidenote.quotedIn.label': 'quoted in {reply}',
  'mark.citation': 'Source: {short}, {title}',
  'mark.citationAt': 'Source: {short}, {title}, {locator}',
  'mark.annotation': 'The guide’s {kind} on these words',
  'mark.quoted': 'Quoted in {reply}',
  'mark.quotedWithAuthor': 'Quoted in {reply}, {author}’s reply',
  'mark.note': 'Editor’s note on these words',

  // Captions of quotations.
  'quotation.quotes': '{speaker} quotes {quoted}',
  'quotation.outside': 'Quoted from a text outside the captured thread',
  'quotation.from': 'Quoted from {source}',
  'quotation.original': 'original',

  // Claims.
  'claim.title': 'Claim {label}',
  'claim.withParaphrase': 'Claim {label}: {paraphrase}',
  'claim.madeBy': 'Made by {speaker}',
  'claim.madeBy.commenter': '{speaker}, in {comment}',
  'claim.madeBy.outside': '{speaker}, quoted by {commenter} in {comment}',
  'claim.main': 'a main claim',
  'claim.partOfCrux': 'Part of the crux {crux}',
  'claim.words.heading': 'The words, in context',
  'claim.words.readInThread': 'Read it in the thread',
  'claim.counterargument.heading': 'Its strongest counterargument',
  'claim.relations.heading': 'How it relates to other claims',
  'claim.relations.none': 'No relations to other claims are recorded yet.',
  'claim.relation.note': 'Guide’s note: {note}',
  'claim.map.title': 'Claim {label} and the claims one step away',
  'claim.map.omitted': 'The map shows the first {limit} related claims in reading order; {omitted} more are listed below.',
  'claim.sources.heading': 'Sources it cites',
  'claim.sources.none': 'This claim cites no source.',
  'claim.annotations.heading': 'Annotations',
  'claim.annotations.none': 'No annotations yet.',
  'claim.annotations.onlyCounter': 'Only its strongest counterargument, above.',
  'claimRef.by': '— {speaker}, {comment}',
  'claims.description': {
    one: 'The {count} claim the guide marks in the thread, in reading order.',
    other: 'The {count} claims the guide marks in the thread, in reading order.'
  },
  'claims.lede': {
    one: '{count} claim. It is given in the guide’s paraphrase; its page shows the exact words, how it relates to other claims and what it cites.',
    other: '{count} claims, in reading order. Each is given in the guide’s paraphrase; its page shows the exact words, how it relates to other claims and what it cites.'
  },
  'claims.inComment': 'In {comment}, {speaker}',

  // Relations between claims: a map's legend, the headings of a claim's page, a relation written out.
  'relation.supports': 'supports',
  'relation.attacks': 'attacks',
  'relation.qualifies': 'qualifies',
  'relation.concedes': 'concedes to',
  'relation.asks-about': 'asks about',
  'relation.supports.heading': 'Supports',
  'relation.supports.incoming': 'Supported by',
  'relation.attacks.heading': 'Attacks',
  'relation.attacks.incoming': 'Attacked by',
  'relation.qualifies.heading': 'Qualifies',
  'relation.qualifies.incoming': 'Qualified by',
  'relation.concedes.heading': 'Concedes to',
  'relation.concedes.incoming': 'Conceded by',
  'relation.asks-about.heading': 'Asks about',
  'relation.asks-about.incoming': 'Asked about by',
  'relation.supports.between': '{from} supports {to}',
  'relation.attacks.between': '{from} attacks {to}',
  'relation.qualifies.between': '{from} qualifies {to}',
  'relation.concedes.between': '{from} concedes to {to}',
  'relation.asks-about.between': '{from} asks about {to}',

  // The argument map.
  'map.title': 'Argument map',
  'map.description': 'The claims of the thread and how they support, attack, qualify, concede to or ask about one another.',
  'map.lede':
    'Each claim is a box, coloured by who made it; an arrow runs from a claim to the claim it supports, attacks, qualifies, concedes to or asks about. Claims that are part of a {crux} have a heavy outline. Each box leads to its claim.',
  'map.lede.crux': 'crux',
  'map.capped':
    'This guide has {total} claims, too many for one map: this map shows {shown}. Each claim’s page shows the claims around it, and the {openData} holds the whole argument map.',
  'map.capped.withCentral': '{count} of them, its {central} main claims and claims of cruxes, then the first of the rest in reading order',
  'map.capped.first': 'the first {count} in reading order',
  'map.capped.openData': 'open data',
  'map.whole.title': 'The argument map of the thread',
  'map.text.summary': 'The same relations as text',
  'map.node.label': 'Claim {label}, {speaker}: {paraphrase}',
  'map.node.labelCrux': 'Claim {label}, {speaker}, part of a crux: {paraphrase}',
  'map.legend.speakers': 'Who made the claim',
  'map.legend.outside': 'An outside work ({speaker})',
  'map.legend.crux': 'Part of a crux',
  'map.legend.relations': 'Relations, from the claim that makes them to the claim they are about',
  'map.zoom.in': 'Zoom in',
  'map.zoom.out': 'Zoom out',
  'map.zoom.reset': 'Show the whole map',
  'map.zoom.resetButton': 'Reset',
  'map.zoom.viewport': 'Map: drag to pan; + and − to zoom; 0 to reset',

  // Annotations.
  'annotation.kind.counterargument': 'counterargument',
  'annotation.kind.support': 'support',
  'annotation.kind.context': 'context',
  'annotation.kind.clarification': 'clarification',
  'annotation.kind.correction': 'correction',
  'annotation.kind.question': 'question',
  'annotation.kind.counterargument.title': 'Counterargument',
  'annotation.kind.support.title': 'Support',
  'annotation.kind.context.title': 'Context',
  'annotation.kind.clarification.title': 'Clarification',
  'annotation.kind.correction.title': 'Correction',
  'annotation.kind.question.title': 'Question',
  'annotation.label': '{kind} · the guide’s annotation',
  'annotation.by': 'By {author}',
  'annotation.history': 'History',
  'annotation.permalink': 'Permalink',
  'annotation.readIt': 'Read it',
  'annotation.onClaim': '{kind} on claim {label}',
  'annotation.description': 'The guide\'s {kind}.',
  'annotation.description.onClaim': 'The guide\'s {kind} on claim {label}.',
  'annotation.byline.onClaim': 'On {claim}',
  'annotation.byline.onWords': 'On the words “{words}” in {comment}',
  'annotation.shown.heading': 'Where it is shown',
  'annotation.shown.inThread': '{thread}, beside the words it is about',
  'annotation.shown.inThread.link': 'In the thread',
  'annotation.shown.onClaimPage': 'On the page of {claim}',
  'annotation.shown.claimLink': 'claim {label}',
  'annotations.description': 'The guide\'s annotations on the thread: counterarguments, support, context, clarifications, corrections and questions.',
  'annotations.lede': 'The guide’s own notes on the thread’s claims, each with its sources.',
  'annotations.target.words': '“{words}” in {comment}',

  // What links to a page.
  'backlinks.heading': 'Linked from',
  'backlinks.inline': 'Linked from: {links}',
  'backlink.annotation': 'The guide’s {kind}',
  'backlink.term': 'Glossary: {term}',
  'backlink.crux': 'Crux: {question}',

  // Sources.
  'source.kicker': 'Source · {type}',
  'source.type.preprint': 'preprint',
  'source.type.article': 'article',
  'source.type.scenario': 'scenario',
  'source.type.blog-post': 'blog post',
  'source.type.forum-post': 'forum post',
  'source.type.report': 'report',
  'source.type.book': 'book',
  'source.description': '{title}: checked facts, and every claim and annotation citing it.',
  'source.openOriginal': 'Open the original',
  'source.noOriginal': 'No address for the original has been checked yet.',
  'source.checks.summary': 'Where these facts were checked',
  'source.field.title': 'title',
  'source.field.authors': 'authors',
  'source.field.issued': 'issued',
  'source.field.url': 'url',
  'source.field.arxiv': 'arxiv',
  'source.field.doi': 'doi',
  'source.field.publisher': 'publisher',
  'source.field.container': 'container',
  'source.field.volume': 'volume',
  'source.field.issue': 'issue',
  'source.fact.authors': 'Authors',
  'source.fact.issued': 'Published',
  'source.fact.publisher': 'Publisher',
  'source.fact.container': 'In',
  'source.fact.arxiv': 'arXiv',
  'source.fact.doi': 'DOI',
  'source.authors.unchecked': 'Not yet checked against a primary copy',
  'source.authors.andOthers': '{authors} and others',
  'source.authors.andMore': { one: '{authors} and {count} other', other: '{authors} and {count} others' },
  'source.volume': 'vol. {volume}',
  'source.issue': 'no. {issue}',
  'source.locators.heading': 'Parts cited',
  'source.locators.none': 'The work is cited as a whole.',
  'source.citedBy.heading': 'Cited by',
  'source.citedBy.none': 'Nothing cites this source yet.',
  'source.citedBy.claims': 'Claims',
  'source.citedBy.thread': 'In the thread',
  'source.citedBy.annotations': 'Annotations',
  'source.citedBy.glossary': 'Glossary',
  'sources.description': 'Every work the thread and the guide cite, with checked bibliographic facts.',
  'sources.lede': 'Every work the thread and the guide cite. Only facts checked against a primary copy are shown.',
  'sources.citedTimes': 'Cited {count}×',
  'references.moreAuthors': 'Further authors not listed',

  // The glossary.
  'glossary.description': 'The terms a newcomer to the thread meets, defined in the guide\'s own words.',
  'glossary.lede': 'Definitions in the guide’s own words.',
  'glossary.aliases': '(also: {aliases})',
  'glossary.usedIn': 'Used in: {uses}',
  'glossary.usedIn.annotation': 'the annotation “{kind}” on {target}',

  // Cruxes.
  'cruxes.description': 'Where exactly the commenters disagree, and what evidence would move each.',
  'crux.wouldMove': 'What would move {name}',

  // Contributing.
  'contribute.suggest': 'Suggest a counterargument',
  'contribute.edit': 'Edit on GitHub',
  'contribute.title': 'Contribute',
  'contribute.description': 'How to add an annotation to the guide by pull request, and what is checked.',
  'contributors.title': 'Contributors',
  'contributors.description': 'Everyone who has written an annotation for the guide.',
  'contributors.lede': 'Everyone who has written an annotation.',
  'contributors.addYourOwn': 'Add one yourself.',
  'contributors.editors': { one: '{editors}: {count} annotation ({all})', other: '{editors}: {count} annotations ({all})' },
  'contributors.editors.all': 'see them all',

  // Search.
  'search.title': 'Search',
  'search.description': 'Search the thread, its claims, the guide\'s annotations, sources and glossary.',
  'search.noScript': 'Search needs JavaScript. Without it, browse the {claims}, the {sources} and the {glossary}, or read the {thread}.',
  'search.noScript.claims': 'claims',
  'search.noScript.sources': 'sources',
  'search.noScript.glossary': 'glossary',
  'search.noScript.thread': 'thread',
  'search.filter.who': 'Who said it',
  'search.filter.kind': 'Kind',
  'search.who.outsideWork': 'Outside work',
  'search.who.guide': 'The guide',
  'search.kind.claim': 'claim',
  'search.kind.comment': 'comment',
  'search.kind.source': 'source',
  'search.kind.glossaryTerm': 'glossary term',
  'search.kind.crux': 'crux',
  'search.results.claims': 'Claims',
  'search.results.annotations': 'Annotations',
  'search.results.comments': 'Comments',
  'search.results.sources': 'Sources',
  'search.results.glossary': 'Glossary',
  'search.results.cruxes': 'Cruxes',
  'search.status.none': 'Nothing found for “{query}”.',
  'search.status.found': { one: '{count} result for “{query}”.', other: '{count} results for “{query}”.' },
  'search.record.annotationOnClaim': '{kind} on {label}: {paraphrase}',
  'search.record.annotationOnWords': '{kind} on “{words}”',

  // Previews.
  'preview.open': 'Open',
  'preview.claim.title': 'Claim {label} · {speaker}',
  'preview.claim.kicker': 'Claim {label} · {speaker}, in {comment}',
  'preview.strongestCounterargument': 'Strongest counterargument:',
  'preview.source.kicker': 'Source',
  'preview.crux.kicker': 'Crux',
  'preview.citedAt': 'Cited at: {locators}',
  'preview.annotation.kickerOnClaim': '{kind} · the guide’s annotation on claim {label}',
  'preview.crux.claims': { one: '{count} claim, from both sides', other: '{count} claims, from both sides' },

  // Open data.
  'data.title': 'Open data',
  'data.description': 'Download the guide\'s claims, annotations, argument map and references in open formats.',
  'data.lede':
    'Everything the guide shows, in open formats, generated from the same data as these pages. The guide’s own text may be reused under the licence named below.',
  'export.annotations.label': 'Annotations',
  'export.annotations.format': 'W3C Web Annotation (JSON-LD)',
  'export.annotations.description':
    'Every claim and annotation, targeting the original comments with text quote and position selectors; in pages of {pageSize}, each also a document of its own (annotations/page-1.jsonld, …).',
  'export.argumentMap.label': 'Argument map',
  'export.argumentMap.format': 'JSON',
  'export.argumentMap.description': 'Claims as nodes and their typed relations as edges.',
  'export.argdown.label': 'Argument map',
  'export.argdown.format': 'Argdown',
  'export.argdown.description': 'The same claims and relations, for Argdown’s tools.',
  'export.biblatex.label': 'References',
  'export.biblatex.format': 'BibLaTeX',
  'export.biblatex.description': 'Every source, with its checked facts only.',
  'export.csl.label': 'References',
  'export.csl.format': 'CSL-JSON',
  'export.csl.description': 'The same sources, for citation managers.',
  'export.feed.label': 'New annotations',
  'export.feed.format': 'Atom feed',
  'export.feed.description': 'The guide’s annotations, newest first.',
  'feed.title': '{title}: annotations',
  'feed.copyright': 'The guide’s annotations: {licence} ({url})',
  'feed.entry.onClaim': '{kind} on claim {label}: {paraphrase}',
  'feed.entry.onWords': '{kind} on “{words}”',

  // The page for addresses that do not exist.
  'notFound.title': 'Page not found',
  'notFound.description': 'This address is not part of the reading guide.',
  'notFound.lede': 'This address is not part of the reading guide. It may have been mistyped, or the page may have moved.',
  'notFound.readThread': 'Read the thread',
  'notFound.browseClaims': 'Browse all claims',
  'notFound.browseSources': 'Browse all sources'
} as const satisfies Record<string, Message>;

type English = typeof en;
export type UiKey = keyof English;

/** What every language gives for a key: text where English has text, plural forms where it has them. */
export type UiTable = { readonly [K in UiKey]: English[K] extends string ? string : PluralForms };

const de: UiTable = {
  'site.socialImage.alt': '{title}: ein annotierter Leseführer',
  'site.skipLink': 'Zum Inhalt springen',
  'site.sections.label': 'Bereiche',
  'site.search.label': 'Den Leseführer durchsuchen',
  'site.search.placeholder': 'Suchen ( / )',
  'site.search.submit': 'Suchen',
  'site.theme.button': 'Farbschema',
  'site.demonstration.title': 'Eine Vorführung.',
  'site.demonstration.text':
    'Die Diskussion in diesem Leseführer ist erfunden, um zu zeigen, was der Generator für Leseführer leistet: Das Forum, die Menschen darin und ihre Worte gibt es nur hier.',
  'site.footer.thread': 'Die Diskussion stammt aus {thread} auf {site}. Die Worte der Kommentierenden werden zur Erläuterung zitiert und bleiben ihre eigenen.',
  'site.footer.openData': 'Offene Daten: {files} ({about})',
  'site.footer.openData.about': 'was sie enthalten',
  'site.footer.contribute': 'Eine Annotation beitragen',
  'site.footer.licence':
    'Der eigene Text des Leseführers (Paraphrasen, Annotationen, Anmerkungen und Definitionen) darf unter {licence} weiterverwendet werden. Die Software, die ihn erzeugt, steht unter der MIT-Lizenz.',
  'text.quoted': '„{text}“',

  'theme.system': 'Farbschema: System',
  'theme.system.label': 'Farbschema: wie im System. Farbschema wechseln',
  'theme.light': 'Farbschema: hell',
  'theme.light.label': 'Farbschema: hell. Farbschema wechseln',
  'theme.dark': 'Farbschema: dunkel',
  'theme.dark.label': 'Farbschema: dunkel. Farbschema wechseln',

  'section.thread': 'Diskussion',
  'section.claims': 'Behauptungen',
  'section.map': 'Karte',
  'section.cruxes': 'Knackpunkte',
  'section.sources': 'Quellen',
  'section.annotations': 'Annotationen',
  'section.glossary': 'Glossar',

  'voice.introduction': 'Die Einführung des Leseführers',
  'voice.guideNotes': 'Anmerkungen der Redaktion zur Erfassung',
  'voice.editorNote': 'Anmerkung der Redaktion',
  'voice.page': 'Der Text des Leseführers',
  'voice.paraphrase': 'Die Paraphrase des Leseführers',
  'voice.claimComment': 'Der Kommentar des Leseführers',
  'voice.cruxesOverview': 'Der Überblick des Leseführers',
  'voice.cruxAnalysis': 'Die Analyse des Leseführers',
  'voice.sourceSummary': 'Was sie zeigt, in den Worten des Leseführers',

  'commenter.neutral': 'Person {key}',
  'commenter.unknown': 'Unbekannte Person',

  'thread.heading': 'Die Diskussion',
  'comment.replyingTo': 'Antwort auf {comment}',
  'comment.original': 'Originalkommentar auf {site}',
  'comment.originalSubthread': 'Originalstrang auf {site}',
  'comment.noDate': 'Datum nicht in der Erfassung',
  'comment.edited': 'bearbeitet',
  'comment.editedOn': 'bearbeitet am {date}',
  'comment.status.deleted': 'Auf {site} gelöscht, bevor die Diskussion erfasst wurde.',
  'comment.status.removed': 'Von den Moderatoren von {site} entfernt, bevor die Diskussion erfasst wurde.',
  'comment.status.unavailable': 'Auf {site} nicht verfügbar, als die Diskussion erfasst wurde.',
  'comment.onTheseWords': 'Zu diesen Worten in {comment}',
  'comment.claims': 'Behauptungen: {claims}',
  'comment.repliesNotCaptured': {
    one: '{count} weitere Antwort auf {site}, nicht in der Erfassung: {link}',
    other: '{count} weitere Antworten auf {site}, nicht in der Erfassung: {link}'
  },
  'comment.repliesNotCaptured.link': 'dort lesen',
  'comment.quotedIn': 'Zitiert in: {quotes}',

  'sidenotes.summary': 'Anmerkungen: {notes}',
  'sidenote.counterarguments': { one: '{count} Gegenargument', other: '{count} Gegenargumente' },
  'sidenote.support': '{count} dafür',
  'sidenote.questions': { one: '{count} Frage', other: '{count} Fragen' },
  'sidenote.conceded': { one: 'einmal zugestanden', other: '{count}-mal zugestanden' },
  'sidenote.cites': 'zitiert {cited}',
  'sidenote.source': 'Quelle: {source}',
  'sidenote.quotedIn.label': 'zitiert in {reply}',
  'mark.citation': 'Quelle: {short}, {title}',
  'mark.citationAt': 'Quelle: {short}, {title}, {locator}',
  'mark.annotation': '{kind} des Leseführers zu diesen Worten',
  'mark.quoted': 'Zitiert in {reply}',
  'mark.quotedWithAuthor': 'Zitiert in {reply}, der Antwort von {author}',
  'mark.note': 'Anmerkung der Redaktion zu diesen Worten',

  'quotation.quotes': '{speaker} zitiert {quoted}',
  'quotation.outside': 'Zitiert aus einem Text außerhalb der erfassten Diskussion',
  'quotation.from': 'Zitiert aus {source}',
  'quotation.original': 'Original',

  'claim.title': 'Behauptung {label}',
  'claim.withParaphrase': 'Behauptung {label}: {paraphrase}',
  'claim.madeBy': 'Aufgestellt von {speaker}',
  'claim.madeBy.commenter': '{speaker}, in {comment}',
  'claim.madeBy.outside': '{speaker}, zitiert von {commenter} in {comment}',
  'claim.main': 'eine Hauptbehauptung',
  'claim.partOfCrux': 'Teil des Knackpunkts {crux}',
  'claim.words.heading': 'Der Wortlaut im Zusammenhang',
  'claim.words.readInThread': 'In der Diskussion lesen',
  'claim.counterargument.heading': 'Das stärkste Gegenargument',
  'claim.relations.heading': 'Wie sie zu anderen Behauptungen steht',
  'claim.relations.none': 'Noch sind keine Beziehungen zu anderen Behauptungen erfasst.',
  'claim.relation.note': 'Anmerkung des Leseführers: {note}',
  'claim.map.title': 'Behauptung {label} und die Behauptungen einen Schritt entfernt',
  'claim.map.omitted': 'Die Karte zeigt die ersten {limit} verbundenen Behauptungen in Lesereihenfolge; {omitted} weitere stehen unten.',
  'claim.sources.heading': 'Zitierte Quellen',
  'claim.sources.none': 'Diese Behauptung zitiert keine Quelle.',
  'claim.annotations.heading': 'Annotationen',
  'claim.annotations.none': 'Noch keine Annotationen.',
  'claim.annotations.onlyCounter': 'Nur ihr stärkstes Gegenargument, oben.',
  'claimRef.by': '– {speaker}, {comment}',
  'claims.description': {
    one: 'Die {count} Behauptung, die der Leseführer in der Diskussion markiert, in Lesereihenfolge.',
    other: 'Die {count} Behauptungen, die der Leseführer in der Diskussion markiert, in Lesereihenfolge.'
  },
  'claims.lede': {
    one: '{count} Behauptung. Sie steht in der Paraphrase des Leseführers; ihre Seite zeigt den genauen Wortlaut, wie sie zu anderen Behauptungen steht und was sie zitiert.',
    other: '{count} Behauptungen in Lesereihenfolge. Jede steht in der Paraphrase des Leseführers; ihre Seite zeigt den genauen Wortlaut, wie sie zu anderen Behauptungen steht und was sie zitiert.'
  },
  'claims.inComment': 'In {comment}, {speaker}',

  'relation.supports': 'stützt',
  'relation.attacks': 'greift an',
  'relation.qualifies': 'schränkt ein',
  'relation.concedes': 'gesteht zu',
  'relation.asks-about': 'fragt nach',
  'relation.supports.heading': 'Stützt',
  'relation.supports.incoming': 'Gestützt von',
  'relation.attacks.heading': 'Greift an',
  'relation.attacks.incoming': 'Angegriffen von',
  'relation.qualifies.heading': 'Schränkt ein',
  'relation.qualifies.incoming': 'Eingeschränkt von',
  'relation.concedes.heading': 'Gesteht zu',
  'relation.concedes.incoming': 'Zugestanden von',
  'relation.asks-about.heading': 'Fragt nach',
  'relation.asks-about.incoming': 'Hinterfragt von',
  'relation.supports.between': '{from} stützt {to}',
  'relation.attacks.between': '{from} greift {to} an',
  'relation.qualifies.between': '{from} schränkt {to} ein',
  'relation.concedes.between': '{from} gesteht {to} etwas zu',
  'relation.asks-about.between': '{from} fragt nach {to}',

  'map.title': 'Argumentkarte',
  'map.description': 'Die Behauptungen der Diskussion und wie sie einander stützen, angreifen, einschränken, einander etwas zugestehen oder hinterfragen.',
  'map.lede':
    'Jede Behauptung ist ein Kasten in der Farbe der Person, die sie aufgestellt hat; ein Pfeil führt von einer Behauptung zu der, die sie stützt, angreift, einschränkt, der sie etwas zugesteht oder nach der sie fragt. Behauptungen, die Teil eines {crux} sind, haben einen kräftigen Rahmen. Jeder Kasten führt zu seiner Behauptung.',
  'map.lede.crux': 'Knackpunkts',
  'map.capped':
    'Dieser Leseführer hat {total} Behauptungen, zu viele für eine Karte: Diese Karte zeigt {shown}. Die Seite jeder Behauptung zeigt die Behauptungen um sie herum, und die {openData} enthalten die ganze Argumentkarte.',
  'map.capped.withCentral': '{count} davon: die {central} Hauptbehauptungen und Behauptungen aus Knackpunkten, dann die ersten der übrigen in Lesereihenfolge',
  'map.capped.first': 'die ersten {count} in Lesereihenfolge',
  'map.capped.openData': 'offenen Daten',
  'map.whole.title': 'Die Argumentkarte der Diskussion',
  'map.text.summary': 'Dieselben Beziehungen als Text',
  'map.node.label': 'Behauptung {label}, {speaker}: {paraphrase}',
  'map.node.labelCrux': 'Behauptung {label}, {speaker}, Teil eines Knackpunkts: {paraphrase}',
  'map.legend.speakers': 'Wer die Behauptung aufgestellt hat',
  'map.legend.outside': 'Ein Werk außerhalb der Diskussion ({speaker})',
  'map.legend.crux': 'Teil eines Knackpunkts',
  'map.legend.relations': 'Beziehungen, von der Behauptung, die sie eingeht, zu der Behauptung, um die es geht',
  'map.zoom.in': 'Vergrößern',
  'map.zoom.out': 'Verkleinern',
  'map.zoom.reset': 'Die ganze Karte zeigen',
  'map.zoom.resetButton': 'Zurücksetzen',
  'map.zoom.viewport': 'Karte: ziehen zum Verschieben; + und − zum Zoomen; 0 zum Zurücksetzen',

  'annotation.kind.counterargument': 'Gegenargument',
  'annotation.kind.support': 'Unterstützung',
  'annotation.kind.context': 'Kontext',
  'annotation.kind.clarification': 'Klarstellung',
  'annotation.kind.correction': 'Korrektur',
  'annotation.kind.question': 'Frage',
  'annotation.kind.counterargument.title': 'Gegenargument',
  'annotation.kind.support.title': 'Unterstützung',
  'annotation.kind.context.title': 'Kontext',
  'annotation.kind.clarification.title': 'Klarstellung',
  'annotation.kind.correction.title': 'Korrektur',
  'annotation.kind.question.title': 'Frage',
  'annotation.label': '{kind} · Annotation des Leseführers',
  'annotation.by': 'Verfasst von: {author}',
  'annotation.history': 'Verlauf',
  'annotation.permalink': 'Permalink',
  'annotation.readIt': 'Lesen',
  'annotation.onClaim': '{kind} zu Behauptung {label}',
  'annotation.description': '{kind} des Leseführers.',
  'annotation.description.onClaim': '{kind} des Leseführers zu Behauptung {label}.',
  'annotation.byline.onClaim': 'Zu {claim}',
  'annotation.byline.onWords': 'Zu den Worten „{words}“ in {comment}',
  'annotation.shown.heading': 'Wo sie steht',
  'annotation.shown.inThread': '{thread}, neben den Worten, um die es geht',
  'annotation.shown.inThread.link': 'In der Diskussion',
  'annotation.shown.onClaimPage': 'Auf der Seite von {claim}',
  'annotation.shown.claimLink': 'Behauptung {label}',
  'annotations.description': 'Die Annotationen des Leseführers zur Diskussion: Gegenargumente, Unterstützung, Kontext, Klarstellungen, Korrekturen und Fragen.',
  'annotations.lede': 'Die eigenen Anmerkungen des Leseführers zu den Behauptungen der Diskussion, jede mit ihren Quellen.',
  'annotations.target.words': '„{words}“ in {comment}',

  'backlinks.heading': 'Verlinkt von',
  'backlinks.inline': 'Verlinkt von: {links}',
  'backlink.annotation': '{kind} des Leseführers',
  'backlink.term': 'Glossar: {term}',
  'backlink.crux': 'Knackpunkt: {question}',

  'source.kicker': 'Quelle · {type}',
  'source.type.preprint': 'Preprint',
  'source.type.article': 'Artikel',
  'source.type.scenario': 'Szenario',
  'source.type.blog-post': 'Blogbeitrag',
  'source.type.forum-post': 'Forumsbeitrag',
  'source.type.report': 'Bericht',
  'source.type.book': 'Buch',
  'source.description': '{title}: geprüfte Angaben und jede Behauptung und Annotation, die sie zitiert.',
  'source.openOriginal': 'Das Original öffnen',
  'source.noOriginal': 'Eine Adresse des Originals ist noch nicht geprüft.',
  'source.checks.summary': 'Wo diese Angaben geprüft wurden',
  'source.field.title': 'Titel',
  'source.field.authors': 'Autoren',
  'source.field.issued': 'Erscheinungsdatum',
  'source.field.url': 'Adresse',
  'source.field.arxiv': 'arXiv-Kennung',
  'source.field.doi': 'DOI',
  'source.field.publisher': 'Verlag',
  'source.field.container': 'Erschienen in',
  'source.field.volume': 'Band',
  'source.field.issue': 'Heft',
  'source.fact.authors': 'Autoren',
  'source.fact.issued': 'Erschienen',
  'source.fact.publisher': 'Verlag',
  'source.fact.container': 'In',
  'source.fact.arxiv': 'arXiv',
  'source.fact.doi': 'DOI',
  'source.authors.unchecked': 'Noch nicht an einem Original geprüft',
  'source.authors.andOthers': '{authors} und weitere',
  'source.authors.andMore': { one: '{authors} und {count} weitere Person', other: '{authors} und {count} weitere' },
  'source.volume': 'Bd. {volume}',
  'source.issue': 'Nr. {issue}',
  'source.locators.heading': 'Zitierte Stellen',
  'source.locators.none': 'Das Werk wird als Ganzes zitiert.',
  'source.citedBy.heading': 'Zitiert von',
  'source.citedBy.none': 'Diese Quelle wird noch nirgends zitiert.',
  'source.citedBy.claims': 'Behauptungen',
  'source.citedBy.thread': 'In der Diskussion',
  'source.citedBy.annotations': 'Annotationen',
  'source.citedBy.glossary': 'Glossar',
  'sources.description': 'Jedes Werk, das die Diskussion und der Leseführer zitieren, mit geprüften bibliografischen Angaben.',
  'sources.lede': 'Jedes Werk, das die Diskussion und der Leseführer zitieren. Gezeigt werden nur Angaben, die an einem Original geprüft wurden.',
  'sources.citedTimes': '{count}× zitiert',
  'references.moreAuthors': 'Weitere Autoren nicht aufgeführt',

  'glossary.description': 'Die Begriffe, denen man in der Diskussion begegnet, in den eigenen Worten des Leseführers erklärt.',
  'glossary.lede': 'Definitionen in den eigenen Worten des Leseführers.',
  'glossary.aliases': '(auch: {aliases})',
  'glossary.usedIn': 'Verwendet in: {uses}',
  'glossary.usedIn.annotation': 'Annotation „{kind}“ zu {target}',

  'cruxes.description': 'Worin genau die Kommentierenden uneins sind und welche Belege jede Seite umstimmen würden.',
  'crux.wouldMove': 'Was {name} umstimmen würde',

  'contribute.suggest': 'Ein Gegenargument vorschlagen',
  'contribute.edit': 'Auf GitHub bearbeiten',
  'contribute.title': 'Mitwirken',
  'contribute.description': 'Wie man dem Leseführer per Pull-Request eine Annotation hinzufügt und was dabei geprüft wird.',
  'contributors.title': 'Mitwirkende',
  'contributors.description': 'Alle, die eine Annotation für den Leseführer geschrieben haben.',
  'contributors.lede': 'Alle, die eine Annotation geschrieben haben.',
  'contributors.addYourOwn': 'Schreiben Sie selbst eine.',
  'contributors.editors': { one: '{editors}: {count} Annotation ({all})', other: '{editors}: {count} Annotationen ({all})' },
  'contributors.editors.all': 'alle ansehen',

  'search.title': 'Suche',
  'search.description': 'Die Diskussion durchsuchen: ihre Behauptungen, die Annotationen des Leseführers, die Quellen und das Glossar.',
  'search.noScript': 'Die Suche braucht JavaScript. Ohne JavaScript sehen Sie die {claims}, die {sources} und das {glossary} durch oder lesen die {thread}.',
  'search.noScript.claims': 'Behauptungen',
  'search.noScript.sources': 'Quellen',
  'search.noScript.glossary': 'Glossar',
  'search.noScript.thread': 'Diskussion',
  'search.filter.who': 'Wer es gesagt hat',
  'search.filter.kind': 'Art',
  'search.who.outsideWork': 'Externes Werk',
  'search.who.guide': 'Der Leseführer',
  'search.kind.claim': 'Behauptung',
  'search.kind.comment': 'Kommentar',
  'search.kind.source': 'Quelle',
  'search.kind.glossaryTerm': 'Glossarbegriff',
  'search.kind.crux': 'Knackpunkt',
  'search.results.claims': 'Behauptungen',
  'search.results.annotations': 'Annotationen',
  'search.results.comments': 'Kommentare',
  'search.results.sources': 'Quellen',
  'search.results.glossary': 'Glossar',
  'search.results.cruxes': 'Knackpunkte',
  'search.status.none': 'Nichts gefunden für „{query}“.',
  'search.status.found': { one: '{count} Ergebnis für „{query}“.', other: '{count} Ergebnisse für „{query}“.' },
  'search.record.annotationOnClaim': '{kind} zu {label}: {paraphrase}',
  'search.record.annotationOnWords': '{kind} zu „{words}“',

  'preview.open': 'Öffnen',
  'preview.claim.title': 'Behauptung {label} · {speaker}',
  'preview.claim.kicker': 'Behauptung {label} · {speaker}, in {comment}',
  'preview.strongestCounterargument': 'Stärkstes Gegenargument:',
  'preview.source.kicker': 'Quelle',
  'preview.crux.kicker': 'Knackpunkt',
  'preview.citedAt': 'Zitierte Stellen: {locators}',
  'preview.annotation.kickerOnClaim': '{kind} · Annotation des Leseführers zu Behauptung {label}',
  'preview.crux.claims': { one: '{count} Behauptung, von beiden Seiten', other: '{count} Behauptungen, von beiden Seiten' },

  'data.title': 'Offene Daten',
  'data.description': 'Die Behauptungen, Annotationen, Argumentkarte und Literaturangaben des Leseführers in offenen Formaten herunterladen.',
  'data.lede':
    'Alles, was der Leseführer zeigt, in offenen Formaten, erzeugt aus denselben Daten wie diese Seiten. Der eigene Text des Leseführers darf unter der unten genannten Lizenz weiterverwendet werden.',
  'export.annotations.label': 'Annotationen',
  'export.annotations.format': 'W3C Web Annotation (JSON-LD)',
  'export.annotations.description':
    'Jede Behauptung und Annotation, auf die Originalkommentare bezogen mit Textzitat- und Positionsselektoren; in Seiten zu je {pageSize}, jede auch ein eigenes Dokument (annotations/page-1.jsonld, …).',
  'export.argumentMap.label': 'Argumentkarte',
  'export.argumentMap.format': 'JSON',
  'export.argumentMap.description': 'Behauptungen als Knoten und ihre typisierten Beziehungen als Kanten.',
  'export.argdown.label': 'Argumentkarte',
  'export.argdown.format': 'Argdown',
  'export.argdown.description': 'Dieselben Behauptungen und Beziehungen, für die Werkzeuge von Argdown.',
  'export.biblatex.label': 'Literaturangaben',
  'export.biblatex.format': 'BibLaTeX',
  'export.biblatex.description': 'Jede Quelle, nur mit ihren geprüften Angaben.',
  'export.csl.label': 'Literaturangaben',
  'export.csl.format': 'CSL-JSON',
  'export.csl.description': 'Dieselben Quellen, für Literaturverwaltungen.',
  'export.feed.label': 'Neue Annotationen',
  'export.feed.format': 'Atom-Feed',
  'export.feed.description': 'Die Annotationen des Leseführers, die neuesten zuerst.',
  'feed.title': '{title}: Annotationen',
  'feed.copyright': 'Die Annotationen des Leseführers: {licence} ({url})',
  'feed.entry.onClaim': '{kind} zu Behauptung {label}: {paraphrase}',
  'feed.entry.onWords': '{kind} zu „{words}“',

  'notFound.title': 'Seite nicht gefunden',
  'notFound.description': 'Diese Adresse gehört nicht zum Leseführer.',
  'notFound.lede': 'Diese Adresse gehört nicht zum Leseführer. Vielleicht wurde sie falsch eingegeben, oder die Seite ist umgezogen.',
  'notFound.readThread': 'Die Diskussion lesen',
  'notFound.browseClaims': 'Alle Behauptungen ansehen',
  'notFound.browseSources': 'Alle Quellen ansehen'
};

/** Every language's table. */
export const uiTables: Readonly<Record<Language, UiTable>> = { en, de };

export const uiKeys = Object.keys(en) as UiKey[];

/** Whether a key's message has plural forms. */
export const isPluralKey = (key: UiKey): boolean => typeof en[key] !== 'string';

/** The placeholders in a text: `{label}` in "Claim {label}" gives "label". */
type Names<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Names<Rest> : never;

/** The values a key's message takes, by name; a plural message takes `count` too, a number. */
export type UiValues<K extends UiKey> = { [N in Names<English[K] extends string ? English[K] : English[K][keyof English[K]]>]: string | number } & (English[K] extends string
  ? unknown
  : { count: number });

type ValuesArgument<K extends UiKey> = [keyof UiValues<K>] extends [never] ? [] : [values: UiValues<K>];

/** A guide's rewording of single messages, in its own language (`strings` in guide.yaml): text, or plural forms where the message has them. */
export type UiOverrides = { readonly [K in UiKey]?: Message };

/** The UI text of one guide: its language's table, with the guide's own rewordings. */
export class UiText {
  readonly language: Language;
  readonly #table: Readonly<Record<UiKey, Message>>;

  constructor(language: Language, overrides: UiOverrides = {}) {
    this.language = language;
    this.#table = { ...uiTables[language], ...overrides };
  }

  /** The message of `key` as written, placeholders and plural forms included (for a script to fill in). */
  message(key: UiKey): Message {
    return this.#table[key];
  }

  /** The message of `key`, filled in. */
  t<K extends UiKey>(key: K, ...[values]: ValuesArgument<K>): string {
    return formatMessage(this.#table[key], (values ?? {}) as Record<string, string | number>, this.language);
  }

  /** The message of `key` in pieces, each placeholder not given in `values` left as a slot for an element (a link, a time). */
  parts<K extends UiKey>(key: K, values: Partial<UiValues<K>> = {}): MessagePart[] {
    return messageParts(this.#table[key], values as Record<string, string | number>, this.language);
  }

  number(value: number): string {
    return formatNumber(value, this.language);
  }

  /**
   * A day, as the language writes it ("May 1, 2024", "1. Mai 2024").
   * Platforms give a moment in UTC; the guide shows its day in UTC too, so
   * that a page reads the same wherever it is built.
   */
  day(timestamp: string): string {
    return dateFormat(this.language, 'day').format(new Date(timestamp));
  }

  /** The full moment, for a tooltip ("May 1, 2024 at 12:30 PM UTC"); a bare date stays a date. */
  moment(timestamp: string): string {
    return /T/.test(timestamp) ? `${dateFormat(this.language, 'moment').format(new Date(timestamp))} UTC` : this.day(timestamp);
  }
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(language: Language, precision: 'day' | 'moment'): Intl.DateTimeFormat {
  const key = `${language} ${precision}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'long', ...(precision === 'moment' ? { timeStyle: 'short' } : {}), timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format;
}

/** What a guide says of its language, as guide.yaml gives it (`language`, `strings`); English when it says nothing. */
export interface UiChoice {
  language?: Language;
  strings?: UiOverrides;
}

const made = new Map<string, UiText>();

/** The UI text of a guide: made once for each language and rewording. */
export function uiText(choice: UiChoice | undefined): UiText {
  const language = choice?.language ?? 'en';
  const key = `${language}\n${JSON.stringify(choice?.strings ?? {})}`;
  let text = made.get(key);
  if (!text) made.set(key, (text = new UiText(language, choice?.strings)));
  return text;
}
