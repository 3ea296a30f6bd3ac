import type { APIRoute } from 'astro';
import { argumentMap } from '../export/argument-map.ts';
import { exportSnapshot, respond } from '../site/exports.ts';

export const GET: APIRoute = async (context) =>
  respond(`${JSON.stringify(argumentMap(await exportSnapshot(context)), null, 2)}\n`, 'application/json');
