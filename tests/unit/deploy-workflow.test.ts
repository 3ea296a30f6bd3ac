/**
 * The deploy workflow, read as GitHub Actions would: it must build with the
 * Pages address and base path, on the project's own Node, and deploy with
 * GitHub's official Pages actions, one deployment at a time.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectRoot } from '../helpers/fixtures.ts';

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}

const workflow = parse(await readFile(path.join(projectRoot, '.github/workflows/deploy.yml'), 'utf8')) as {
  on: { push: { branches: string[] } };
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, { steps: Step[]; needs?: string; environment?: { name: string } }>;
};
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const action = (name: string) => steps.find((step) => step.uses?.startsWith(`actions/${name}@`));

describe('the deploy workflow', () => {
  it('runs on pushes to main, one deployment at a time', () => {
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(workflow.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
    expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
  });

  it('uses the Node version of .nvmrc with the npm cache', () => {
    expect(action('setup-node')?.with).toEqual({ 'node-version-file': '.nvmrc', cache: 'npm' });
  });

  it('builds with the address and base path of the Pages configuration', () => {
    const pages = action('configure-pages')!;
    const build = steps.find((step) => step.run === 'npm run build')!;
    expect(build.env).toEqual({
      SITE_URL: `\${{ steps.${pages.id}.outputs.origin }}`,
      BASE_PATH: `\${{ steps.${pages.id}.outputs.base_path }}`
    });
    expect(steps.findIndex((step) => step.run === 'npm ci')).toBeLessThan(steps.indexOf(build));
  });

  it('uploads dist/ and deploys it with the official actions', () => {
    expect(action('upload-pages-artifact')?.with).toEqual({ path: 'dist' });
    expect(action('deploy-pages')).toBeDefined();
    expect(workflow.jobs.deploy).toMatchObject({ needs: 'build', environment: { name: 'github-pages' } });
  });
});
