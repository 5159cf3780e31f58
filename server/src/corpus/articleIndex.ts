/**
 * The index of every article of the workspace: each article's analysis, the entities linked across
 * articles, and the text fingerprints that rank related articles and find near-duplicates.
 * Pure: no file system, no LSP; keys are whatever the caller uses (URIs in the server, file names in the CLI).
 */
import type { EntityLinker, GlobalEntity } from '../analysis/linking';
import type { ArticleAnalysis, Mention, Quote } from '../analysis/types';
import { LineIndex } from './lineIndex';
import { containment, fingerprint, Fingerprint, isSampled, weightedOverlap } from './textSimilarity';

/** What the index needs of the cross-article linker (a fake can stand in for it in tests). */
export type Linker = Pick<EntityLinker, 'set' | 'delete' | 'idOf' | 'get' | 'all' | 'regroupInSlices'>;

export interface Article {
  key: string;
  /** First non-empty line, for lists. */
  title: string;
  /** Orders quotes "latest first": file modification time, or the time of the last edit. */
  time: number;
  analysis: ArticleAnalysis;
  lines: LineIndex;
  /** Global entity id -> mentions of it in this article (filled by link()). */
  counts: Map<string, number>;
  fp: Fingerprint;
  slot: number;
  /** Tells whether a text is the one analysed here, without keeping the text. */
  textHash: number;
}

export interface MentionRef {
  article: Article;
  mention: Mention;
}
export interface QuoteRef {
  article: Article;
  quote: Quote;
}
export interface Related {
  key: string;
  title: string;
  score: number;
  /** Share of the smaller article's word 3-grams found in the other; set when it is a near-duplicate. */
  overlap?: number;
}
export interface EntityStats {
  entity: GlobalEntity;
  mentions: number;
  articles: number;
}

/** A near-duplicate shares at least half of the smaller article's word 3-grams. */
export const NEAR_DUPLICATE = 0.5;
const MIN_RELATED = 0.05;
const WORD_BUCKETS = 1 << 19;
const MAX_NAMES = 200_000;

export class ArticleIndex {
  private readonly articles = new Map<string, Article>();
  private readonly slots: (Article | undefined)[] = [];
  /** Global entity id -> slots of the articles that mention it. */
  private byEntity = new Map<string, Set<number>>();
  /**
   * Sampled 3-gram -> slots: candidates for near-duplicates. Most 3-grams occur in one article only: their
   * slot is stored as a bare number, not a one-element array (~250k arrays fewer over the corpus).
   */
  private readonly bySample = new Map<number, number | number[]>();
  /** One copy of each name string (mention text and key) across articles: the same names recur everywhere. */
  private readonly names = new Map<string, string>();
  /**
   * Number of articles using each word, to weight topic overlap, counted per bucket of the word's hash:
   * 2 MB where a Map of ~300k words took ~20 MB; a shared bucket only blurs a rarity weight.
   */
  private readonly wordDf = new Uint32Array(WORD_BUCKETS);
  /**
   * The linker regroups every name of the workspace when an article changes (~0.4 s for 2,900 articles), so
   * changes reach it in batches: analyses not yet given to it (null: a deletion) wait here until flush().
   */
  private readonly unlinked = new Map<string, ArticleAnalysis | null>();
  /** False when the entity postings must be rebuilt from the linker (after a flush). */
  private linked = true;
  /** Counts set() and delete() calls: postings built aside are stale if it moved meanwhile. */
  private changes = 0;

  /**
   * `deferLinking`: changes reach the linker only on flush(), so that an edit or a file event never makes a
   * request wait for a full regrouping; until then an article's names resolve through the last grouping.
   * Without it (CLI, tests) every query sees every change.
   */
  constructor(
    readonly linker: Linker,
    private readonly analyze: (text: string) => ArticleAnalysis,
    private readonly deferLinking = false,
  ) {}

  get size(): number {
    return this.articles.size;
  }

  get(key: string): Article | undefined {
    return this.articles.get(key);
  }

  /** Whether the index holds exactly this text under `key` (then opening the file changes nothing). */
  holds(key: string, text: string): boolean {
    return this.articles.get(key)?.textHash === textHash(text);
  }

  keys(): IterableIterator<string> {
    return this.articles.keys();
  }

  /** Adds or replaces an article; pass `analysis` when the caller has already analysed this exact text. */
  set(key: string, text: string, time = Date.now(), analysis = this.analyze(text)): Article {
    const old = this.articles.get(key);
    if (old) this.unindex(old);
    const slot = old ? old.slot : this.slots.length;
    const article: Article = {
      key, title: titleOf(text), time, analysis, lines: new LineIndex(text), counts: new Map(), fp: fingerprint(text), slot,
      textHash: textHash(text),
    };
    this.slots[slot] = article;
    this.articles.set(key, article);
    for (const s of article.fp.shingles) {
      if (!isSampled(s)) continue;
      const list = this.bySample.get(s);
      if (list === undefined) this.bySample.set(s, slot);
      else if (typeof list === 'number') this.bySample.set(s, [list, slot]);
      else list.push(slot);
    }
    for (const m of analysis.mentions) {
      m.text = this.name(m.text);
      m.key = this.name(m.key);
    }
    for (const w of article.fp.words) this.wordDf[w & (WORD_BUCKETS - 1)]++;
    this.unlinked.set(key, analysis);
    this.changes++;
    if (this.deferLinking) this.count(article);
    else this.linked = false;
    return article;
  }

  delete(key: string): void {
    const article = this.articles.get(key);
    if (!article) return;
    this.unindex(article);
    this.articles.delete(key);
    this.unlinked.set(key, null);
    this.changes++;
  }

  /** Hands the waiting changes to the linker and reads the new grouping back. */
  flush(): void {
    if (!this.handOver()) return;
    this.linked = false;
    this.link();
  }

  /**
   * flush() without holding the thread: the linker regroups in slices of `sliceMs`, queries meanwhile answer
   * from the previous grouping, and the entity postings follow the new one when it is complete.
   */
  async flushInSlices(sliceMs: number): Promise<void> {
    if (!this.handOver()) return;
    await this.linker.regroupInSlices(sliceMs);
    await this.recountInSlices(sliceMs);
  }

  /**
   * The entity postings through the linker's new grouping, built aside in slices and swapped in whole; if an
   * article changes meanwhile, they are left to be rebuilt at the next query.
   */
  private async recountInSlices(sliceMs: number): Promise<void> {
    const changes = this.changes;
    const byEntity = new Map<string, Set<number>>();
    const counts = new Map<Article, Map<string, number>>();
    let sliceEnd = performance.now() + sliceMs;
    for (const article of [...this.articles.values()]) {
      if (performance.now() > sliceEnd) {
        await new Promise((resolve) => setImmediate(resolve));
        if (this.changes !== changes) break;
        sliceEnd = performance.now() + sliceMs;
      }
      const articleCounts = this.countsOf(article);
      counts.set(article, articleCounts);
      post(byEntity, article.slot, articleCounts);
    }
    if (this.changes !== changes) {
      this.linked = false;
      return;
    }
    for (const [article, articleCounts] of counts) article.counts = articleCounts;
    this.byEntity = byEntity;
    this.linked = true;
  }

  /** Gives the waiting changes to the linker; false if there were none. */
  private handOver(): boolean {
    if (!this.unlinked.size) return false;
    for (const [key, analysis] of this.unlinked) {
      if (analysis) this.linker.set(key, analysis); else this.linker.delete(key);
    }
    this.unlinked.clear();
    return true;
  }

  /** Every entity query calls it: brings the entity postings up to date with the linker. */
  private link(): void {
    if (!this.deferLinking) this.flush();
    if (this.linked) return;
    this.linked = true;
    this.byEntity.clear();
    for (const article of this.articles.values()) this.count(article);
  }

  /** One article's mentions per global id, through the linker's current grouping. */
  private count(article: Article): void {
    article.counts = this.countsOf(article);
    post(this.byEntity, article.slot, article.counts);
  }

  private countsOf(article: Article): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of article.analysis.mentions) {
      const id = this.linker.idOf(article.key, m.key);
      if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  }

  private unindex(a: Article): void {
    this.slots[a.slot] = undefined;
    for (const id of a.counts.keys()) {
      const set = this.byEntity.get(id);
      set?.delete(a.slot);
      if (set?.size === 0) this.byEntity.delete(id);
    }
    for (const s of a.fp.shingles) {
      if (!isSampled(s)) continue;
      const rest = this.samples(s).filter((slot) => slot !== a.slot);
      if (rest.length > 1) this.bySample.set(s, rest);
      else if (rest.length === 1) this.bySample.set(s, rest[0]);
      else this.bySample.delete(s);
    }
    for (const w of a.fp.words) {
      this.wordDf[w & (WORD_BUCKETS - 1)]--;
    }
  }

  private samples(shingle: number): number[] {
    const list = this.bySample.get(shingle);
    return list === undefined ? [] : typeof list === 'number' ? [list] : list;
  }

  /**
   * The shared copy of a name string, owned (not a slice of an article text). Names of deleted or edited
   * articles stay in the table: past MAX_NAMES (the corpus has ~56k) it starts afresh; sharing is only a saving.
   */
  private name(s: string): string {
    let shared = this.names.get(s);
    if (shared === undefined) {
      if (this.names.size >= MAX_NAMES) this.names.clear();
      this.names.set((shared = own(s)), shared);
    }
    return shared;
  }

  idOf(article: Article, key: string | null): string | undefined {
    this.link();
    return key === null ? undefined : this.linker.idOf(article.key, key);
  }

  /** The mention covering `offset` (start inclusive, end inclusive so a cursor just after a name counts). */
  mentionAt(article: Article, offset: number): Mention | undefined {
    const ms = article.analysis.mentions;
    let lo = 0, hi = ms.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ms[mid].end < offset) lo = mid + 1;
      else if (ms[mid].start > offset) hi = mid - 1;
      else return ms[mid];
    }
    return undefined;
  }

  quoteAt(article: Article, offset: number): Quote | undefined {
    return article.analysis.quotes.find((q) => q.start <= offset && offset < q.end);
  }

  /** Articles mentioning the entity, most mentions first. */
  articlesOf(id: string): Article[] {
    this.link();
    const list: Article[] = [];
    for (const slot of this.byEntity.get(id) ?? []) {
      const a = this.slots[slot];
      if (a) list.push(a);
    }
    return list.sort((x, y) => (y.counts.get(id) ?? 0) - (x.counts.get(id) ?? 0) || x.key.localeCompare(y.key));
  }

  mentionsOf(id: string): MentionRef[] {
    const refs: MentionRef[] = [];
    for (const article of this.articlesOf(id)) {
      for (const mention of article.analysis.mentions) {
        if (this.linker.idOf(article.key, mention.key) === id) refs.push({ article, mention });
      }
    }
    return refs;
  }

  /** Quotes whose speaker is the entity, latest article first, then from the end of each article. */
  quotesBy(id: string): QuoteRef[] {
    const refs: QuoteRef[] = [];
    for (const article of this.articlesOf(id).sort((x, y) => y.time - x.time)) {
      const quotes = article.analysis.quotes;
      for (let i = quotes.length - 1; i >= 0; i--) {
        if (this.idOf(article, quotes[i].speaker) === id) refs.push({ article, quote: quotes[i] });
      }
    }
    return refs;
  }

  stats(id: string): EntityStats | undefined {
    this.link();
    const entity = this.linker.get(id);
    const slots = this.byEntity.get(id);
    if (!entity || !slots) return undefined;
    let mentions = 0;
    for (const slot of slots) mentions += this.slots[slot]?.counts.get(id) ?? 0;
    return { entity, mentions, articles: slots.size };
  }

  /** Every entity mentioned in the workspace, most mentioned first. */
  allStats(): EntityStats[] {
    this.link();
    const list: EntityStats[] = [];
    for (const id of this.byEntity.keys()) {
      const s = this.stats(id);
      if (s) list.push(s);
    }
    return list.sort((a, b) => b.mentions - a.mentions || a.entity.canonicalAr.localeCompare(b.entity.canonicalAr));
  }

  /** The role an article gives the entity, if the linker has none. */
  roleOf(id: string): string | undefined {
    const known = this.linker.get(id)?.role;
    if (known) return known;
    for (const article of this.articlesOf(id)) {
      const local = article.analysis.entities.find((e) => e.role && this.linker.idOf(article.key, e.key) === id);
      if (local?.role) return local.role;
    }
    return undefined;
  }

  /**
   * Related articles, best first: shared entities (tf-idf cosine: names an article keeps coming back to, and
   * names few articles share, weigh more) and shared vocabulary (rarity-weighted); a near-duplicate scores
   * at least its overlap.
   */
  related(key: string, limit = 10): Related[] {
    this.link();
    const a = this.articles.get(key);
    if (!a) return [];
    const n = this.articles.size;
    // Smoothed idf: an entity in every article (Iran, in a folder about Iran) says next to nothing.
    const weight = (article: Article, id: string) =>
      (1 + Math.log(article.counts.get(id)!)) * Math.log((n + 1) / (this.byEntity.get(id)?.size ?? 1));
    const norm = (article: Article) => Math.sqrt([...article.counts.keys()].reduce((sum, id) => sum + weight(article, id) ** 2, 0));
    const shared = new Map<number, number>();
    for (const id of a.counts.keys()) {
      const w = weight(a, id);
      for (const slot of this.byEntity.get(id) ?? []) {
        if (slot !== a.slot) shared.set(slot, (shared.get(slot) ?? 0) + w * weight(this.slots[slot]!, id));
      }
    }
    const normA = norm(a);
    const entityScore = new Map<number, number>();
    for (const [slot, dot] of shared) entityScore.set(slot, dot / (normA * norm(this.slots[slot]!)));
    const candidates = new Set([...entityScore.keys()].sort((x, y) => entityScore.get(y)! - entityScore.get(x)!).slice(0, 50));
    const duplicates = new Map(this.nearDuplicateSlots(a));
    for (const slot of duplicates.keys()) candidates.add(slot);

    const wordWeight = (w: number) => Math.log(n / Math.max(1, this.wordDf[w & (WORD_BUCKETS - 1)]));
    const out: Related[] = [];
    for (const slot of candidates) {
      const b = this.slots[slot]!;
      const text = weightedOverlap(a.fp.words, b.fp.words, wordWeight);
      const overlap = duplicates.get(slot);
      const score = Math.max(0.7 * (entityScore.get(slot) ?? 0) + 0.3 * text, overlap ?? 0);
      if (score >= MIN_RELATED) out.push({ key: b.key, title: b.title, score: round(score), ...(overlap !== undefined && { overlap: round(overlap) }) });
    }
    return out.sort((x, y) => y.score - x.score || x.key.localeCompare(y.key)).slice(0, limit);
  }

  /** Articles sharing sampled 3-grams with `a`, verified on all 3-grams: slot -> overlap. */
  private nearDuplicateSlots(a: Article): Map<number, number> {
    const hits = new Map<number, number>();
    for (const s of a.fp.shingles) {
      if (!isSampled(s)) continue;
      for (const slot of this.samples(s)) if (slot !== a.slot) hits.set(slot, (hits.get(slot) ?? 0) + 1);
    }
    const out = new Map<number, number>();
    for (const [slot, n] of hits) {
      if (n < 2) continue;
      const overlap = containment(a.fp.shingles, this.slots[slot]!.fp.shingles);
      if (overlap >= NEAR_DUPLICATE) out.set(slot, overlap);
    }
    return out;
  }
}

/** Adds an article's slot to the postings of the entities it mentions. */
function post(byEntity: Map<string, Set<number>>, slot: number, counts: Map<string, number>): void {
  for (const id of counts.keys()) {
    let set = byEntity.get(id);
    if (!set) byEntity.set(id, (set = new Set()));
    set.add(slot);
  }
}

/** Two 32-bit FNV-1a variants in one 53-bit number: a collision between two versions of a text is negligible. */
function textHash(text: string): number {
  // Int32 from the start (0x811c9dc5 alone is a double), so that the loop stays in integer arithmetic.
  let a = 0x811c9dc5 | 0;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

function titleOf(text: string): string {
  const line = text.split(/\r?\n|\r/, 20).find((l) => l.trim()) ?? '';
  return own(line.trim().slice(0, 100));
}

/**
 * A copy of `s` that does not point into the string it was cut from: V8 keeps substrings of 13+ characters
 * as slices of their parent, so a title cut from an article kept the whole text alive (37 MB over the corpus).
 */
export function own(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'utf16le').toString('utf16le');
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
