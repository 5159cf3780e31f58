/**
 * Speed of the tagger over unlabelled news (default ../shared/corpus/arabic-newspapers): reads every .txt
 * file, tokenises it and tags it line by line as the analysis core does, model loading included.
 * Prints MB/s and peak memory.
 *   node scripts/run-ts.mjs scripts/bench-tagger.ts [corpusDir]
 */
import * as fs from 'fs';
import * as path from 'path';
import { loadTagger } from '../server/src/analysis/tagger';
import { taggedSpans } from '../server/src/analysis/statistical';
import { tokenize } from '../server/src/analysis/tokenize';
import { listTextFiles } from '../server/src/textFiles';

const corpusDir = process.argv[2] ?? path.join(__dirname, '../../shared/corpus/arabic-newspapers');

export interface TaggerBenchResult {
  megabytes: number;
  tokens: number;
  entityTokens: number;
  loadMs: number;
  totalMs: number;
  cpuMs: number;
  megabytesPerSecond: number;
  /** MB per second of this process's CPU time: what one core does when other processes share the machine. */
  megabytesPerCpuSecond: number;
  peakRssMb: number;
}

/** Texts are read before the clock starts: the figure is tokenising + tagging, plus loading the model. */
export function benchTagger(dir = corpusDir): TaggerBenchResult {
  const texts = listTextFiles(dir).map((file) => fs.readFileSync(file, 'utf8'));
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text, 'utf8'), 0);
  const started = process.hrtime.bigint();
  const cpuStarted = process.cpuUsage();
  loadTagger(); // timed apart: the model's load
  const loaded = process.hrtime.bigint();
  let tokens = 0;
  let entityTokens = 0;
  for (const text of texts) {
    const words = tokenize(text);
    tokens += words.length;
    for (const span of taggedSpans(text, words)) entityTokens += span.last - span.first + 1;
  }
  const finished = process.hrtime.bigint();
  const cpu = process.cpuUsage(cpuStarted);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const totalMs = Number(finished - started) / 1e6;
  return {
    megabytes: bytes / 1e6,
    tokens,
    entityTokens,
    loadMs: Number(loaded - started) / 1e6,
    totalMs,
    cpuMs,
    megabytesPerSecond: bytes / 1e6 / (totalMs / 1000),
    megabytesPerCpuSecond: bytes / 1e6 / (cpuMs / 1000),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

if (require.main === module) {
  const result = benchTagger();
  console.log(
    `tagged ${result.megabytes.toFixed(1)} MB (${result.tokens} tokens, ${result.entityTokens} in entities) ` +
      `in ${(result.totalMs / 1000).toFixed(2)} s, model load ${result.loadMs.toFixed(0)} ms: ` +
      `${result.megabytesPerSecond.toFixed(1)} MB/s wall, ${result.megabytesPerCpuSecond.toFixed(1)} MB/s of CPU time ` +
      `(${(result.cpuMs / 1000).toFixed(2)} s CPU); peak RSS ${result.peakRssMb.toFixed(0)} MB, ` +
      `heap used ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`,
  );
}
