/**
 * The injection corpus through the pipeline: the checker refuses every
 * payload that is markup or a script address; if one got past it, the
 * sanitizer still renders it harmless; and payloads that are only text where
 * they stand render as text.
 */
import { describe, expect, it } from 'vitest';
import { compileGuide } from '../../src/compile.ts';
import { ContentError, Diagnostics } from '../../src/model/diagnostics.ts';
import { loadContent } from '../../src/load/load-content.ts';
import { buildGraph } from '../../src/graph/build-graph.ts';
import { renderGuide } from '../../src/render/render-guide.ts';
import { guideWith } from '../helpers/fixtures.ts';
import { acceptedGuide, executable, markup, rejected } from '../helpers/injection.ts';

const everyHtml = (rendered: Awaited<ReturnType<typeof renderGuide>>) => [
  ...Object.values(rendered.html).flatMap((byId) => Object.values(byId)),
  ...Object.values(rendered.notes),
  ...rendered.guideNotes
];

describe('the injection corpus', () => {
  it('holds at least 40 payloads, in bodies, front matter, link targets, image sources and quote selectors', () => {
    expect(rejected.length + acceptedGuide().count).toBeGreaterThanOrEqual(40);
    const names = rejected.map((payload) => payload.name).join(' ');
    for (const where of ['body', 'link target', 'image source', 'quoted words', 'contributor', 'editor’s note', 'permalink']) expect(names).toContain(where);
  });

  it('has a detector that finds every markup payload, left raw in a page (a control for the tests below)', () => {
    // The noscript payload mutates only when a page's parser and a sanitizer's disagree on scripting;
    // the detector parses as a sanitizer would, so it is left out here.
    for (const payload of markup.filter((candidate) => !candidate.startsWith('<noscript>'))) {
      expect(executable(`<!doctype html><p>${payload}</p>`), payload).not.toEqual([]);
    }
    expect(executable('<a href=" java\tscript:alert(1)">x</a>')).not.toEqual([]);
    expect(executable('<p>&lt;script&gt;window.__xss=1&lt;/script&gt;</p>')).toEqual([]);
  });

  it.each(rejected.map((payload) => [payload.name, payload] as const))('the checker refuses %s', async (_name, payload) => {
    const error = await compileGuide(await guideWith(payload.files), { base: '/' }).then(
      () => undefined,
      (thrown: unknown) => thrown
    );
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).problems.map((problem) => problem.rule)).toContain(payload.rule);
  });

  it.each(rejected.filter((payload) => ['raw-html', 'unsafe-url'].includes(payload.rule)).map((payload) => [payload.name, payload] as const))(
    'rendering makes %s harmless even if the checker were bypassed',
    async (_name, payload) => {
      const diagnostics = new Diagnostics();
      const content = await loadContent(await guideWith(payload.files), diagnostics);
      expect(diagnostics.hasErrors).toBe(true);
      const rendered = await renderGuide(content, buildGraph(content, new Diagnostics()), { base: '/' }, new Diagnostics());
      const html = everyHtml(rendered).join('\n');
      expect(html.length).toBeGreaterThan(0);
      expect(executable(html)).toEqual([]);
    }
  );

  it('renders the payloads that are only text, as text', async () => {
    const compiled = await compileGuide(await guideWith(acceptedGuide().files), { base: '/' });
    const html = everyHtml(compiled.rendered).join('\n');
    expect(executable(html)).toEqual([]);
    expect(html).toContain('&#x3C;script>window.__xss=1&#x3C;/script>');
  });
});
