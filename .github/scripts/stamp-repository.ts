/**
 * Before the release workflow publishes: npm accepts a package with provenance
 * only when its package.json `repository` names the repository the workflow
 * runs in. The packages do not spell that address (a fork or a renamed
 * repository would publish under a wrong one), so it is written here from
 * GitHub's own variables, into each published package that has none.
 *
 * node .github/scripts/stamp-repository.ts [workspace root]
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(process.argv[2] ?? '.');
const server = process.env.GITHUB_SERVER_URL;
const repository = process.env.GITHUB_REPOSITORY;

let failed = false;
for (const folder of readdirSync(path.join(root, 'packages')).sort()) {
  const file = path.join(root, 'packages', folder, 'package.json');
  // A folder without a manifest is no package; a manifest that does not parse stops the release with its error.
  if (!existsSync(file)) continue;
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { private?: boolean; repository?: unknown };
  if (manifest.private || manifest.repository) continue;
  if (!server || !repository) {
    console.error(`packages/${folder}/package.json has no "repository", and GITHUB_SERVER_URL and GITHUB_REPOSITORY do not say which to write.`);
    failed = true;
    continue;
  }
  manifest.repository = { type: 'git', url: `git+${server}/${repository}.git`, directory: `packages/${folder}` };
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`packages/${folder}: repository ${server}/${repository}`);
}
process.exit(failed ? 1 : 0);
