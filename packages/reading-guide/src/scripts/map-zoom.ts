/**
 * Zoom and pan for an argument map, as an enhancement: without this script
 * the map is a static SVG in a scrollable box. With it, buttons zoom in and
 * out, dragging pans, and Ctrl (or ⌘) with the wheel zooms at the pointer.
 * The keys + and − and 0 work while the map has focus. The buttons' words,
 * in the guide's language, are in the viewport's `data-words`.
 */
export function enableZoom(viewport: HTMLElement): void {
  const svg = viewport.querySelector('svg');
  if (!svg) return;
  const words = JSON.parse(viewport.dataset.words!) as Record<'zoomIn' | 'zoomOut' | 'reset' | 'resetButton' | 'viewport', string>;
  const full = svg.viewBox.baseVal;
  const home = { x: full.x, y: full.y, width: full.width, height: full.height };
  let view = { ...home };
  const apply = () => svg.setAttribute('viewBox', `${view.x} ${view.y} ${view.width} ${view.height}`);
  // Fit the map to its box, so that zooming starts from the whole map in view.
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  svg.classList.add('zoomable');

  const zoom = (factor: number, cx = view.x + view.width / 2, cy = view.y + view.height / 2) => {
    const width = Math.min(home.width * 2, Math.max(home.width / 8, view.width / factor));
    const scale = width / view.width;
    view = { x: cx - (cx - view.x) * scale, y: cy - (cy - view.y) * scale, width, height: view.height * scale };
    apply();
  };
  const reset = () => {
    view = { ...home };
    apply();
  };

  const toolbar = document.createElement('div');
  toolbar.className = 'map-toolbar';
  for (const [label, text, action] of [
    [words.zoomIn, '+', () => zoom(1.4)],
    [words.zoomOut, '−', () => zoom(1 / 1.4)],
    [words.reset, words.resetButton, reset]
  ] as const) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = text;
    button.setAttribute('aria-label', label);
    button.addEventListener('click', action);
    toolbar.append(button);
  }
  viewport.before(toolbar);
  viewport.tabIndex = 0;
  viewport.setAttribute('aria-label', words.viewport);

  const toMap = (event: { clientX: number; clientY: number }) => {
    const box = svg.getBoundingClientRect();
    return { x: view.x + ((event.clientX - box.left) / box.width) * view.width, y: view.y + ((event.clientY - box.top) / box.height) * view.height };
  };
  viewport.addEventListener(
    'wheel',
    (event) => {
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      const at = toMap(event);
      zoom(event.deltaY < 0 ? 1.15 : 1 / 1.15, at.x, at.y);
    },
    { passive: false }
  );
  let drag: { x: number; y: number } | undefined;
  viewport.addEventListener('pointerdown', (event) => {
    if ((event.target as Element).closest('a') || event.button !== 0) return;
    drag = { x: event.clientX, y: event.clientY };
    viewport.setPointerCapture(event.pointerId);
  });
  viewport.addEventListener('pointermove', (event) => {
    if (!drag) return;
    const box = svg.getBoundingClientRect();
    view.x -= ((event.clientX - drag.x) / box.width) * view.width;
    view.y -= ((event.clientY - drag.y) / box.height) * view.height;
    drag = { x: event.clientX, y: event.clientY };
    apply();
  });
  viewport.addEventListener('pointerup', () => (drag = undefined));
  viewport.addEventListener('keydown', (event) => {
    if (event.target !== viewport) return;
    if (event.key === '+' || event.key === '=') zoom(1.4);
    else if (event.key === '-' || event.key === '−') zoom(1 / 1.4);
    else if (event.key === '0') reset();
    else return;
    event.preventDefault();
  });
}
