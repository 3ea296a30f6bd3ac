import { argumentMap } from '../export/argument-map.ts';
import { exportEndpoint } from '../site/exports.ts';

export const GET = exportEndpoint('application/json', (snapshot) => `${JSON.stringify(argumentMap(snapshot), null, 2)}\n`);
