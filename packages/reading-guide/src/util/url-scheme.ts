/**
 * The scheme of a link's address, as a browser reads it: the one test of
 * whether a link could run code, shared by the importer, which drops such
 * links, and the checker, which refuses them.
 */
export const safeSchemes = new Set(['http', 'https', 'mailto']);

/** The URL scheme, as a browser would read it (ignoring case and stray whitespace). */
export function urlScheme(url: string): string | undefined {
  // Browsers drop ASCII whitespace and control characters inside a scheme, so
  // "java\tscript:" is as dangerous as "javascript:".
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
}

