#!/usr/bin/env node
// The `reading-guide` command. In a checkout of the package's own repository
// it runs the TypeScript sources, which Node runs as they are; installed under
// node_modules, where Node strips no types, it runs their build in dist/.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const installed = realpathSync(fileURLToPath(import.meta.url)).split(/[\\/]/).includes('node_modules');
await import(installed ? '../dist/cli/reading-guide.js' : '../src/cli/reading-guide.ts');
