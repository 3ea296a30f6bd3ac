import type { APIRoute } from 'astro';
import { annotationFeed } from '../export/feed.ts';
import { exportSnapshot, respond } from '../site/exports.ts';

export const GET: APIRoute = async (context) => respond(annotationFeed(await exportSnapshot(context)), 'application/atom+xml');
