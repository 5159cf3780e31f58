/**
 * Cross-article linking: one global id per real-world entity whatever the spelling.
 * Gazetteer entities keep their slug id. Other names are grouped by type and consonant skeleton, and a
 * candidate joins a group only when an edit-distance check on the normalised words agrees, so that
 * حسن and حسين (same skeleton) stay apart. A bare surname joins a full name only when exactly one
 * full name in the run ends with it and the surname is long and not a frequent word of news text.
 */
import type { ArticleAnalysis, EntityType, LocalEntity } from './types';
import { normalizePhrase, skeleton, bareWord } from './normalize';
import { loadGazetteer } from './gazetteer';

export interface GlobalEntity {
  id: string;
  type: EntityType;
  canonicalAr: string;
  canonicalEn?: string;
  spellings: string[];
  role?: string;
}

interface Cluster {
  entity: GlobalEntity;
  /** Normalised words of the fullest name, for verification. */
  words: string[];
}

/** One grouping of every name of the run: global clusters, and per file its local keys' global ids. */
interface Grouping {
  byId: Map<string, Cluster>;
  localToId: Map<string, Map<string, string>>;
}

/** Names grouped between two pauses of a sliced regrouping. */
const NAMES_PER_STEP = 64;

export class EntityLinker {
  private readonly files = new Map<string, ArticleAnalysis>();
  private dirty = true;
  private grouping: Grouping = { byId: new Map(), localToId: new Map() };
  /** Set while regroupInSlices runs: queries meanwhile read the previous grouping. */
  private regrouping: Promise<void> | undefined;

  set(file: string, analysis: ArticleAnalysis): void {
    if (this.files.get(file) === analysis) return; // the CLI's run and its related articles share one linker
    this.files.set(file, analysis);
    this.dirty = true;
  }

  delete(file: string): void {
    if (this.files.delete(file)) this.dirty = true;
  }

  idOf(file: string, key: string): string | undefined {
    this.refresh();
    return this.grouping.localToId.get(file)?.get(key);
  }

  get(id: string): GlobalEntity | undefined {
    this.refresh();
    return this.grouping.byId.get(id)?.entity;
  }

  all(): GlobalEntity[] {
    this.refresh();
    return [...this.grouping.byId.values()].map((c) => c.entity);
  }

  /**
   * Regroups without holding the thread for more than `sliceMs` at a time (a workspace's ~2,900 articles take
   * ~0.4 s in all); queries meanwhile read the previous grouping. Changes made meanwhile are regrouped too.
   */
  regroupInSlices(sliceMs: number): Promise<void> {
    this.regrouping ??= this.runInSlices(sliceMs).finally(() => (this.regrouping = undefined));
    return this.regrouping;
  }

  private async runInSlices(sliceMs: number): Promise<void> {
    while (this.dirty) {
      this.dirty = false;
      const steps = group(new Map(this.files));
      for (;;) {
        const sliceEnd = performance.now() + sliceMs;
        let step = steps.next();
        while (!step.done && performance.now() < sliceEnd) step = steps.next();
        if (step.done) {
          this.grouping = step.value;
          break;
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }

  /** Regroups at once if anything changed, unless a sliced regrouping is under way. */
  private refresh(): void {
    if (!this.dirty || this.regrouping) return;
    this.dirty = false;
    const steps = group(this.files);
    let step = steps.next();
    while (!step.done) step = steps.next();
    this.grouping = step.value;
  }
}

/**
 * Groups the names of `files` from scratch: deterministic, so ids do not depend on the order of set() calls.
 * Pauses (yields) every few names, so that a caller can spread the work.
 */
function* group(files: Map<string, ArticleAnalysis>): Generator<void, Grouping> {
  const grouping: Grouping = { byId: new Map(), localToId: new Map() };
  const common = loadGazetteer().common;
  const pending: { file: string; entity: LocalEntity; words: string[] }[] = [];
  let names = 0;
  for (const file of [...files.keys()].sort()) {
    grouping.localToId.set(file, new Map());
    for (const entity of files.get(file)!.entities) {
      if (entity.knownId) assign(grouping, file, entity, entity.knownId, nameWords(entity));
      else pending.push({ file, entity, words: nameWords(entity) });
      if (++names % NAMES_PER_STEP === 0) yield;
    }
  }
  // Fullest names first, so that surnames and shorter spellings find the group they belong to.
  pending.sort((a, b) => b.words.length - a.words.length || cmp(a.entity.name, b.entity.name));
  yield;
  const bySkeleton = new Map<string, Cluster[]>();
  const bySurname = new Map<string, Cluster[]>();
  for (const c of grouping.byId.values()) index(c, bySkeleton, bySurname);
  for (const { file, entity, words } of pending) {
    if (++names % NAMES_PER_STEP === 0) yield;
    const key = entity.type + ':' + skeleton(words.join(' '));
    let match = (bySkeleton.get(key) ?? []).find((c) => c.entity.type === entity.type && sameName(c.words, words));
    // A bare surname joins a full name from another article only if it is rare enough to identify him.
    if (!match && entity.type === 'PER' && words.length === 1 && words[0].length >= 5 && !common.has(words[0])) {
      const full = (bySurname.get(skeleton(words[0])) ?? []).filter(
        (c) => c.entity.type === 'PER' && c.words.length > 1 && similar(c.words[c.words.length - 1], words[0]),
      );
      if (full.length === 1) match = full[0];
    }
    if (match) {
      assign(grouping, file, entity, match.entity.id, words);
      continue;
    }
    const cluster = assign(grouping, file, entity, freshId(grouping, entity.type, words), words);
    index(cluster, bySkeleton, bySurname);
  }
  return grouping;
}

function assign(grouping: Grouping, file: string, entity: LocalEntity, id: string, words: string[]): Cluster {
  let cluster = grouping.byId.get(id);
  if (!cluster) {
    cluster = {
      entity: { id, type: entity.type, canonicalAr: entity.canonicalAr ?? entity.name, spellings: [] },
      words,
    };
    if (entity.canonicalEn) cluster.entity.canonicalEn = entity.canonicalEn;
    grouping.byId.set(id, cluster);
  } else if (!entity.knownId && words.length > cluster.words.length) {
    cluster.words = words;
    cluster.entity.canonicalAr = entity.name;
  }
  if (!cluster.entity.spellings.includes(entity.name)) cluster.entity.spellings.push(entity.name);
  if (entity.role && !cluster.entity.role) cluster.entity.role = entity.role;
  grouping.localToId.get(file)!.set(entity.key, id);
  return cluster;
}

/** An id for a name no gazetteer knows: type and normalised name, suffixed if already taken. */
function freshId(grouping: Grouping, type: EntityType, words: string[]): string {
  const base = type.toLowerCase() + ':' + words.join('_');
  let id = base;
  for (let n = 2; grouping.byId.has(id); n++) id = base + '~' + n;
  return id;
}

function index(c: Cluster, bySkeleton: Map<string, Cluster[]>, bySurname: Map<string, Cluster[]>): void {
  push(bySkeleton, c.entity.type + ':' + skeleton(c.words.join(' ')), c);
  if (c.words.length > 1) push(bySurname, skeleton(c.words[c.words.length - 1]), c);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function nameWords(entity: LocalEntity): string[] {
  const words = normalizePhrase(entity.name).split(' ');
  // The article is not part of a name's identity for matching (الناتو / ناتو).
  return entity.type === 'PER' ? words : words.map(bareWord);
}

function sameName(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!similar(a[i], b[i])) return false;
  return true;
}

/** Two normalised words are spellings of one name: few edits, none of them in a short word. */
export function similar(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 5) return false;
  return editDistance(a, b) <= (shorter >= 7 ? 2 : 1);
}

export function editDistance(a: string, b: string): number {
  let prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
