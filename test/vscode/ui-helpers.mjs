// Helpers for driving the code-server workbench with playwright-core (UI tests).

/** A quick-pick row whose label is exactly `label` (not a longer command that contains it). */
export function quickPickRow(page, label) {
  const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return page.locator('.quick-input-widget .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: exact }) }).first();
}

/** Centre of `word` on screen, from a DOM Range over its text node. */
export function centreOf(page, word) {
  return page.evaluate((w) => {
    const root = document.querySelector('.editor-instance .view-lines');
    if (!root) return null;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const i = node.data.indexOf(w);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + w.length);
      const box = range.getBoundingClientRect();
      if (box.width > 0) return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }
    return null;
  }, word);
}

/** Text of the visible editor hover, or null. */
export function visibleHoverText(page) {
  return page.evaluate(() => {
    for (const h of document.querySelectorAll('.monaco-editor .monaco-hover:not(.hidden)')) {
      const text = h.textContent?.trim();
      const box = h.getBoundingClientRect();
      if (text && box.width > 0 && box.height > 0) return text;
    }
    return null;
  });
}

export async function until(what, probe, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100)); // poll interval, bounded by the deadline
  }
}

/**
 * Whether `text` is drawn left to right in one piece inside `rootSelector`: the visual boxes of its
 * two halves touch, in order. False when the bidi algorithm splits it (a Latin file name next to an
 * Arabic title with no isolate: "000_58" jumps to the far side of the Arabic). Null when not found.
 */
export function drawnInOrder(page, rootSelector, text) {
  return page.evaluate(([sel, t]) => {
    for (const root of document.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode;
        const i = node.data.indexOf(t);
        if (i < 0) continue;
        const half = Math.floor(t.length / 2);
        const box = (a, b) => { const r = document.createRange(); r.setStart(node, a); r.setEnd(node, b); return r.getBoundingClientRect(); };
        const first = box(i, i + half);
        const second = box(i + half, i + t.length);
        if (!first.width) continue;
        return { ok: Math.abs(second.left - first.right) < 3 && Math.abs(second.top - first.top) < 3, first: [first.left, first.right], second: [second.left, second.right] };
      }
    }
    return null;
  }, [rootSelector, text]);
}
