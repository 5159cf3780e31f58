// A tiny test runner for the extension host: no mocha, no globals. Each result is one console
// line (`ok - name` / `not ok - name`) that the outer harness reads, whether the host is
// code-server (lines arrive through codeAutomationLog) or desktop VS Code (stdout).

export type TestFn = () => Promise<void> | void;

interface TestCase {
  name: string;
  fn: TestFn;
  timeoutMs: number;
}

const tests: TestCase[] = [];

export function test(name: string, fn: TestFn, timeoutMs = 60_000): void {
  tests.push({ name, fn, timeoutMs });
}

export const RESULT_PREFIX = '[news-annotator-suite]';

function withTimeout(promise: Promise<void>, ms: number, name: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${name}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Runs every registered test in order; rejects when any failed (the host then exits 1). */
export async function runAll(): Promise<void> {
  let passed = 0;
  let failed = 0;
  for (const t of tests) {
    const start = Date.now();
    try {
      await withTimeout(Promise.resolve().then(t.fn), t.timeoutMs, t.name);
      passed++;
      console.log(`${RESULT_PREFIX} ok - ${t.name} (${Date.now() - start} ms)`);
    } catch (error) {
      failed++;
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      console.log(`${RESULT_PREFIX} not ok - ${t.name}\n${detail}`);
    }
  }
  console.log(`${RESULT_PREFIX} summary: ${passed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} extension-host test(s) failed`);
}

/** Polls `probe` until it returns a value other than undefined, or throws at the deadline. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error; // e.g. the language server still starting; retried until the deadline
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100)); // poll interval, bounded by the deadline
  }
}
