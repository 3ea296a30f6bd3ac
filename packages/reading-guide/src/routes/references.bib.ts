import { biblatex, cslItems } from '../export/csl.ts';
import { exportEndpoint } from '../site/exports.ts';

export const GET = exportEndpoint('application/x-bibtex', (snapshot) => biblatex(cslItems(snapshot)));
