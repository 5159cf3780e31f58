/**
 * Entry points of the analysis core: one article (`analyzeArticle`) and a run of articles with ids linked
 * across them, shaped as ../shared/eval/FORMAT.md (`analyzeRun`).
 */
import type { ArticleAnalysis } from './types';
import { tokenize } from './tokenize';
import { findEntities } from './entities';
import { findMarkedSpans, isQuotedName, attributeQuotes } from './quotes';
import { loadGazetteer } from './gazetteer';
import { EntityLinker } from './linking';

export function analyzeArticle(text: string): ArticleAnalysis {
  const g = loadGazetteer();
  const tokens = tokenize(text);
  const marked = findMarkedSpans(text);
  const names = marked.filter((s) => isQuotedName(text, tokens, s, g));
  const speech = marked.filter((s) => !names.includes(s));
  const { mentions, entities, tokenMention } = findEntities(text, tokens, names);
  const quotes = attributeQuotes(text, tokens, speech, mentions, entities, tokenMention);
  return { entities, mentions, quotes };
}

export interface RunRecord {
  file: string;
  entities: { id: string; type: string; canonical_ar: string; canonical_en?: string }[];
  mentions: { start: number; end: number; text: string; type: string; entity: string }[];
  quotes: { start: number; end: number; text: string; speaker: string | null; cue: string | null }[];
}

/** Analyses every file and links entities across them, so one real-world entity has one id in the run. */
export function analyzeRun(files: { file: string; text: string; analysis?: ArticleAnalysis }[], linker = new EntityLinker()): RunRecord[] {
  const analyses = files.map(({ file, text, analysis: given }) => {
    const analysis = given ?? analyzeArticle(text);
    linker.set(file, analysis);
    return { file, analysis };
  });
  return analyses.map(({ file, analysis }) => {
    const id = (key: string): string => linker.idOf(file, key) ?? key;
    const entities = analysis.entities.map((e) => {
      const global = linker.get(id(e.key));
      const out: RunRecord['entities'][number] = { id: id(e.key), type: e.type, canonical_ar: global?.canonicalAr ?? e.name };
      const en = global?.canonicalEn ?? e.canonicalEn;
      if (en) out.canonical_en = en;
      return out;
    });
    const seen = new Set<string>();
    return {
      file,
      entities: entities.filter((e) => !seen.has(e.id) && seen.add(e.id)),
      mentions: analysis.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text, type: m.type, entity: id(m.key) })),
      quotes: analysis.quotes.map((q) => ({ start: q.start, end: q.end, text: q.text, speaker: q.speaker && id(q.speaker), cue: q.cue })),
    };
  });
}
