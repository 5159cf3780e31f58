// UI test in a real VS Code (code-server 4.139.1 + Debian Chromium via playwright-core):
// the packaged VSIX is installed, a workspace of the sample articles is opened, a seed is
// opened with Quick Open, an Arabic name is hovered and the hover widget read, and the
// colours the editor draws for a name and for a plain word are compared. Screenshots go to
// test-results/ and the hover one also to docs/screenshot-hover.png (the README's picture).
//
// Standalone: node test/vscode/ui.test.mjs [path/to/extension.vsix]   (else run via run-tests.mjs)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchBrowser, waitForWorkbench, workbenchUrl } from '../../scripts/vscode/browser.mjs';
import { installVsix, makeScratch, startCodeServer } from '../../scripts/vscode/codeserver.mjs';
import { makeWorkspace } from './suite-codeserver.mjs';
import { centreOf, quickPickRow, until, visibleHoverText } from './ui-helpers.mjs';
import { quickOpenFile, runXrefUiChecks } from './ui-xref.mjs';

const SEED = '000_58d295c9c3b3cd36.txt';
const NAME = 'شمخاني'; // a person in the seed's 5th line, visible without scrolling
const PLAIN = 'اجتماع'; // a plain word on the same screen

/** Text and computed colour of the innermost editor span containing `word` (active editor). */
function spanOf(page, word) {
  return page.evaluate((w) => {
    for (const s of document.querySelectorAll('.editor-instance .view-lines .view-line span span')) {
      const text = (s.textContent ?? '').replace(/\u00a0/g, ' '); // the editor draws spaces as NBSP
      if (text.includes(w)) return { text, color: getComputedStyle(s).color, className: s.className };
    }
    return null;
  }, word);
}

/**
 * One example text per token type in the seed, taken from the built CLI's own analysis (so the
 * test follows the analyser): a name of each entity type, and a piece of a quotation.
 */
function examplesOf(repo, seedFile) {
  const r = spawnSync(process.execPath, [path.join(repo, 'out', 'cli.js'), 'analyze', seedFile, '--format', 'jsonl'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cli analyze failed: ${r.stderr}`);
  const article = JSON.parse(r.stdout.trim().split('\n')[0]);
  const byType = { PER: 'person', LOC: 'place', ORG: 'organization' };
  const examples = { person: [], place: [], organization: [], quote: [] };
  for (const m of article.mentions) if (byType[m.type]) examples[byType[m.type]].push(m.text);
  for (const q of article.quotes) examples.quote.push(q.text);
  return examples;
}

/**
 * Colour of each token type as drawn: for names, a span whose whole text is a mention of that
 * type; for quotations, a span of 10+ characters inside a quotation that is no name.
 */
function typeColours(page, examples) {
  return page.evaluate((ex) => {
    const spans = [...document.querySelectorAll('.editor-instance .view-lines .view-line span span')]
      .map((x) => ({ el: x, text: (x.textContent ?? '').replace(/\u00a0/g, ' ').trim() })); // spaces are drawn as NBSP
    const names = new Set([...ex.person, ...ex.place, ...ex.organization]);
    const colours = {};
    for (const type of ['person', 'place', 'organization']) {
      const s = spans.find((x) => ex[type].includes(x.text));
      if (s) colours[type] = getComputedStyle(s.el).color;
    }
    const q = spans.find((x) => x.text.length >= 10 && !names.has(x.text) && ex.quote.some((quote) => quote.includes(x.text)));
    if (q) colours.quote = getComputedStyle(q.el).color;
    return colours;
  }, examples);
}

/** Switches the colour theme the way a person does: F1, Preferences: Color Theme, pick. */
async function pickColorTheme(page, theme) {
  await page.locator('.editor-instance .monaco-editor textarea').first().focus();
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill('>Preferences: Color Theme');
  await quickPickRow(page, 'Preferences: Color Theme').click({ timeout: 10_000 });
  await input.fill(theme);
  await quickPickRow(page, theme).click({ timeout: 10_000 });
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

export async function runUiTest({ setupPaths, repo, vsix, resultsDir, docsDir, updateDocs = false, log = console.log }) {
  const results = [];
  /** Saves a screenshot to test-results/, and to docs/ (the README's pictures) when missing there or asked to. */
  const shoot = async (name, docsName) => {
    const file = path.join(resultsDir, name);
    await page.screenshot({ path: file });
    if (docsDir && docsName && (updateDocs || !fs.existsSync(path.join(docsDir, docsName)))) {
      fs.mkdirSync(docsDir, { recursive: true });
      fs.copyFileSync(file, path.join(docsDir, docsName));
    }
    return file;
  };
  const check = async (name, fn) => {
    const t0 = Date.now();
    try {
      const detail = await fn();
      results.push({ name: `ui: ${name}`, ok: true, detail });
      log(`  ok - ui: ${name} (${Date.now() - t0} ms)${detail ? ` — ${detail}` : ''}`);
      return true;
    } catch (error) {
      results.push({ name: `ui: ${name}`, ok: false, detail: error.stack ?? String(error) });
      log(`  not ok - ui: ${name}\n${error.stack ?? error}`);
      // What the screen showed when it failed, one file per failed check.
      const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
      await page?.screenshot({ path: path.join(resultsDir, `ui-failed-${slug}.png`) }).catch(() => undefined);
      return false;
    }
  };
  const scratch = makeScratch('news-annotator-ui-');
  fs.mkdirSync(resultsDir, { recursive: true });
  let cs;
  let browser;
  let page;
  try {
    const ready = await check('VSIX installs into code-server', () => {
      installVsix(setupPaths, scratch, vsix);
      return path.basename(vsix);
    });
    if (!ready) return results;
    const ws = makeWorkspace(repo, scratch.root);
    cs = await startCodeServer(setupPaths, { scratch });
    browser = await launchBrowser(path.join(scratch.root, 'browser'), setupPaths.chromium);
    page = browser.pages()[0] ?? (await browser.newPage());
    const started = Date.now();
    await page.goto(workbenchUrl(cs, ws));

    const opened = await check('Quick Open shows the seed article', async () => {
      await waitForWorkbench(page, 5);
      await page.locator('.monaco-workbench').click({ position: { x: 5, y: 300 } }).catch(() => undefined);
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor({ state: 'visible', timeout: 15_000 });
      await input.fill(SEED.slice(0, 12));
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: SEED }).first().waitFor({ timeout: 15_000 });
      await page.keyboard.press('Enter');
      await page.locator('.editor-instance .monaco-editor .view-lines', { hasText: NAME }).waitFor({ timeout: 20_000 });
    });
    if (!opened) return results;

    await check('the status bar shows the News Article language', async () => {
      const mode = page.locator('[id="status.editor.mode"]');
      await until('language mode News Article', async () => /News Article/.test((await mode.textContent().catch(() => '')) ?? ''), 30_000);
    });

    let colours;
    await check('a name is drawn in a different colour than plain words', async () => {
      // Semantic tokens arrive after the language server's analysis: wait for the name's
      // own span (its text is just the name) instead of sleeping.
      colours = await until('a coloured span for the name', async () => {
        const name = await spanOf(page, NAME);
        const plain = await spanOf(page, PLAIN);
        // A short span of its own (a name, not a run of plain text) in a colour of its own.
        return name && plain && name.text.trim().length < 40 && name.color !== plain.color ? { name, plain } : null;
      }, 60_000);
      await page.screenshot({ path: path.join(resultsDir, 'ui-editor.png') });
      return `${NAME} ${colours.name.color} vs plain ${colours.plain.color}`;
    });

    await check('hovering the name shows who it is', async () => {
      let text = null;
      await until('the hover widget on the name', async () => {
        const at = await centreOf(page, NAME);
        if (!at) return false;
        // Move away first so every attempt is a fresh hover (the first may race the server start).
        await page.mouse.move(5, 5);
        await page.mouse.move(at.x, at.y, { steps: 3 });
        const deadline = Date.now() + 3000;
        while (Date.now() < deadline && !(text && text.includes(NAME))) {
          text = await visibleHoverText(page);
          if (!(text && text.includes(NAME))) await new Promise((r) => setTimeout(r, 100)); // poll the widget
        }
        return text && text.includes(NAME);
      }, 60_000);
      if (!/Person|شخص/.test(text)) throw new Error(`hover does not say it is a person: ${text}`);
      // The widget fades in: wait for its animations to finish so the screenshot shows it solid.
      await page.waitForFunction(() => [...document.querySelectorAll('.monaco-editor .monaco-hover:not(.hidden)')]
        .every((h) => h.getAnimations({ subtree: true }).every((a) => a.playState === 'finished')), null, { timeout: 5000 });
      await shoot('ui-hover.png', 'screenshot-hover.png');
      return `${JSON.stringify(text)} (${Date.now() - started} ms after page load)`;
    });

    // Cross-referencing (issue 4): CodeLens, related quick pick, references peek, F12, Ctrl+T, Entities view.
    await runXrefUiChecks(page, { check, shoot });
    await check('Quick Open brings seed 000 back for the colour checks', () => quickOpenFile(page, SEED, NAME));

    // Each entity type and quotations in colours of their own, different from plain text, in
    // the theme code-server starts with, the new default dark theme, and Dark+ and Light+ (the
    // manifest's superTypes and semanticTokenScopes are what make that happen).
    const examples = examplesOf(repo, path.join(ws, SEED));
    await page.mouse.move(5, 5); // no hover over the text
    let previousPlain;
    // Labels as VS Code 1.139 lists them (the default is "Light 2026" in a light-mode browser).
    for (const theme of [undefined, 'Dark 2026', 'Dark+', 'Light+']) {
      const label = theme ?? 'the default theme';
      await check(`person, place, organization and quote colours differ from each other and from plain text in ${label}`, async () => {
        if (theme) await pickColorTheme(page, theme);
        let last;
        const seen = await until(`four distinct token colours in ${label}`, async () => {
          const plain = await spanOf(page, PLAIN);
          const c = await typeColours(page, examples);
          last = { ...c, plain: plain?.color };
          const values = Object.values(last);
          const complete = values.length === 5 && values.every(Boolean);
          // After a theme switch, wait until the theme is applied (plain text changes colour).
          const applied = !theme || last.plain !== previousPlain;
          return complete && applied && new Set(values).size === 5 ? last : null;
        }, 20_000).catch((error) => { throw new Error(`${error.message}; last seen ${JSON.stringify(last)}`); });
        const file = `ui-colours-${(theme ?? 'default').toLowerCase().replace(/\+/g, '-plus').replace(/[^a-z0-9-]+/g, '-')}.png`;
        await page.screenshot({ path: path.join(resultsDir, file) });
        previousPlain = seen.plain;
        return JSON.stringify(seen);
      });
    }
  } catch (error) {
    results.push({ name: 'ui: harness', ok: false, detail: error.stack ?? String(error) });
    log(`  not ok - ui: harness\n${error.stack ?? error}`);
  } finally {
    if (page && results.some((r) => !r.ok)) await page.screenshot({ path: path.join(resultsDir, 'ui-failure.png') }).catch(() => undefined);
    await browser?.close().catch(() => undefined);
    if (cs && results.some((r) => !r.ok)) fs.writeFileSync(path.join(resultsDir, 'ui-code-server.log'), cs.output());
    await cs?.stop();
    fs.rmSync(scratch.root, { recursive: true, force: true });
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130)); // runs the 'exit' cleanup
  const { setup } = await import('../../scripts/vscode/setup.mjs');
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const vsix = path.resolve(process.argv[2] ?? path.join(repo, 'test-results', 'news-annotator.vsix'));
  const results = await runUiTest({ setupPaths: setup(), repo, vsix, resultsDir: path.join(repo, 'test-results'), docsDir: path.join(repo, 'docs'), updateDocs: process.env.UPDATE_SCREENSHOTS === '1' });
  const failed = results.filter((r) => !r.ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}
