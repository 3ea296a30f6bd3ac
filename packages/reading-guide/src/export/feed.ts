/**
 * `/feed.xml`: an Atom feed of the guide's annotations, newest first, so that
 * readers can follow new annotations as they are added. Dates come from the
 * content, never from the clock, so two builds of one commit give one feed.
 */
import { Feed } from 'feed';
import { absolute, type GuideSnapshot } from './snapshot.ts';
import { uiText } from '../model/ui-strings.ts';
import { sitePath } from '../model/routes.ts';

/** Root-relative links in rendered HTML, made absolute for feed readers. */
function absoluteLinks(snapshot: GuideSnapshot, html: string): string {
  const origin = new URL(snapshot.siteUrl).origin;
  return html.replace(/\b(href|src)="\/(?!\/)/g, `$1="${origin}/`);
}

export function annotationFeed(snapshot: GuideSnapshot): string {
  const { graph, meta } = snapshot;
  const ui = uiText(meta);
  const entries = Object.keys(graph.annotations)
    .map((id) => ({ id, node: graph.annotations[id]!, entry: snapshot.annotations[id]!, created: snapshot.annotations[id]!.data.created ?? meta.published }))
    .sort((a, b) => b.created.localeCompare(a.created) || a.id.localeCompare(b.id));
  const newest = entries[0]?.created ?? meta.published;
  const home = absolute(snapshot, '/');
  const feed = new Feed({
    id: home,
    title: ui.t('feed.title', { title: meta.title }),
    description: meta.description,
    link: home,
    updated: new Date(`${newest}T00:00:00Z`),
    generator: false,
    copyright: ui.t('feed.copyright', { licence: meta.license.name, url: meta.license.url }),
    feedLinks: { atom: absolute(snapshot, '/feed.xml') },
    author: { name: meta.editors, link: home }
  });
  for (const { id, node, entry, created } of entries) {
    const on = node.on ? graph.claims[node.on] : undefined;
    const kind = ui.t(`annotation.kind.${node.kind}.title`);
    const title = on
      ? ui.t('feed.entry.onClaim', { kind, label: on.label, paraphrase: snapshot.claims[node.on!]!.paraphrase })
      : ui.t('feed.entry.onWords', { kind, words: node.exact ?? '' });
    const url = absolute(snapshot, sitePath.annotation(id));
    feed.addItem({
      id: url,
      link: url,
      title,
      date: new Date(`${created}T00:00:00Z`),
      published: new Date(`${created}T00:00:00Z`),
      content: absoluteLinks(snapshot, entry.html),
      author: [{ name: entry.data.contributor ?? meta.editors }],
      category: [{ term: node.kind }]
    });
  }
  // The language of the guide's own text, which the feed carries (the commenters' words are only linked to).
  // `feed` writes its `language` option into RSS only, so the Atom feed says it with `xml:lang` on its root.
  const atom = feed.atom1();
  const root = '<feed xmlns="http://www.w3.org/2005/Atom">';
  if (!atom.includes(root)) throw new Error('The Atom feed has no root element to give a language');
  return atom.replace(root, `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${meta.language}">`);
}
