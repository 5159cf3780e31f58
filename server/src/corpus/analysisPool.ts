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
 * Calls `onResult` for every file, in completion order, on the calling thread. Stops handing out files when
 * `isCancelled()`; the workers end when the last result is in.
 */
export function analyseInWorkers(
  script: string,
  files: string[],
  onResult: (result: AnalysedFile) => void,
  isCancelled: () => boolean,
): Promise<void> {
  let next = 0;
  let pending = 0;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const stop = () => workers.forEach((w) => void w.terminate());
    const feed = (worker: Worker, inFlight: { n: number }) => {
      while (!isCancelled() && next < files.length && inFlight.n < IN_FLIGHT_PER_WORKER) {
        inFlight.n++;
        pending++;
        worker.postMessage(files[next++]);
      }
    };
    for (let i = 0; i < WORKER_COUNT; i++) {
      const worker = new Worker(script);
      const inFlight = { n: 0 };
      worker.on('message', (result: AnalysedFile) => {
        inFlight.n--;
        pending--;
        onResult(result);
        feed(worker, inFlight);
        if (pending === 0) {
          stop();
          resolve();
        }
      });
      worker.on('error', (error) => {
        stop();
        reject(error);
      });
      workers.push(worker);
      feed(worker, inFlight);
    }
    if (pending === 0) {
      stop();
      resolve();
    }
  });
}
