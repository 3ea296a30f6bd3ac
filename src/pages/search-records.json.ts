/**
 * The records the search index is built from. Written with the site, read by
 * the search-index integration after the build, which indexes and removes it.
 */
import type { APIRoute } from 'astro';
import { searchRecords } from '../export/search-records.ts';
import { exportSnapshot, respond } from '../site/exports.ts';

export const GET: APIRoute = async (context) => respond(JSON.stringify(searchRecords(await exportSnapshot(context))), 'application/json');
