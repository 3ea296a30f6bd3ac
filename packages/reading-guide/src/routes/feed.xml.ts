import { annotationFeed } from '../export/feed.ts';
import { exportEndpoint } from '../site/exports.ts';

export const GET = exportEndpoint('application/atom+xml', (snapshot) => annotationFeed(snapshot));
