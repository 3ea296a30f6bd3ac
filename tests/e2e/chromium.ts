/**
 * Finds a Chromium already on the machine: tests never download a browser.
 * CHROMIUM_PATH (or Playwright's own variable) wins; then the usual places
 * of Debian's and other distributions' packages.
 */
import { existsSync } from 'node:fs';

const candidates = [
  process.env.CHROMIUM_PATH,
  process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/lib/chromium/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable'
];

export const missingChromium =
  'No Chromium found: install it (on Debian or Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary.';

export function findChromium(): string | undefined {
  return candidates.find((candidate): candidate is string => Boolean(candidate) && existsSync(candidate!));
}
