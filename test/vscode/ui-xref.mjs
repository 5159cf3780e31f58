// UI checks of cross-referencing (issue 4) in code-server + Chromium, as a person uses it: the
// CodeLens at the top of seed 002 and the related-articles quick pick, the command palette's News
// commands, Find All References' peek across articles, Go to Definition into another article's tab,
// Ctrl+T by an English name, and the Entities view in the Explorer. Screenshots for the README.
import { centreOf, drawnInOrder, quickPickRow, until } from './ui-helpers.mjs';

const SEED_000 = '000_58d295c9c3b3cd36.txt';
const SEED_001 = '001_13f1ea57eeb872d2.txt';
const SEED_002 = '002_d51caa035671dfd6.txt';
const SEED_003 = '003_ddda97719048d9bb.txt';

const quickInput = (page) => page.locator('.quick-input-widget .quick-input-box input');
const quickRows = (page) => page.locator('.quick-input-widget .monaco-list-row');

/** Name of the active editor, from the window title ("<editor> - <folder> - code-server"). */
export async function activeTab(page) {
  return (await page.title()).split(' - ')[0].replace(/^● /, '').trim();
}

async function focusEditor(page) {
  await page.locator('.editor-instance .monaco-editor textarea').first().focus();
}

/** Opens a workspace file with Quick Open (Ctrl+P) and waits until its tab is active and shows `text`. */
export async function quickOpenFile(page, file, text) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+P');
  await quickInput(page).waitFor({ state: 'visible', timeout: 15_000 });
  await quickInput(page).fill(file);
  // Click the file's own row: Enter could take a recently opened file still listed first.
  await quickRows(page).filter({ hasText: file }).first().click({ timeout: 15_000 });
  await until(`${file} in the active tab`, async () => (await activeTab(page)) === file, 20_000);
  if (text) await page.locator('.editor-instance .monaco-editor .view-lines', { hasText: text }).first().waitFor({ timeout: 20_000 });
}

/** Puts the cursor in the first visible occurrence of `word` by clicking it. */
async function clickWord(page, word) {
  const at = await until(`${word} on screen`, () => centreOf(page, word), 10_000);
  await page.mouse.click(at.x, at.y);
}

/** Runs a command palette entry ("Category: Title") as a person does: F1, type, Enter on the row. */
async function palette(page, label) {
  await focusEditor(page);
  await page.keyboard.press('F1');
  await quickInput(page).waitFor({ state: 'visible', timeout: 10_000 });
  await quickInput(page).fill(`>${label}`);
  await quickPickRow(page, label).click({ timeout: 10_000 });
}

/** Texts of the visible quick-pick rows, waiting until `ready(texts)` holds. */
async function quickPickTexts(page, what, ready) {
  let last = [];
  return until(what, async () => {
    last = await quickRows(page).allTextContents();
    return ready(last) ? last : null;
  }, 10_000).catch((error) => { throw new Error(`${error.message}; rows: ${JSON.stringify(last)}`); });
}

async function closeQuickInput(page) {
  await page.keyboard.press('Escape');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
}

/** Waits until CSS transitions/animations inside `selector` are finished, so a screenshot shows them solid. */
async function settled(page, selector) {
  await page.waitForFunction((sel) => [...document.querySelectorAll(sel)]
    .every((el) => el.getAnimations({ subtree: true }).every((a) => a.playState === 'finished')), selector, { timeout: 5000 }).catch(() => undefined);
}

/**
 * The checks, in order; `check(name, fn)` records a result, `shoot(file, docsName)` saves a screenshot
 * (and the README's copy). Returns nothing: failures are in the results.
 */
export async function runXrefUiChecks(page, { check, shoot }) {
  const codeLens = page.locator('.editor-instance .monaco-editor .codelens-decoration');

  await check('seed 002 shows a CodeLens "N related articles · near-duplicate of 000_…" at its top', async () => {
    await quickOpenFile(page, SEED_002, 'تعاون أمني بين موسكو وايران');
    let text = '';
    await until('the near-duplicate CodeLens', async () => {
      text = ((await codeLens.allTextContents()).join(' | ')).replace(/\u00a0/g, ' ');
      return text.includes(`near-duplicate of ${SEED_000}`);
    }, 30_000).catch((error) => { throw new Error(`${error.message}; CodeLens text: ${JSON.stringify(text)}`); });
    if (!/\d+ related articles?/.test(text)) throw new Error(`no "N related articles" lens: ${text}`);
    if (!/\(\d+% overlap\)/.test(text)) throw new Error(`no overlap figure: ${text}`);
    return text;
  });

  await check('News: Show Related Articles (command palette) on seed 002 lists seed 000 first', async () => {
    await palette(page, 'News: Show Related Articles');
    const rows = await quickPickTexts(page, 'related articles in the quick pick', (t) => t.length >= 2 && t.some((r) => r.includes(SEED_000)));
    if (!rows[0].includes(SEED_000)) throw new Error(`seed 000 is not first: ${JSON.stringify(rows)}`);
    if (!/near-duplicate: \d+% overlap/.test(rows[0])) throw new Error(`the first row does not say near-duplicate: ${rows[0]}`);
    // The quick pick opens over the first lines: drag it down (by its top edge, as a person can) so the
    // screenshot shows the CodeLens above it. VS Code remembers the position for later quick picks.
    await settled(page, '.quick-input-widget');
    const lens = codeLens.filter({ hasText: 'near-duplicate' }).first();
    await until('the quick pick below the CodeLens', async () => {
      const lensBox = await lens.boundingBox();
      const pickBox = await page.locator('.quick-input-widget').boundingBox();
      if (!lensBox || !pickBox) return false;
      if (pickBox.y > lensBox.y + lensBox.height) return true;
      await page.mouse.move(pickBox.x + pickBox.width / 2, pickBox.y + 2);
      await page.mouse.down();
      await page.mouse.move(pickBox.x + pickBox.width / 2, lensBox.y + lensBox.height + 40, { steps: 8 });
      await page.mouse.up();
      return false;
    }, 10_000);
    await settled(page, '.quick-input-widget');
    await shoot('ui-codelens-related.png', 'screenshot-codelens.png');
    return `${rows.length} rows; first: ${rows[0]}`;
  });

  await check('the related quick pick draws file names left to right beside the Arabic titles', async () => {
    const order = await drawnInOrder(page, '.quick-input-widget .monaco-list-row', SEED_000.slice(0, 12));
    if (!order) throw new Error(`${SEED_000} not found in the quick pick`);
    if (!order.ok) throw new Error(`"${SEED_000.slice(0, 12)}" is split by the bidi algorithm (halves at x ${order.first} and ${order.second}): isolate the Arabic title (U+2068…U+2069) in the quick pick item`);
  });
  await closeQuickInput(page);

  await check('clicking the "related articles" CodeLens opens the same quick pick; Enter opens seed 000', async () => {
    await codeLens.locator('a', { hasText: /related article/ }).first().click({ timeout: 10_000 });
    await page.locator('.quick-input-widget .quick-input-box input[placeholder^="Related articles"]').waitFor({ state: 'visible', timeout: 10_000 });
    await quickPickTexts(page, 'the related quick pick', (t) => t.length > 0 && t[0].includes(SEED_000));
    await page.keyboard.press('Enter');
    await until('seed 000 in the active tab', async () => (await activeTab(page)) === SEED_000, 15_000);
  });

  await check('clicking the near-duplicate CodeLens opens a diff of seed 000 and seed 002', async () => {
    await quickOpenFile(page, SEED_002);
    await codeLens.locator('a', { hasText: /near-duplicate of/ }).first().click({ timeout: 15_000 });
    const label = await until('a diff tab', async () => {
      const tab = await activeTab(page);
      return tab.includes('↔') ? tab : null;
    }, 15_000);
    if (!label.includes(SEED_000) || !label.includes(SEED_002)) throw new Error(`diff tab: ${label}`);
    await page.locator('.editor-instance .monaco-diff-editor').first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Control+W');
    return label;
  });

  await check('Find All References (Shift+F12) on باتروشيف in seed 001 peeks at mentions in three articles', async () => {
    await quickOpenFile(page, SEED_001, 'باتروشيف');
    const peek = page.locator('.peekview-widget');
    // A key press can land before the click has placed the cursor: click and press again until the peek shows.
    await until('the references peek', async () => {
      await clickWord(page, 'باتروشيف');
      await page.keyboard.press('Shift+F12');
      return peek.first().waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false);
    }, 20_000);
    let rows = [];
    await until('file rows for seeds 000, 001 and 002 in the peek', async () => {
      rows = (await peek.locator('.ref-tree .monaco-list-row').allTextContents()).map((t) => t.replace(/\u00a0/g, ' '));
      return [SEED_000, SEED_001, SEED_002].every((f) => rows.some((r) => r.includes(f)));
    }, 20_000).catch((error) => { throw new Error(`${error.message}; rows: ${JSON.stringify(rows)}`); });
    const title = (await peek.locator('.peekview-title').first().textContent()) ?? '';
    // Open seed 000's group and its first mention: the peek's editor shows the other spelling, بتروشوف.
    const tree = peek.locator('.ref-tree .monaco-list-row');
    await tree.filter({ hasText: SEED_000 }).first().click();
    await until('seed 000 mentions spelt بتروشوف in the peek', async () =>
      (await tree.allTextContents()).some((t) => t.includes('بتروشوف')), 10_000);
    await tree.filter({ hasText: 'بتروشوف' }).first().click();
    await until("seed 000 in the peek's editor", async () =>
      ((await peek.locator('.peekview-title').first().textContent()) ?? '').includes(SEED_000), 10_000);
    await settled(page, '.peekview-widget');
    await shoot('ui-references.png', 'screenshot-references.png');
    await page.keyboard.press('Escape');
    return `${title.trim()}; rows: ${rows.join(' | ')}`;
  });

  await check('Go to Definition (F12) on لافروف in seed 002 opens seed 003 on "سيرغي لافروف"', async () => {
    await quickOpenFile(page, SEED_002);
    // Seed 002 names Lavrov only without his title; seed 003 names him in full with it.
    await focusEditor(page);
    await page.keyboard.press('Control+G');
    await quickInput(page).fill(':32');
    await page.keyboard.press('Enter');
    await until('seed 003 in the active tab after F12', async () => {
      if ((await activeTab(page)) === SEED_002) {
        await clickWord(page, 'لافروف');
        await page.keyboard.press('F12');
      }
      return page.waitForFunction((f) => document.title.startsWith(f), SEED_003, { timeout: 3000 }).then(() => true, () => false);
    }, 20_000);
    // The cursor is on the full name: the breadcrumbs (from the Outline's symbols) say so.
    let crumbs = '';
    await until('the breadcrumbs to name سيرغي لافروف', async () => {
      crumbs = (await page.locator('.breadcrumbs-control .monaco-breadcrumb-item').allTextContents()).join(' › ').replace(/\u00a0/g, ' ');
      return crumbs.includes('سيرغي لافروف');
    }, 10_000).catch((error) => { throw new Error(`${error.message}; breadcrumbs: ${crumbs}`); });
    const cursor = await page.locator('[id="status.editor.selection"]').first().textContent().catch(() => '');
    return `${crumbs.trim()} (${cursor?.trim()})`;
  });

  // Ctrl+T: VS Code keeps only the symbols whose name fuzzy-matches the typed text, whatever the
  // server returned, so a name is findable by the spellings its symbol name shows.
  for (const [query, how] of [['شمخاني', 'an Arabic spelling'], ['Shamkhani', 'his English name'], ['شمخانی', 'a Persian-letter spelling']]) {
    await check(`Ctrl+T finds Ali Shamkhani by ${how} (${query}) and opens his full-name mention`, async () => {
      await focusEditor(page);
      await page.keyboard.press('Control+T');
      await quickInput(page).waitFor({ state: 'visible', timeout: 10_000 });
      await quickInput(page).fill(`#${query}`);
      const rows = await quickPickTexts(page, 'a symbol row for علي شمخاني', (t) => t.some((r) => r.includes('علي شمخاني')))
        .finally(() => shoot(`ui-workspace-symbols-${query === 'Shamkhani' ? 'en' : query === 'شمخاني' ? 'ar' : 'fa'}.png`));
      await quickRows(page).filter({ hasText: 'علي شمخاني' }).first().click();
      await until('an article with Shamkhani in the active tab', async () => /^00[012]_/.test(await activeTab(page)), 15_000);
      return `${rows.join(' | ')} → ${await activeTab(page)}`;
    });
    await closeQuickInput(page);
  }

  await check('the Entities view in the Explorer lists entities by type with counts, expanding to names', async () => {
    await quickOpenFile(page, SEED_000);
    const header = page.locator('.pane-header', { has: page.locator('h3.title', { hasText: /^Entities$/ }) }).first();
    await header.waitFor({ timeout: 15_000 });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    const pane = page.locator('.pane', { has: header });
    const rows = pane.locator('.monaco-list-row');
    let texts = [];
    await until('People, Places and Organizations rows with counts', async () => {
      // Labels are bidi-isolated (U+2068…U+2069); compare the visible text.
      texts = (await rows.allTextContents()).map((t) => t.replace(/\u00a0/g, ' ').replace(/[\u2068\u2069]/g, ''));
      return ['People', 'Places', 'Organizations'].every((type) => texts.some((t) => new RegExp(`${type}\\s*\\d+`).test(t)));
    }, 30_000).catch((error) => { throw new Error(`${error.message}; rows: ${JSON.stringify(texts)}`); });
    await rows.filter({ hasText: 'People' }).first().click();
    await until('Ali Shamkhani under People with his counts', async () => {
      texts = (await rows.allTextContents()).map((t) => t.replace(/\u00a0/g, ' ').replace(/[\u2068\u2069]/g, ''));
      return texts.some((t) => /Ali Shamkhani · \d+ in 3 articles/.test(t));
    }, 15_000).catch((error) => { throw new Error(`${error.message}; rows: ${JSON.stringify(texts)}`); });
    // An entity expands to its mentions, each with its article and line.
    await rows.filter({ hasText: 'Ali Shamkhani' }).first().click();
    // (The tree draws only the rows on screen: the first of his 12 mentions.)
    await until("Shamkhani's mentions with their article and line", async () => {
      texts = (await rows.allTextContents()).map((t) => t.replace(/\u00a0/g, ' '));
      return texts.filter((t) => /شمخان.*\d{3}_[0-9a-f]+\.txt:\d+$/.test(t)).length >= 3;
    }, 15_000).catch((error) => { throw new Error(`${error.message}; rows: ${JSON.stringify(texts)}`); });
    // Give the view room: collapse the file list above it and widen the side bar (drag its edge).
    const folders = page.locator('.pane-header[aria-expanded="true"]', { has: page.locator('h3.title', { hasText: /^workspace$/i }) }).first();
    if (await folders.count()) await folders.click();
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    if (sidebar && sidebar.width < 500) {
      await page.mouse.move(sidebar.x + sidebar.width + 1, sidebar.y + 300);
      await page.mouse.down();
      await page.mouse.move(sidebar.x + 560, sidebar.y + 300, { steps: 8 });
      await page.mouse.up();
    }
    await settled(page, '.pane');
    await shoot('ui-entities.png', 'screenshot-entities.png');
    return texts.slice(0, 8).join(' | ');
  });

  await check("the Entities view draws a mention's file name left to right beside the Arabic name", async () => {
    const order = await drawnInOrder(page, '.pane .monaco-list-row', SEED_001.slice(0, 12));
    if (!order) throw new Error(`${SEED_001} not found in the Entities view`);
    if (!order.ok) throw new Error(`"${SEED_001.slice(0, 12)}" is split by the bidi algorithm (halves at x ${order.first} and ${order.second}): isolate the Arabic label (U+2068…U+2069) of the tree item`);
  });
}
