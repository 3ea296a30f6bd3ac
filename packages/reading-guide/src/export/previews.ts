/**
 * `/previews.json`: for every page or place a link can point to, the card a
 * preview shows — a claim's paraphrase, speaker, standing and strongest
 * counterargument; a source's checked facts and what it shows; a term's
 * definition. Built from the same snapshot as the pages, and fetched by the
 * preview script on the reader's first interaction, not with the page.
 *
 * Keys are site paths without the base path (`/claims/x/`, `/glossary/#term-y`);
 * links inside the cards carry the base.
 */
import { commenterName } from '../model/commenters.ts';
import type { ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { withBase } from '../render/rehype-base-links.ts';
import { claimSummary, firstSentence } from '../render/sidenotes.ts';
import { speakerName } from './argument-map.ts';
import { byId } from '../util/by-id.ts';
import type { GuideSnapshot } from './snapshot.ts';
import { uiText } from '../model/ui-strings.ts';
import { sitePath } from '../model/routes.ts';

export interface Preview {
  title: string;
  /** The card's body, as HTML built from the guide's own data. */
  html: string;
}

export function previews(snapshot: GuideSnapshot, base: string, pages: Record<string, { title: string; description: string }>): Record<string, Preview> {
  const { graph } = snapshot;
  const ui = uiText(snapshot.meta);
  const link = (path: string, text: string) => h('a', { href: withBase(base, path) }, text);
  const open = (path: string) => link(path, ui.t('preview.open'));
  const card = (title: string, ...children: (ElementContent | ElementContent[] | undefined | false)[]): Preview => ({
    title,
    html: toHtml(children.flat().filter((child): child is ElementContent => Boolean(child)))
  });
  const sourceName = (id: string) => snapshot.sources[id]!.short;
  const result: Record<string, Preview> = {};

  for (const id of graph.claimOrder) {
    const claim = graph.claims[id]!;
    const comment = byId(graph.comments, claim.comment)!;
    const counter = claim.strongestCounterargument;
    const counterLine = counter
      ? counter.kind === 'claim'
        ? h('p', { className: ['preview-counter'] }, [h('strong', `${ui.t('preview.strongestCounterargument')} `), link(sitePath.claim(counter.id), graph.claims[counter.id]!.label), ` ${snapshot.claims[counter.id]!.paraphrase}`])
        : h('p', { className: ['preview-counter'] }, [
            h('strong', `${ui.t('preview.strongestCounterargument')} `),
            `${firstSentence(snapshot.annotations[counter.id]!.text, 160, ui.language)} `,
            link(sitePath.annotation(counter.id), ui.t('annotation.readIt'))
          ])
      : undefined;
    const speaker = speakerName(snapshot, claim.speaker);
    const summary = claimSummary(claim, graph, sourceName, ui);
    const preview = card(
      ui.t('preview.claim.title', { label: claim.label, speaker }),
      h('p', { className: ['preview-kicker'] }, [`${ui.t('preview.claim.kicker', { label: claim.label, speaker, comment: comment.label })} · `, open(sitePath.claim(id))]),
      h('p', snapshot.claims[id]!.paraphrase),
      summary !== '' && h('p', { className: ['preview-meta'] }, summary),
      counterLine
    );
    result[sitePath.claim(id)] = preview;
    result[sitePath.onThread(claim.markId)] = preview;
  }

  for (const id of Object.keys(snapshot.sources).sort()) {
    const source = snapshot.sources[id]!;
    const node = graph.sources[id]!;
    const authors = source.authors && (source.moreAuthors ? ui.t('source.authors.andOthers', { authors: source.authors.join(', ') }) : source.authors.join(', '));
    const facts = [authors, source.issued?.slice(0, 4)].filter(Boolean).join(' · ');
    result[sitePath.source(id)] = card(
      source.title,
      h('p', { className: ['preview-kicker'] }, [`${ui.t('preview.source.kicker')} · `, open(sitePath.source(id))]),
      h('p', h('cite', source.title)),
      facts !== '' && h('p', { className: ['preview-meta'] }, facts),
      node.locators.length > 0 && h('p', { className: ['preview-meta'] }, ui.t('preview.citedAt', { locators: node.locators.join(', ') })),
      Boolean(snapshot.texts.sources[id]) && h('p', firstSentence(snapshot.texts.sources[id]!, 220, ui.language))
    );
  }

  for (const id of Object.keys(snapshot.terms).sort()) {
    const term = snapshot.terms[id]!;
    result[sitePath.term(id)] = card(
      term.term,
      h('p', { className: ['preview-kicker'] }, [`${ui.t('section.glossary')} · `, open(sitePath.term(id))]),
      h('p', [h('dfn', term.term), ': ', firstSentence(snapshot.texts.glossary[id] ?? '', 260, ui.language)])
    );
  }

  for (const id of Object.keys(graph.annotations).sort()) {
    const annotation = graph.annotations[id]!;
    const kind = ui.t(`annotation.kind.${annotation.kind}.title`);
    const on = annotation.on ? graph.claims[annotation.on]! : undefined;
    const title = ui.t('annotation.label', { kind });
    result[sitePath.annotation(id)] = card(
      title,
      h('p', { className: ['preview-kicker'] }, [`${on ? ui.t('preview.annotation.kickerOnClaim', { kind, label: on.label }) : title} · `, open(sitePath.annotation(id))]),
      h('p', firstSentence(snapshot.annotations[id]!.text, 260, ui.language))
    );
  }

  for (const id of Object.keys(snapshot.cruxes).sort()) {
    const crux = graph.cruxes[id]!;
    result[sitePath.crux(id)] = card(
      snapshot.cruxes[id]!.question,
      h('p', { className: ['preview-kicker'] }, [`${ui.t('preview.crux.kicker')} · `, open(sitePath.crux(id))]),
      h('p', snapshot.cruxes[id]!.question),
      h('p', { className: ['preview-meta'] }, ui.t('preview.crux.claims', { count: crux.claims.length }))
    );
  }

  for (const comment of graph.comments) {
    result[sitePath.comment(comment.id)] = card(
      `${comment.label} · ${commenterName(snapshot.meta, comment.author)}`,
      h('p', { className: ['preview-kicker'] }, `${comment.label} · ${commenterName(snapshot.meta, comment.author)}`),
      h('p', firstSentence(comment.text, 220, ui.language))
    );
  }

  for (const [path, page] of Object.entries(pages)) {
    result[path] ??= card(page.title, h('p', { className: ['preview-kicker'] }, page.title), h('p', page.description));
  }
  return result;
}
