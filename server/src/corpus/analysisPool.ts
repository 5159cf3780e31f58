/**
 * Analyses files on worker threads (out/analysisWorker.js), a few in flight per worker so that results
 * arrive steadily and memory stays bounded. Measured on the 2,902-article corpus: see scripts/bench.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ArticleAnalysis } from '../analysis/types';

/** One file's outcome: no `text` when it is not an article (or vanished). */
export interface AnalysedFile {
  file: string;
  text?: string;
  mtime?: number;
  warnings?: string[];
  analysis?: ArticleAnalysis;
  error?: string;
}

const IN_FLIGHT_PER_WORKER = 4;
/**
 * One worker: each worker carries its own tagger model and word caches. On the 2,902-article corpus (2 cores)
 * two workers indexed in 8.2 s with a 694 MB peak, one in 9.3 s with 551 MB, the server thread doing the rest.
 */
const WORKER_COUNT = 1;

/** The worker script beside the bundle; absent when running from TypeScript sources (tests), then undefined. */
export function workerScript(): string | undefined {
  const file = path.join(__dirname, 'analysisWorker.js');
  return fs.existsSync(file) ? file : undefined;
}

/**
 * The worker's heap is capped: V8 otherwise lets it fill with garbage far beyond the live data (tagger and
 * tokenizer caches, ~70 MB). A small young generation is also faster here: on the 2,902-article corpus the server
 * peaked at 366-378 MiB and indexed in 7.0-7.6 s with these limits, 397-410 MiB and 8.1-8.5 s with the old
 * generation alone capped (scripts/bench.ts). Files larger than BIG_FILE, and any file in flight when a capped
 * worker runs out of heap, are analysed afterwards by a worker without the caps (a 20 MB article must never fail
 * for it).
 */
const CAPPED_HEAP = { maxOldGenerationSizeMb: 160, maxYoungGenerationSizeMb: 16 };
const BIG_FILE = 1_000_000;

/**
 * Calls `onResult` for every file, in completion order, on the calling thread. Stops handing out files when
 * `isCancelled()`; the workers end when the last result is in.
 */
export async function analyseInWorkers(
  script: string,
  files: string[],
  onResult: (result: AnalysedFile) => void,
  isCancelled: () => boolean,
): Promise<void> {
  const small: string[] = [];
  const big: string[] = [];
  for (const file of files) (sizeOf(file) > BIG_FILE ? big : small).push(file);
  const retry = await runWorkers(script, small, onResult, isCancelled, CAPPED_HEAP);
  const rest = await runWorkers(script, [...retry, ...big], onResult, isCancelled, undefined);
  if (rest.length) throw new Error(`analysis worker failed on ${rest.length} files`);
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** Runs the files through WORKER_COUNT workers; resolves with the files left unanalysed when a worker ran out of heap. */
function runWorkers(
  script: string,
  files: string[],
  onResult: (result: AnalysedFile) => void,
  isCancelled: () => boolean,
  resourceLimits: typeof CAPPED_HEAP | undefined,
): Promise<string[]> {
  let next = 0;
  let pending = 0;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const inFlightFiles = new Set<string>();
    let failed = false;
    const stop = () => workers.forEach((w) => void w.terminate());
    const feed = (worker: Worker, inFlight: { n: number }) => {
      while (!failed && !isCancelled() && next < files.length && inFlight.n < IN_FLIGHT_PER_WORKER) {
        inFlight.n++;
        pending++;
        inFlightFiles.add(files[next]);
        worker.postMessage(files[next++]);
      }
    };
    for (let i = 0; i < WORKER_COUNT; i++) {
      const worker = new Worker(script, resourceLimits && { resourceLimits });
      const inFlight = { n: 0 };
      worker.on('message', (result: AnalysedFile) => {
        if (failed) return;
        inFlight.n--;
        pending--;
        inFlightFiles.delete(result.file);
        onResult(result);
        feed(worker, inFlight);
        if (pending === 0) {
          stop();
          resolve([]);
        }
      });
      worker.on('error', (error: Error & { code?: string }) => {
        if (failed) return;
        failed = true;
        stop();
        if (resourceLimits && error.code === 'ERR_WORKER_OUT_OF_MEMORY') resolve([...inFlightFiles, ...files.slice(next)]);
        else reject(error);
      });
      workers.push(worker);
      feed(worker, inFlight);
    }
    if (pending === 0) {
      stop();
      resolve([]);
    }
  });
}
