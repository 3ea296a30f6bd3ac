import { previews } from '../export/previews.ts';
import { exportEndpoint } from '../site/exports.ts';

export const GET = exportEndpoint('application/json', (snapshot, guide) => {
  // The guide's own pages preview with their title and description.
  const pages = Object.fromEntries(
    guide.entries('pages').map((page) => [page.id === 'introduction' ? '/' : `/${page.id}/`, { title: page.data.title, description: page.data.description }])
  );
  return JSON.stringify(previews(snapshot, import.meta.env.BASE_URL, pages));
});
