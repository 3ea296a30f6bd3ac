import type { APIRoute } from 'astro';
import { argdown, argumentMap } from '../export/argument-map.ts';
import { exportSnapshot, respond } from '../site/exports.ts';

export const GET: APIRoute = async (context) => respond(argdown(argumentMap(await exportSnapshot(context))), 'text/plain');
