// Debian Chromium driven by playwright-core, opening the code-server workbench.
import path from 'node:path';
import { chromium } from 'playwright-core';

export async function launchBrowser(profileDir, executablePath = '/usr/bin/chromium') {
  return chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    viewport: { width: 1400, height: 860 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * The workbench URL for a folder; with `devExtension` it carries the payload that makes the
 * workbench (smoke-test driver enabled) load a development extension and run its tests.
 */
export function workbenchUrl(cs, folder, devExtension) {
  let url = `${cs.url}/?folder=${encodeURIComponent(path.resolve(folder))}`;
  if (devExtension) {
    // The payload wants vscode-remote URIs whose authority is the page's host:port.
    const remote = (p) => `vscode-remote://${cs.host}:${cs.port}${path.resolve(p)}`;
    const payload = [['extensionDevelopmentPath', remote(devExtension.path)]];
    if (devExtension.testsPath) payload.push(['extensionTestsPath', remote(devExtension.testsPath)]);
    url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  }
  return url;
}

/** Waits until the workbench shows and the explorer lists at least `minFiles` rows. */
export async function waitForWorkbench(page, minFiles = 1, timeoutMs = 60_000) {
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: timeoutMs });
  await page.waitForFunction(
    (n) => document.querySelectorAll('.explorer-folders-view .monaco-list-row').length >= n,
    minFiles, { timeout: timeoutMs },
  );
}
