/**
 * Every HTML page of a build, checked by html-validate with the project's
 * configuration: each problem as `file:line:column rule: message`.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { projectRoot } from './fixtures.ts';

export async function htmlFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).map((entry) => path.join(entry.parentPath, entry.name));
}

export async function invalidHtml(outDir: string): Promise<string[]> {
  const validator = new HtmlValidate(JSON.parse(await readFile(path.join(projectRoot, '.htmlvalidate.json'), 'utf8')));
  const invalid: string[] = [];
  for (const file of await htmlFiles(outDir)) {
    const report = await validator.validateFile(file);
    for (const result of report.results) {
      for (const message of result.messages) invalid.push(`${path.relative(outDir, file)}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
    }
  }
  return invalid;
}
