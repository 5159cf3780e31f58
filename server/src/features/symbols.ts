import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver';
import type { EntityType } from '../analysis/types';
import { normalizePhrase } from '../analysis/normalize';
import type { ArticleIndex } from '../corpus/articleIndex';
import { articleKey } from '../corpus/workspaceFiles';
import { bestMention, locationOf, rangeOf } from './locations';

const groups: { type: EntityType; name: string; kind: SymbolKind }[] = [
  { type: 'PER', name: 'أشخاص · People', kind: SymbolKind.Object },
  { type: 'LOC', name: 'أماكن · Places', kind: SymbolKind.Namespace },
  { type: 'ORG', name: 'منظمات · Organizations', kind: SymbolKind.Class },
];
const MAX_WORKSPACE_SYMBOLS = 200;

/** The Outline: entities grouped by type (each with its mentions), then quotations grouped by speaker. */
export function documentSymbols(index: ArticleIndex, uri: string): DocumentSymbol[] {
  const article = index.get(articleKey(uri));
  if (!article) return [];
  const { entities, mentions, quotes } = article.analysis;
  const whole = rangeOf(article, 0, Math.max(...mentions.map((m) => m.end), ...quotes.map((q) => q.end), 0));
  const out: DocumentSymbol[] = [];
  for (const group of groups) {
    const children: DocumentSymbol[] = [];
    for (const entity of entities.filter((e) => e.type === group.type)) {
      const own = mentions.filter((m) => m.key === entity.key);
      if (!own.length) continue;
      const id = index.idOf(article, entity.key);
      const english = (id && index.linker.get(id)?.canonicalEn) ?? entity.canonicalEn;
      children.push({
        name: entity.name,
        detail: [english, `${own.length}×`].filter(Boolean).join(' · '),
        kind: group.kind,
        range: rangeOf(article, own[0].start, own[own.length - 1].end),
        selectionRange: rangeOf(article, own[0].start, own[0].end),
        children: own.map((m) => ({ name: m.text, kind: group.kind, range: rangeOf(article, m.start, m.end), selectionRange: rangeOf(article, m.start, m.end) })),
      });
    }
    if (children.length) out.push({ name: group.name, kind: SymbolKind.Package, range: whole, selectionRange: children[0].selectionRange, children });
  }
  if (quotes.length) {
    const bySpeaker = new Map<string, DocumentSymbol[]>();
    for (const q of quotes) {
      const speaker = entities.find((e) => e.key === q.speaker)?.name ?? 'متحدث غير معروف · Unknown speaker';
      const range = rangeOf(article, q.start, q.end);
      const list = bySpeaker.get(speaker) ?? [];
      list.push({ name: q.text.length > 60 ? `${q.text.slice(0, 59)}…` : q.text, detail: q.cue ?? undefined, kind: SymbolKind.String, range, selectionRange: range });
      bySpeaker.set(speaker, list);
    }
    const children = [...bySpeaker].map(([speaker, list]): DocumentSymbol => ({
      name: speaker,
      detail: `${list.length} quote${list.length === 1 ? '' : 's'}`,
      kind: SymbolKind.Object,
      range: { start: list[0].range.start, end: list[list.length - 1].range.end },
      selectionRange: list[0].selectionRange,
      children: list,
    }));
    out.push({ name: 'اقتباسات · Quotations', kind: SymbolKind.Package, range: whole, selectionRange: children[0].selectionRange, children });
  }
  return out;
}

/** Ctrl+T: entities whose spelling (Arabic, letter variants folded) or English name contains the query. */
export function workspaceSymbols(index: ArticleIndex, query: string): SymbolInformation[] {
  const arabic = normalizePhrase(query);
  const latin = query.trim().toLowerCase();
  const out: SymbolInformation[] = [];
  for (const { entity } of index.allStats()) {
    if (out.length >= MAX_WORKSPACE_SYMBOLS) break;
    const names = [entity.canonicalAr, ...entity.spellings];
    // Prefer the spelling as typed (Persian letters and all), then any spelling that matches once normalised.
    const matchedSpelling = arabic
      ? (names.find((n) => n.includes(query.trim())) ?? names.find((n) => normalizePhrase(n).includes(arabic)))
      : undefined;
    const matches = !latin || matchedSpelling !== undefined || entity.canonicalEn?.toLowerCase().includes(latin);
    if (!matches) continue;
    const best = bestMention(index, entity.id);
    if (!best) continue;
    out.push({
      name: symbolName(entity.canonicalAr, matchedSpelling, entity.canonicalEn),
      kind: groups.find((g) => g.type === entity.type)!.kind,
      location: locationOf(best.article, best.mention.start, best.mention.end),
      containerName: entity.spellings.filter((s) => s !== entity.canonicalAr && s !== matchedSpelling).join(' · '),
    });
  }
  return out;
}

/**
 * Editors filter workspace symbols again by fuzzy-matching the typed text against the name, so the name
 * carries the spelling that matched (شمخانی with Persian letters) and the English name (Shamkhani).
 */
function symbolName(canonicalAr: string, matchedSpelling: string | undefined, canonicalEn: string | undefined): string {
  const spelling = matchedSpelling && matchedSpelling !== canonicalAr ? ` (${matchedSpelling})` : '';
  return `${canonicalAr}${spelling}${canonicalEn ? ` · ${canonicalEn}` : ''}`;
}
