import type { APIRoute } from 'astro';
import { annotationCollection } from '../export/web-annotation.ts';
import { exportSnapshot, respond } from '../site/exports.ts';

export const GET: APIRoute = async (context) =>
  respond(`${JSON.stringify(annotationCollection(await exportSnapshot(context)))}\n`, 'application/ld+json');
