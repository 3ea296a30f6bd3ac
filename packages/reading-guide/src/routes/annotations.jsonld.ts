import { annotationCollection } from '../export/web-annotation.ts';
import { exportEndpoint } from '../site/exports.ts';

export const GET = exportEndpoint('application/ld+json', (snapshot) => `${JSON.stringify(annotationCollection(snapshot))}\n`);
