/**
 * Preview cards, as an enhancement: hovering, focusing by keyboard or tapping
 * a claim mark, a citation, a glossary term or an internal link shows a card
 * next to it. The cards' content comes from /previews.json, fetched on the
 * reader's first interaction, not with the page.
 *
 * - Mouse: a card opens as the pointer rests on a link or mark, and closes
 *   when it leaves both the link and the card.
 * - Keyboard: a card opens when a link gets focus; it is placed right after
 *   the link, so Tab moves into its links, which can open one more level.
 *   Escape closes the innermost card and returns focus to its link.
 * - Touch: the first tap on a link shows its card instead of following it;
 *   a second tap follows it. A tap outside closes every card.
 * - Screen readers: the link is described by its card (aria-describedby),
 *   and reports it as expanded.
 */
import { sitePath } from '../model/routes.ts';
interface Preview {
  title: string;
  html: string;
}

const root = document.documentElement;
const base = root.dataset.base ?? '/';
let previews: Promise<Record<string, Preview>> | undefined;
const load = () => (previews ??= fetch(`${base}previews.json`).then((response) => response.json() as Promise<Record<string, Preview>>));

interface Open {
  trigger: Element;
  card: HTMLElement;
  key: string;
}
const stack: Open[] = [];
let counter = 0;
let closing: ReturnType<typeof setTimeout> | undefined;
let opening: ReturnType<typeof setTimeout> | undefined;
/** A link given focus back by Escape, which must not open its card again. */
let refocused: Element | undefined;

/** The preview key of a link or mark: its site path without the base, or undefined. */
function keyOf(target: Element): string | undefined {
  if (target.matches('mark.mark--claim')) return sitePath.claim((target as HTMLElement).dataset.mark!.slice('claim-'.length));
  const href = target.getAttribute('href');
  if (!href || target.closest('svg, .site-header, .site-footer')) return undefined;
  const url = new URL(href, location.href);
  if (url.origin !== location.origin || !url.pathname.startsWith(base)) return undefined;
  return `/${url.pathname.slice(base.length)}${url.hash}`;
}

/** The link (or, outside any link, the claim mark) an event happened on, if it has a preview. */
function triggerOf(node: EventTarget | null): Element | undefined {
  if (!(node instanceof Element)) return undefined;
  const link = node.closest('a[href]');
  const element = link ?? node.closest('mark.mark--claim');
  return element && keyOf(element) ? element : undefined;
}

const depthOf = (element: Element) => stack.findIndex((open) => open.card.contains(element)) + 1;

function closeFrom(depth: number, refocus = false): void {
  while (stack.length > depth) {
    const { trigger, card } = stack.pop()!;
    if (refocus && card.contains(document.activeElement) && trigger instanceof HTMLElement) {
      refocused = trigger;
      trigger.focus();
    }
    card.remove();
    trigger.removeAttribute('aria-expanded');
    trigger.removeAttribute('aria-describedby');
  }
}

async function open(trigger: Element): Promise<void> {
  const depth = depthOf(trigger);
  if (stack[depth]?.trigger === trigger) return;
  const key = keyOf(trigger)!;
  // Two levels at most: a card, and a card opened from a link inside it,
  // unless that link leads where the card is about (its "Open" link).
  if (depth > 1 || (depth === 1 && stack[0]!.key === key)) return;
  const preview = (await load())[key];
  closeFrom(depth);
  if (!preview || !trigger.isConnected) return;
  const card = document.createElement('div');
  card.className = 'preview';
  card.id = `preview-${++counter}`;
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-label', preview.title);
  // The card's HTML is built by the guide from its own data (src/export/previews.ts).
  card.innerHTML = preview.html;
  trigger.after(card);
  trigger.setAttribute('aria-expanded', 'true');
  trigger.setAttribute('aria-describedby', card.id);
  stack.push({ trigger, card, key });
  place(trigger, card);
}

/** Below the link, or above it when there is no room; always inside the window. */
function place(trigger: Element, card: HTMLElement): void {
  const anchor = trigger.getBoundingClientRect();
  const frame = (card.offsetParent ?? document.body).getBoundingClientRect();
  const width = card.offsetWidth;
  const left = Math.max(8, Math.min(anchor.left, innerWidth - width - 8));
  const below = anchor.bottom + 6;
  const top = below + card.offsetHeight > innerHeight && anchor.top > card.offsetHeight + 12 ? anchor.top - card.offsetHeight - 6 : below;
  card.style.left = `${left - frame.left}px`;
  card.style.top = `${top - frame.top}px`;
}

const inside = (node: EventTarget | null) => node instanceof Node && stack.some(({ trigger, card }) => trigger.contains(node) || card.contains(node));

document.addEventListener('pointerover', (event) => {
  void load();
  if (event.pointerType === 'touch') return;
  const trigger = triggerOf(event.target);
  if (trigger || inside(event.target)) clearTimeout(closing);
  if (trigger) {
    clearTimeout(opening);
    opening = setTimeout(() => void open(trigger), 40);
  }
});

document.addEventListener('pointerout', (event) => {
  if (event.pointerType === 'touch' || inside(event.relatedTarget)) return;
  clearTimeout(opening);
  if (stack.length > 0) closing = setTimeout(() => closeFrom(0), 250);
});

document.addEventListener('focusin', (event) => {
  void load();
  const trigger = triggerOf(event.target);
  const back = trigger === refocused;
  refocused = undefined;
  if (trigger?.matches(':focus-visible') && !back) void open(trigger);
  else if (!inside(event.target)) closeFrom(0);
});

document.addEventListener('click', (event) => {
  const trigger = triggerOf(event.target);
  const touch = (event as PointerEvent).pointerType === 'touch';
  if (trigger?.matches('mark') || (touch && trigger && stack.at(-1)?.trigger !== trigger)) {
    // A tap shows the card first; a second tap on a link follows it.
    event.preventDefault();
    void open(trigger!);
  } else if (!inside(event.target)) {
    closeFrom(0);
  }
});

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && stack.length > 0) closeFrom(stack.length - 1, true);
});
