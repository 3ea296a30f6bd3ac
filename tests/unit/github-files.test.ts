/**
 * The files GitHub reads, read as GitHub would. The deploy workflow must build
 * with the Pages address and base path, on the project's own Node, and deploy
 * with GitHub's official Pages actions, one deployment at a time; the check
 * workflow must gate every pull request on the content check and the tests;
 * the templates must ask for what the checker and reviewers need.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { annotationKinds } from '../../src/load/schema.ts';
import { projectRoot } from '../helpers/fixtures.ts';

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}

const read = (file: string) => readFile(path.join(projectRoot, file), 'utf8');

const workflow = parse(await read('.github/workflows/deploy.yml')) as {
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

const check = parse(await read('.github/workflows/check.yml')) as {
  on: { pull_request: unknown; push: { branches: string[] } };
  jobs: Record<string, { steps: Step[] }>;
};

describe('the check workflow', () => {
  const checkSteps = Object.values(check.jobs).flatMap((job) => job.steps);
  const index = (run: string) => checkSteps.findIndex((step) => step.run === run);

  it('runs on every pull request, and on main', () => {
    expect(check.on).toHaveProperty('pull_request');
    expect(check.on.push.branches).toEqual(['main']);
  });

  it('installs with the project’s Node, then runs the content check before the whole test suite', () => {
    expect(checkSteps.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with).toEqual({ 'node-version-file': '.nvmrc', cache: 'npm' });
    expect(index('npm ci')).toBeGreaterThanOrEqual(0);
    expect(index('npm ci')).toBeLessThan(index('npm run check'));
    expect(index('npm run check')).toBeLessThan(index('npm test'));
  });
});

describe('the contribution templates', () => {
  it('give pull requests a checklist that starts with the content check', async () => {
    const items = [...(await read('.github/pull_request_template.md')).matchAll(/^- \[ \] (.+)$/gm)].map((match) => match[1]!);
    expect(items.length).toBeGreaterThanOrEqual(4);
    expect(items[0]).toContain('`npm run check`');
    expect(items.join('\n')).toMatch(/checked/);
  });

  it('propose an annotation with the claim, one of the kinds the checker accepts, the text and its sources, all required', async () => {
    const form = parse(await read('.github/ISSUE_TEMPLATE/propose-an-annotation.yml')) as {
      name: string;
      description: string;
      body: { type: string; id?: string; attributes: { options?: string[] }; validations?: { required: boolean } }[];
    };
    expect(form.name).toBeTruthy();
    expect(form.description).toBeTruthy();
    const fields = form.body.filter((field) => field.type !== 'markdown');
    expect(fields.map((field) => field.id)).toEqual(['claim', 'kind', 'annotation', 'sources']);
    for (const field of fields) expect(field.validations?.required, field.id).toBe(true);
    expect(fields.find((field) => field.id === 'kind')?.attributes.options).toEqual([...annotationKinds]);
  });
});
