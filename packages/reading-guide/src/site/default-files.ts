/**
 * The files every guide's site needs at its root, given by the guide when the
 * site's own `public/` folder has none: the icon, and `.nojekyll`, without
 * which GitHub Pages would hide the folders that start with `_` (Astro's
 * `_astro/`). A file of the site's own is always the one published.
 *
 * The social preview image is the guide's own picture, so there is no default:
 * without `public/social-card.png` the pages name no image and link previews
 * show a summary card of the title and description.
 */
import { existsSync } from 'node:fs';
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const defaultsFolder = fileURLToPath(new URL('../../public/', import.meta.url));
export const defaultFiles = ['favicon.svg', '.nojekyll'] as const;
const socialCardFile = 'social-card.png';

/** The site paths of the files the pages name that the site's `public/` folder holds: its preview image, if any. */
export function siteFiles(publicDir: string): { socialCard?: string } {
  return existsSync(path.join(publicDir, socialCardFile)) ? { socialCard: `/${socialCardFile}` } : {};
}

export function defaultSiteFiles(): AstroIntegration {
  let publicDir = '';
  let base = '/';
  /** Whether the guide gives `file`: the site's public/ folder has none of its own. */
  const given = (file: string) => !existsSync(path.join(publicDir, file));
  return {
    name: 'reading-guide:default-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        publicDir = fileURLToPath(config.publicDir);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const file = defaultFiles.find((name) => request.url?.split('?')[0] === `${base}${name}`);
          if (!file || !given(file)) return next();
          readFile(path.join(defaultsFolder, file)).then(
            (body) => {
              response.setHeader('Content-Type', file.endsWith('.svg') ? 'image/svg+xml' : 'text/plain');
              response.end(body);
            },
            (error: unknown) => next(error)
          );
        });
      },
      'astro:build:done': async ({ dir }) => {
        const outDir = fileURLToPath(dir);
        for (const file of defaultFiles.filter(given)) await copyFile(path.join(defaultsFolder, file), path.join(outDir, file));
      }
    }
  };
}
