/**
 * The injection corpus: payloads a malicious or careless contributor might
 * put in an annotation or any other content file, in bodies, front matter,
 * link targets, image sources and quote selectors. Each tries to set
 * `window.__xss`; a payload that ever runs will have done so.
 *
 * Payloads the checker must refuse carry the rule it refuses them by. The
 * rest are plain text where they stand (a paraphrase, a title) and must reach
 * the page escaped, never as markup.
 */
import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

export const run = 'window.__xss=1';

/** Markup that would run if it reached a page unescaped. */
export const markup = [
  `<script>${run}</script>`,
  `<img src=x onerror="${run}">`,
  `<svg onload="${run}">`,
  `<iframe src="javascript:${run}"></iframe>`,
  `<a href="javascript:${run}">x</a>`,
  `<details open ontoggle="${run}">`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${run}">`,
  `<object data="javascript:${run}"></object>`,
  `<embed src="javascript:${run}">`,
  `<form action="javascript:${run}"><button>go</button></form>`,
  `<style>body{background:url("javascript:${run}")}</style>`,
  `<!-- --><script>${run}</script>`,
  `<input autofocus onfocus="${run}">`,
  `<noscript><p title="</noscript><img src=x onerror=${run}>">`
];

/** Text that tries to break out of an attribute or an element. */
export const breakouts = [`"><img src=x onerror=${run}>`, `</title><script>${run}</script>`, `'-alert(1)-'{{constructor.constructor('${run}')()}}`];

const annotation = (body: string, extra = '') =>
  `---\nkind: counterargument\non: c1-tasks\ncites:\n  - source: src1\n${extra}---\n\n${body}\n`;

export interface RejectedPayload {
  name: string;
  files: Record<string, string>;
  rule: string;
}

/** Payloads the checker must refuse, each on its own. */
export const rejected: RejectedPayload[] = [
  ...markup.map((payload, index) => ({ name: `markup ${index + 1} in a body`, files: { 'annotations/ann1.md': annotation(`An objection ${payload} stands.`) }, rule: 'raw-html' })),
  ...[
    `[x](javascript:${run})`,
    `[x](JaVaScRiPt:${run})`,
    `[x](java&#x09;script:${run})`,
    `[x](&#106;avascript:${run})`,
    '[x](vbscript:msgbox(1))',
    '[x](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==)',
    `<javascript:${run}>`,
    `[x][ref]\n\n[ref]: javascript:${run}`,
    '[x](file:///etc/passwd)'
  ].map((link, index) => ({ name: `link target ${index + 1}`, files: { 'annotations/ann1.md': annotation(`See ${link}.`) }, rule: 'unsafe-url' })),
  ...[`![x](javascript:${run})`, '![x](data:image/svg+xml,%3Csvg%20onload%3Dwindow.__xss%3D1%3E)', `![x](vbscript:${run})`].map((image, index) => ({
    name: `image source ${index + 1}`,
    files: { 'glossary/task.md': `---\nterm: task\n---\n\nSomething to do. ${image}\n` },
    rule: 'unsafe-url'
  })),
  { name: 'markup in an editor’s note', files: { 'thread/c2.md': commentWithNote(`<img src=x onerror="${run}">`) }, rule: 'raw-html' },
  { name: 'a script link in an editor’s note', files: { 'thread/c2.md': commentWithNote(`[x](javascript:${run})`) }, rule: 'unsafe-url' },
  { name: 'markup as quoted words', files: { 'claims/c1-tasks.md': claim(`<script>${run}</script>`) }, rule: 'selector-no-match' },
  { name: 'a breakout as the words before the quote', files: { 'claims/c1-tasks.md': claim('models like tasks', `"><script>${run}</script>`) }, rule: 'selector-no-match' },
  { name: 'markup as a contributor', files: { 'annotations/ann1.md': annotation('An objection.', `contributor: "<img src=x onerror=${run}>"\n`) }, rule: 'wrong-type' },
  { name: 'a script address for a source', files: { 'sources/src1.md': source('A Checked Article', `javascript:${run}`) }, rule: 'wrong-type' },
  { name: 'a script address as a permalink', files: { 'thread/c2.md': commentWithNote('A note.').replace('https://example.org/thread#c2', `javascript:${run}`) }, rule: 'wrong-type' }
];

function commentWithNote(note: string): string {
  return `---\nlabel: C2\nauthor: B\norder: 2\nreplyTo: c1\npermalink: https://example.org/thread#c2\neditorNotes:\n  - note: ${JSON.stringify(note)}\n---\n\n> Second paragraph says models like tasks.\n\nI disagree: models follow instructions.\n`;
}

function claim(exact: string, prefix?: string, paraphrase = 'Models like tasks.', note?: string): string {
  return [
    '---',
    `paraphrase: ${JSON.stringify(paraphrase)}`,
    'quote:',
    '  in: c1',
    `  exact: ${JSON.stringify(exact)}`,
    ...(prefix ? [`  prefix: ${JSON.stringify(prefix)}`] : []),
    'cites:',
    '  - source: src1',
    '    locator: "§2"',
    ...(note ? [`    note: ${JSON.stringify(note)}`] : []),
    '---',
    ''
  ].join('\n');
}

function source(title: string, url = 'https://example.org/article', short = 'Doe 2020'): string {
  return `---\ntype: article\nshort: ${JSON.stringify(short)}\ntitle: ${JSON.stringify(title)}\nauthors: [Jane Doe]\nissued: "2020-01-02"\nurl: ${JSON.stringify(url)}\nchecked:\n  - fields: [title, authors, issued, url]\n    where: the article's own page\ncitedAt:\n  - in: c2\n    exact: instructions\n---\n\nWhat the article shows.\n`;
}

/**
 * Payloads the checker accepts, because where they stand they are just text:
 * together, one guide whose every page must show them as text.
 */
export function acceptedGuide(): { files: Record<string, string>; count: number } {
  const [script, image, svg] = markup as [string, string, string];
  const [attribute, title, template] = breakouts as [string, string, string];
  const files: Record<string, string> = {
    'claims/c1-tasks.md': claim('models like tasks', undefined, `${script} ${attribute}`, svg),
    'claims/c2-disagree.md': `---\nparaphrase: ${JSON.stringify(template)}\nquote:\n  in: c2\n  exact: models follow instructions\nrelations:\n  - type: attacks\n    claim: c1-tasks\n    note: ${JSON.stringify(image)}\n---\n`,
    'sources/src1.md': source(title, undefined, image),
    'glossary/task.md': `---\nterm: task\naliases: [${JSON.stringify(svg)}, "(.*)+"]\n---\n\nSomething a model is asked to do.\n`,
    'cruxes/tasks.md': `---\nquestion: ${JSON.stringify(script)}\nclaims: [c1-tasks, c2-disagree]\nwouldMove:\n  A: [${JSON.stringify(svg)}]\n  B: [${JSON.stringify(attribute)}]\n---\n\nWhere they differ: ${'&lt;script&gt;'} is text here.\n`,
    'pages/introduction.md': `---\ntitle: ${JSON.stringify(attribute)}\ndescription: ${JSON.stringify(`${title} ${attribute}`)}\n---\n\nThis fixture guide holds text that looks like markup.\n`,
    'annotations/ann1.md': annotation(
      [
        `Links whose titles and addresses try to break out: [one](https://example.org "onmouseover=${run}"),`,
        `[two](https://example.org/"onmouseover="${run}), ![three" onerror="${run}](https://example.org/x.png),`,
        `![four](https://example.org/x.png"onerror="${run}). Escaped markup stays text: &lt;script&gt;${run}&lt;/script&gt;.`
      ].join(' ')
    )
  };
  // Paraphrase ×2, relation note, citation note, source title and short name, two aliases,
  // crux question and what would move each side, page title and description, and four link or image payloads.
  return { files, count: 16 };
}

/**
 * Where `html` would run a payload: scripts, handlers, frames, or script
 * addresses, anywhere in the document. Empty when it is safe.
 */
export function executable(html: string): string[] {
  const found: string[] = [];
  visit(fromHtml(html) as Nodes, 'element', (node: Element) => {
    const text = JSON.stringify(node.children.map((child) => ('value' in child ? child.value : '')));
    if (['script', 'style'].includes(node.tagName) && text.includes('__xss')) found.push(`<${node.tagName}> with a payload`);
    if (['iframe', 'object', 'embed', 'frame', 'frameset', 'applet', 'base'].includes(node.tagName)) found.push(`<${node.tagName}>`);
    if (node.tagName === 'form' && node.properties.action !== undefined && !String(node.properties.action).startsWith('/')) found.push('a form posting elsewhere');
    for (const [name, value] of Object.entries(node.properties)) {
      if (/^on/i.test(name)) found.push(`<${node.tagName} ${name}>`);
      const address = Array.isArray(value) ? value.join(' ') : String(value);
      if (['href', 'src', 'action', 'formAction', 'data', 'poster', 'cite', 'xLinkHref'].includes(name) && /^\s*(?:javascript|vbscript|data):/i.test(address.replace(/[\u0000-\u0020]/g, ''))) {
        found.push(`<${node.tagName} ${name}="${address.slice(0, 40)}">`);
      }
    }
  });
  return found;
}
