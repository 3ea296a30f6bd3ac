import { readdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

const capture = readFileSync(new URL('../../content/capture/thread.txt', import.meta.url), 'utf8').split('\n');

async function expectInViewportAndTargeted(page: Page, id: string) {
  await expect(page).toHaveURL(new RegExp(`#${id}$`));
  const target = page.locator(`[id="${id}"]`);
  await expect(target).toBeInViewport();
  expect(await target.evaluate((element) => element.matches(':target'))).toBe(true);
}

test('the home page shows every line of the captured thread, word for word', async ({ page }) => {
  await page.goto('/');
  // The commenters' paragraphs: everything in a comment's body but the guide's
  // notes in the margin and the captions it gives quotations.
  const words = page.locator('.comment-body p:not(.sidenotes p)');
  // Lines 1–18: every paragraph of the comments, quotations included, in order.
  expect(await words.allInnerTexts()).toEqual(capture.slice(0, 18));
  // Lines 19–30: the commenters' own words, without the passages they quote.
  expect(await page.locator('.comment-body > p').allInnerTexts()).toEqual(capture.slice(18, 30));
  // Nothing else is written into the comments.
  const stray = await page.locator('.comment-body').evaluateAll((bodies) =>
    bodies.flatMap((body) => {
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      const texts: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.textContent!.trim() !== '' && !node.parentElement!.closest('p, figcaption, .sidenotes')) texts.push(node.textContent!);
      }
      return texts;
    })
  );
  expect(stray).toEqual([]);
});

test('each comment is attributed by a neutral label, in reading order', async ({ page }) => {
  await page.goto('/');
  const headings = await page.locator('.comment h3').allInnerTexts();
  expect(headings.map((heading) => heading.replace(/\s+/g, ' '))).toEqual([
    'A1 Commenter A',
    'B1 Commenter B',
    'B1 (continued?) Commenter B',
    'A2 Commenter A'
  ]);
});

test('the AI 2027 passage is a quotation that cites its source page', async ({ page }) => {
  await page.goto('/');
  const figure = page.locator('#comment-a1 figure.quotation--outside');
  await expect(figure.locator('blockquote')).toContainText('Agent-4 confronts some hard decisions.');
  await expect(figure.locator('figcaption')).toHaveText('Quoted from AI 2027, Race ending (original)');
  await expect(figure.getByRole('link', { name: 'original' })).toHaveAttribute('href', 'https://ai-2027.com/');
  await figure.getByRole('link', { name: 'AI 2027', exact: true }).click();
  await expect(page).toHaveURL(/\/sources\/ai-2027\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('AI 2027');
});

test('the open questions of the capture appear as editor’s notes', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('#note-b1-1')).toContainText('The capture lost its target');
  await expect(page.locator('#note-b1-continued-1')).toContainText('may be the end of B1 or a separate short comment');
  await expect(page.locator('.guide-voice', { hasText: 'Editor’s notes on the capture' })).toContainText('gives no dates');
  await page.locator('#note-b1-1').getByRole('link', { name: 'On these words in B1' }).click();
  await expectInViewportAndTargeted(page, 'note-b1-1-text');
  await expect(page.locator('#note-b1-1-text')).toHaveText('have criticized it here');
});

test('a claim mark leads to its page, on to a source, and back to the exact spot in the thread', async ({ page }) => {
  await page.goto('/');
  const mark = page.locator('#claim-a2-ablations');
  await expect(mark).toContainText('I disagree with this');
  const reference = page.locator('a.ref[data-for="claim-a2-ablations"]');
  const label = await reference.getAttribute('data-label');
  expect(label).toMatch(/^C\d+$/);
  await reference.click();

  await expect(page).toHaveURL(/\/claims\/a2-ablations\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Claim ${label}`);
  await expect(page.getByText('Made by Commenter A, in A2')).toBeVisible();
  await expect(page.locator('.guide-voice', { hasText: 'The guide’s paraphrase' })).toContainText('beyond-episode preferences');
  await expect(page.locator('.in-context mark')).toHaveText(/^I disagree with this, for Appendix M/);
  const relations = page.locator('.relation-group', { has: page.getByRole('heading', { name: 'Attacks' }) });
  await expect(relations.getByRole('link')).toContainText('try to complete each instruction');

  const sources = page.locator('section', { has: page.getByRole('heading', { name: 'Sources it cites' }) });
  await expect(sources).toContainText('Appendix M');
  await expect(sources).toContainText('Appendix B.6');
  await sources.getByRole('link', { name: 'Stress Testing Deliberative Alignment for Anti-Scheming Training' }).click();

  await expect(page).toHaveURL(/\/sources\/schoen2025\/$/);
  await expect(page.locator('.facts')).toContainText('Bronson Schoen');
  await expect(page.locator('.facts')).toContainText('2509.15541');
  await expect(page.locator('section', { has: page.getByRole('heading', { name: 'Parts cited' }) })).toContainText('Appendix M');
  await page.locator('.claim-list').getByRole('link', { name: /Ablations by A’s team/ }).click();

  await expect(page).toHaveURL(/\/claims\/a2-ablations\/$/);
  await page.getByRole('link', { name: 'Read it in the thread' }).click();
  await expectInViewportAndTargeted(page, 'claim-a2-ablations');
});

test('a quotation leads back to what it quotes, and that spot forward to the reply', async ({ page }) => {
  await page.goto('/');
  const quotation = page.locator('#quote-a2-1');
  await expect(quotation.locator('figcaption')).toHaveText('Commenter A quotes B1, Commenter B');
  await quotation.locator('figcaption a').click();

  await expectInViewportAndTargeted(page, 'quoted-a2-1');
  const spot = page.locator('#comment-b1 #quoted-a2-1');
  await expect(spot).toHaveText(/^Instead, evidence suggests that they are trying to complete each instruction/);

  const forward = page.locator('#comment-b1 a.ref[href="#quote-a2-1"]');
  await expect(forward).toHaveAccessibleName('Quoted in A2, Commenter A’s reply');
  await forward.click();
  await expectInViewportAndTargeted(page, 'quote-a2-1');
});

test('claims and sources are listed on their index pages', async ({ page }) => {
  await page.goto('/claims/');
  const claimFiles = readdirSync(new URL('../../content/claims/', import.meta.url)).filter((file) => file.endsWith('.md'));
  await expect(page.locator('.claim-ref')).toHaveCount(claimFiles.length);
  await page.goto('/sources/');
  // Found by address: two works may share a title (a paper and its authors' page on it).
  for (const [id, title] of [
    ['ai-2027', 'AI 2027'],
    ['schoen2025', 'Stress Testing Deliberative Alignment for Anti-Scheming Training'],
    ['meinke2024', 'Frontier Models are Capable of In-context Scheming']
  ]) {
    await expect(page.locator(`.source-list a[href$="/sources/${id}/"]`)).toHaveText(title!);
  }
});

test('each crux shows, for each commenter, what evidence would move them', async ({ page }) => {
  await page.goto('/cruxes/');
  const cruxFiles = readdirSync(new URL('../../content/cruxes/', import.meta.url)).filter((file) => file.endsWith('.md'));
  const sections = page.locator('section.crux');
  await expect(sections).toHaveCount(cruxFiles.length);
  for (const section of await sections.all()) {
    for (const name of ['Commenter A', 'Commenter B']) {
      await expect(section.getByRole('heading', { level: 3, name, exact: true })).toBeVisible();
      const block = section.locator('.guide-voice', { has: page.locator('.voice-label', { hasText: `What would move ${name}` }) });
      await expect(block).toHaveCount(1);
      expect(await block.locator('li').count()).toBeGreaterThan(0);
    }
  }
  await expect(page.locator('#crux-joined-contexts')).toContainText('at least some iota more pessimistic');
});

test('an unknown address gets the 404 page in the site’s style', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  await page.getByRole('link', { name: 'Read the thread' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('on a wide screen the notes sit in the margin beside their paragraph; on a narrow one they fold into the text', async ({ browser }) => {
  const wide = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await wide.goto('/#comment-b1');
  const note = wide.locator('#side-claim-b1-weak-concern');
  await expect(note).toBeVisible();
  const mark = await wide.locator('#claim-b1-weak-concern').boundingBox();
  const box = await note.boundingBox();
  const text = await wide.locator('#comment-b1 .comment-body > p').first().boundingBox();
  expect(box!.x).toBeGreaterThan(text!.x + text!.width);
  expect(Math.abs(box!.y - mark!.y)).toBeLessThan(400);
  await wide.close();

  const narrow = await browser.newPage({ viewport: { width: 360, height: 800 } });
  await narrow.goto('/#comment-b1');
  const details = narrow.locator('#comment-b1 details.sidenotes').last();
  await expect(details.locator('.sidenote').first()).toBeHidden();
  await details.locator('summary').click();
  await expect(details.locator('.sidenote').first()).toBeVisible();
  await narrow.close();
});

test('without JavaScript the notes are still there and open on demand', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await page.goto('/');
  const details = page.locator('details.sidenotes').first();
  await details.locator('summary').click();
  await expect(details.locator('.sidenote-head').first()).toBeVisible();
  await context.close();
});

test('a page lists under “Linked from” each entry whose text links to it, and each of those links back', async ({ page }) => {
  const dist = new URL('../../dist/', import.meta.url);
  const linked = readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((file) => /^(claims|sources|annotations)\/[^/]+\/index\.html$/.test(file) && readFileSync(new URL(file, dist), 'utf8').includes('class="backlinks"'))
    .map((file) => `/${file.replace(/index\.html$/, '')}`);
  // The shipped guide links claims and sources from its glossary and source notes.
  expect(linked.length).toBeGreaterThanOrEqual(3);
  for (const address of linked) {
    await page.goto(address);
    const from = await page.locator('section.backlinks li a').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
    expect(from.length, address).toBeGreaterThan(0);
    for (const href of from) {
      await page.goto(href);
      const fragment = new URL(href, page.url()).hash.slice(1);
      // A glossary term is a <dt> and its definition the <dd> after it.
      const scope = fragment ? page.locator(`[id="${fragment}"], dt[id="${fragment}"] + dd`) : page.locator('main');
      await expect(scope.locator(`a[href="${address}"]`).first(), `${href} links to ${address}`).toBeAttached();
    }
  }
});
