/** "/" focuses the search box in the header, unless the reader is typing somewhere. */
document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target as HTMLElement;
  if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
  const box = document.querySelector<HTMLInputElement>('#site-search');
  if (!box) return;
  event.preventDefault();
  box.focus();
});
