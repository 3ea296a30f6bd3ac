import { hash } from 'node:crypto';

/** A short, stable digest of `parts`, for cache keys. */
export function digest(...parts: string[]): string {
  return hash('sha256', parts.join('\u0000'), 'base64url');
}
