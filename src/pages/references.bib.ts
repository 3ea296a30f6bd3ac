import type { APIRoute } from 'astro';
import { biblatex, cslItems } from '../export/csl.ts';
import { exportSnapshot, respond } from '../site/exports.ts';

export const GET: APIRoute = async (context) => respond(biblatex(cslItems(await exportSnapshot(context))), 'application/x-bibtex');
