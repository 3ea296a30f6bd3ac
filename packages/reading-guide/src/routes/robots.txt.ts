/** robots.txt: everything may be crawled; the sitemap says what there is. */
import type { APIRoute } from 'astro';
import { url } from '../site/url.ts';

export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL(url('/sitemap-index.xml'), site);
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap.href}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' }
  });
};
