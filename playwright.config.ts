import { defineConfig } from '@playwright/test';
import { findChromium, missingChromium } from './tests/e2e/chromium.ts';

const executablePath = findChromium();
if (!executablePath) {
  console.error(missingChromium);
  process.exit(1);
}

const port = Number(process.env.PREVIEW_PORT ?? 4329);

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './packages/reading-guide/test/helpers/temporary-folder.ts',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? 'list' : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath,
      // A closed network: keep Chromium from calling home at every start.
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu']
    }
  },
  webServer: {
    // Serves the build that `npm run build` made, as GitHub Pages would.
    command: `node packages/reading-guide/test/helpers/github-pages-server.ts dist ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000
  }
});
