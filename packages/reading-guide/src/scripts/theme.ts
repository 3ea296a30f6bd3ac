/**
 * The theme button: the system's choice, light, or dark, in turn. The choice
 * is remembered; an inline script in the page's head applies it before the
 * first paint. Without JavaScript the theme follows the system. The
 * button's words in each state, in the guide's language, are in its
 * `data-words`.
 */
const button = document.querySelector<HTMLButtonElement>('#theme-toggle');
const themes = ['system', 'light', 'dark'] as const;
type Theme = (typeof themes)[number];
const words = JSON.parse(button?.dataset.words ?? '{}') as Record<Theme, { text: string; label: string }>;

function current(): Theme {
  const theme = document.documentElement.dataset.theme;
  return theme === 'light' || theme === 'dark' ? theme : 'system';
}

function show(theme: Theme): void {
  button!.textContent = words[theme].text;
  button!.setAttribute('aria-label', words[theme].label);
}

if (button) {
  button.hidden = false;
  show(current());
  button.addEventListener('click', () => {
    const next = themes[(themes.indexOf(current()) + 1) % themes.length]!;
    if (next === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = next;
    try {
      if (next === 'system') localStorage.removeItem('theme');
      else localStorage.setItem('theme', next);
    } catch {
      // Storage may be off; the choice then lasts for this page only.
    }
    show(next);
  });
}
