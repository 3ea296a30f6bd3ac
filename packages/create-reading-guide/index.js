#!/usr/bin/env node
// `npm create reading-guide [folder] -- [flags]`
import { run } from './lib/main.js';

process.exitCode = await run(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
