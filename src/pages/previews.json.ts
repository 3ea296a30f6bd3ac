import type { APIRoute } from 'astro';
import { previews } from '../export/previews.ts';
import { exportSnapshot, respond } from '../site/exports.ts';
import { loadGuide } from '../site/guide.ts';

export const GET: APIRoute = async (context) => {
  const guide = await loadGuide();
  // The guide's own pages preview with their title and description.
  const pages = Object.fromEntries(
    guide.entries('pages').map((page) => [page.id === 'introduction' ? '/' : `/${page.id}/`, { title: page.data.title, description: page.data.description }])
  );
  return respond(JSON.stringify(previews(await exportSnapshot(context), import.meta.env.BASE_URL, pages)), 'application/json');
};
