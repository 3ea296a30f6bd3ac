import type { APIRoute } from 'astro';
import { cslItems } from '../export/csl.ts';
import { exportSnapshot, respond } from '../site/exports.ts';

export const GET: APIRoute = async (context) =>
  respond(`${JSON.stringify(cslItems(await exportSnapshot(context)), null, 2)}\n`, 'application/vnd.citationstyles.csl+json');
