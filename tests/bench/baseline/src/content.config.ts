/**
 * One glob-loaded collection per folder of the guide's content, validated by
 * nothing more than Astro's own front-matter parsing.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const root = process.env.GUIDE_CONTENT;
if (!root) throw new Error('GUIDE_CONTENT must name the content folder to build.');

const folder = (name: string) => defineCollection({ loader: glob({ pattern: '*.md', base: `${root}/${name}` }) });

export const collections = {
  thread: folder('thread'),
  claims: folder('claims'),
  annotations: folder('annotations'),
  sources: folder('sources'),
  glossary: folder('glossary'),
  cruxes: folder('cruxes')
};
