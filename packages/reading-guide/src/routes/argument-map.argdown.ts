import { argdown, argumentMap } from '../export/argument-map.ts';
import { exportEndpoint } from '../site/exports.ts';

export const GET = exportEndpoint('text/plain', (snapshot) => argdown(argumentMap(snapshot)));
