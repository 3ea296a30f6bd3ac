import { withBase } from '../render/rehype-base-links.ts';

/** A site path (`/claims/x/`) as a URL under the configured base path. */
export function url(path: string): string {
  return withBase(import.meta.env.BASE_URL, path);
}
