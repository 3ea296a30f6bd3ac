import { cslItems } from '../export/csl.ts';
import { exportEndpoint } from '../site/exports.ts';

export const GET = exportEndpoint('application/vnd.citationstyles.csl+json', (snapshot) => `${JSON.stringify(cslItems(snapshot), null, 2)}\n`);
