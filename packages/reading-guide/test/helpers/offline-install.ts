/**
 * Installs packages as a user would, from `npm pack` tarballs, with no
 * network. npm can install offline only what its cache holds by a lockfile's
 * integrity (a range needs the registry's metadata, which `npm ci` never
 * caches), so the folder gets a lockfile made of the workspace's own: every
 * registry package as the workspace has it, and the workspace packages as the
 * tarballs. `npm ci` leaves out what the folder does not depend on.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './fixtures.ts';

interface LockEntry {
  link?: boolean;
  dev?: boolean;
  devOptional?: boolean;
  [field: string]: unknown;
}

/** `npm pack` of a package (its folder absolute or in the workspace) into `destination`; returns the tarball's path. */
export function pack(packageFolder: string, destination: string, { ignoreScripts = false } = {}): string {
  const args = ['pack', '--silent', '--pack-destination', destination, ...(ignoreScripts ? ['--ignore-scripts'] : [])];
  const result = spawnSync('npm', args, { cwd: path.resolve(projectRoot, packageFolder), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm pack ${packageFolder} failed:\n${result.stdout}${result.stderr}`);
  return path.join(destination, result.stdout.trim().split('\n').at(-1)!);
}

/** The files a tarball holds, as `package/<path>`. */
export function filesOf(tarball: string): string[] {
  return spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
}

/** The package.json fields of a tarball's package that a lockfile records. */
function manifestOf(tarball: string): Record<string, unknown> {
  const result = spawnSync('tar', ['-xOzf', tarball, 'package/package.json'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${tarball}: no package.json in it`);
  const manifest = JSON.parse(result.stdout) as Record<string, unknown>;
  const fields = ['name', 'version', 'license', 'dependencies', 'peerDependencies', 'engines', 'bin'];
  return Object.fromEntries(fields.filter((field) => manifest[field] !== undefined).map((field) => [field, manifest[field]]));
}

/**
 * Writes the folder's package-lock.json for its package.json, taking the
 * workspace packages named in `tarballs` from those files, and runs
 * `npm ci --offline`.
 */
export function installOffline(folder: string, tarballs: readonly string[]): { status: number | null; output: string } {
  const workspaceLock = JSON.parse(readFileSync(path.join(projectRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const site = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as Record<string, unknown>;
  const packed = new Map(
    tarballs.map((tarball) => {
      const { name, ...fields } = manifestOf(tarball);
      const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
      return [name as string, { ...fields, resolved: `file:${path.relative(folder, tarball)}`, integrity }];
    })
  );
  const packages: Record<string, unknown> = {
    '': { name: site.name, version: site.version, dependencies: site.dependencies, devDependencies: site.devDependencies }
  };
  for (const [key, entry] of Object.entries(workspaceLock.packages)) {
    // A workspace package's own nested dependencies are kept under its folder in the workspace, under node_modules/<name>/ once installed.
    const installedAt = key.replace(/^(?:packages|examples)\/([^/]+)\/node_modules\//, 'node_modules/$1/node_modules/');
    if (!installedAt.startsWith('node_modules/')) continue;
    const name = installedAt.slice(installedAt.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const fromTarball = packed.get(name);
    if (fromTarball) {
      packages[installedAt] = fromTarball;
    } else if (!entry.link) {
      const { dev: _dev, devOptional: _devOptional, ...kept } = entry;
      packages[installedAt] = kept;
    }
  }
  writeFileSync(path.join(folder, 'package-lock.json'), `${JSON.stringify({ name: site.name, lockfileVersion: 3, requires: true, packages }, null, 2)}\n`);
  return npm(folder, ['ci', '--offline', '--no-audit', '--no-fund']);
}

/** Runs npm in the folder with the project's Node first on the PATH, as a guide's own pinned Node would be. */
export function npm(folder: string, args: readonly string[]): { status: number | null; output: string } {
  const bin = path.join(folder, 'node_modules', '.bin');
  const result = spawnSync('npm', args, {
    cwd: folder,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, npm_config_offline: 'true', NODE_OPTIONS: '' }
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
