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
import { annotationKinds } from '../../packages/reading-guide/src/model/schema.ts';
import { projectRoot } from '../../packages/reading-guide/test/helpers/fixtures.ts';

interface Step {
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string | number>;
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

  it('installs with the project’s Node, then runs the content check, as workflow commands, before the whole test suite', () => {
    expect(checkSteps.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with).toEqual({ 'node-version-file': '.nvmrc', cache: 'npm' });
    expect(index('npm ci')).toBeGreaterThanOrEqual(0);
    expect(index('npm ci')).toBeLessThan(index('npm run check -- --format github'));
    expect(index('npm run check -- --format github')).toBeLessThan(index('npm test'));
  });

  it('uploads the site the tests built, and summarises the pull request with a link to it, even when a step before failed', () => {
    const upload = checkSteps.find((step) => step.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.with).toMatchObject({ path: 'dist' });
    expect(checkSteps.indexOf(upload)).toBeGreaterThan(index('npm test'));
    expect(upload.if).toMatch(/!cancelled\(\)/);
    const summary = checkSteps.find((step) => step.run?.includes('reading-guide summary'))!;
    expect(summary.run).toMatch(/>> "\$GITHUB_STEP_SUMMARY"$/);
    expect(summary.run).toContain('--base HEAD^1');
    expect(Object.values(summary.env ?? {})).toContain(`\${{ steps.${upload.id}.outputs.artifact-url }}`);
    expect(summary.if).toMatch(/!cancelled\(\)/);
    expect(checkSteps.indexOf(summary)).toBeGreaterThan(checkSteps.indexOf(upload));
    // The merge commit of a pull request and its first parent, the base.
    expect(checkSteps.find((step) => step.uses?.startsWith('actions/checkout@'))?.with).toMatchObject({ 'fetch-depth': 2 });
  });
});

/**
 * What a step on GitHub's `ubuntu-latest` runners may rely on, as the runner
 * image documents it (actions/runner-images: images/ubuntu/Ubuntu2404-Readme.md,
 * "Browsers and Drivers", and scripts/build/install-google-chrome.sh, which
 * installs Google Chrome at /usr/bin/google-chrome and sets CHROME_BIN to it).
 * Node and npm come from actions/setup-node; nothing is installed at run time.
 */
const runnerImage = {
  chrome: '/usr/bin/google-chrome',
  programs: new Set(['npm', 'npx', 'node', 'git', 'bash', 'sudo', 'jq', 'google-chrome', 'echo', 'test', 'cat', 'mkdir', 'cp', 'rm']),
  paths: new Set(['/usr/bin/google-chrome'])
};

/** Each command a `run` script starts, by its program (a crude shell reading, enough for the project's own steps). */
function programsRunBy(script: string): string[] {
  const programs: string[] = [];
  for (const line of script.split('\n')) {
    for (const command of line.replace(/#.*$/, '').split(/&&|\|\||;|\|/)) {
      const words = command.trim().split(/\s+/).filter((word) => !/^[A-Z_][A-Z0-9_]*=/.test(word));
      const [first] = words;
      if (first && !['if', 'then', 'else', 'fi', '!', '[', 'export', 'set', 'cd'].includes(first)) programs.push(first);
    }
  }
  return programs;
}

interface Workflow {
  env?: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; env?: Record<string, string>; steps: Step[] }>;
}

// This repository's workflows, and those a guide made by `npm create reading-guide` starts with.
const guideTemplate = 'packages/create-reading-guide/template/';
const workflows = await Promise.all(
  ['check.yml', 'deploy.yml', 'release.yml', `${guideTemplate}check.yml`, `${guideTemplate}deploy.yml`].map(async (file) => ({
    file,
    workflow: parse(await read(file.startsWith(guideTemplate) ? file.replace(guideTemplate, `${guideTemplate}.github/workflows/`) : `.github/workflows/${file}`)) as Workflow
  }))
);

describe('the workflows on GitHub’s runners', () => {
  const onUbuntu = workflows.flatMap(({ file, workflow }) =>
    Object.entries(workflow.jobs)
      .filter(([, job]) => /^ubuntu-/.test(job['runs-on']))
      .map(([name, job]) => ({ where: `${file}: ${name}`, workflow, job }))
  );

  it('run every job on a GitHub-hosted Ubuntu runner', () => {
    expect(onUbuntu.length).toBe(workflows.reduce((count, { workflow }) => count + Object.keys(workflow.jobs).length, 0));
  });

  it.each(onUbuntu)('$where relies on nothing the runner image lacks', ({ workflow, job }) => {
    const environments = [workflow.env, job.env, ...job.steps.map((step) => step.env)].flatMap((env) => Object.entries(env ?? {}));
    const scripts = job.steps.flatMap((step) => step.run ?? []);
    for (const script of scripts) {
      // Installed at run time is not in the image: Ubuntu's chromium, for one, is a snap that does not start there.
      expect(script).not.toMatch(/\b(?:apt-get|apt|snap|dpkg)\s+(?:-\S+\s+)*install\b/);
      for (const program of programsRunBy(script)) expect(runnerImage.programs, `${program} in: ${script}`).toContain(program);
    }
    for (const text of [...scripts, ...environments.map(([, value]) => String(value))]) {
      for (const [absolute] of text.matchAll(/(?<![\w$.])\/(?:usr|opt|snap|bin|lib)\/[\w./-]+/g)) expect(runnerImage.paths, absolute).toContain(absolute);
    }
    for (const [name, value] of environments) if (name === 'CHROMIUM_PATH') expect(value).toBe(runnerImage.chrome);
  });

  it('give the browser tests the runner image’s Chrome', () => {
    const check = workflows.find(({ file }) => file === 'check.yml')!.workflow;
    expect(Object.values(check.jobs).map((job) => job.env?.CHROMIUM_PATH)).toEqual([runnerImage.chrome]);
  });

  it('use the official actions at their current major versions', () => {
    // The current majors, from each action's releases (checked 2026-12-02).
    const current: Record<string, number> = { checkout: 6, 'setup-node': 6, 'upload-artifact': 7, 'configure-pages': 6, 'upload-pages-artifact': 5, 'deploy-pages': 5 };
    // Besides GitHub's own, the release workflow uses the Changesets action, as Astro's does.
    const others = new Set(['changesets/action@v1']);
    const used = workflows.flatMap(({ workflow }) => Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((step) => step.uses ?? [])));
    expect(used.length).toBeGreaterThanOrEqual(18);
    for (const uses of used.filter((uses) => !others.has(uses))) {
      const [, name, major] = /^actions\/([\w-]+)@v(\d+)$/.exec(uses) ?? [];
      expect(name && current[name], uses).toBe(Number(major));
    }
  });

  it('leave machines other than GitHub’s to .ci/run, which installs Debian’s chromium where there is none', async () => {
    const script = await read('.ci/run');
    expect(script).toMatch(/if \[ -z "\$\{CHROMIUM_PATH:-\}" \] && ! command -v chromium/);
    expect(script).toMatch(/apt-get install [^\n]*chromium\n/);
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
