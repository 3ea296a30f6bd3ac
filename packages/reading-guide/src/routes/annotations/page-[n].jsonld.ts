/**
 * `/annotations/page-<n>.jsonld`: each Annotation Page of `/annotations.jsonld`
 * as a document of its own, as the W3C Web Annotation model has them. (An
 * annotation's id has no dot, so no page of `[id].astro` is ever at this address.)
 */
import { annotationPage } from '../../export/web-annotation.ts';
import { loadGuide } from '../../site/guide.ts';
import { exportEndpoint } from '../../site/exports.ts';
import { routeValues } from '../../site/addresses.ts';

export async function getStaticPaths() {
  return routeValues('annotations/page-[n].jsonld.ts', (await loadGuide()).routeData).map((n) => ({ params: { n } }));
}

export const GET = exportEndpoint('application/ld+json', (snapshot, _guide, { n }) => `${JSON.stringify(annotationPage(snapshot, Number(n)))}\n`);
