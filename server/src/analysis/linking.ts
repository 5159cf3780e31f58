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

export class EntityLinker {
  private readonly files = new Map<string, ArticleAnalysis>();
  private dirty = true;
  private byId = new Map<string, Cluster>();
  private localToId = new Map<string, Map<string, string>>();

  set(file: string, analysis: ArticleAnalysis): void {
    this.files.set(file, analysis);
    this.dirty = true;
  }

  delete(file: string): void {
    if (this.files.delete(file)) this.dirty = true;
  }

  idOf(file: string, key: string): string | undefined {
    this.refresh();
    return this.localToId.get(file)?.get(key);
  }

  get(id: string): GlobalEntity | undefined {
    this.refresh();
    return this.byId.get(id)?.entity;
  }

  all(): GlobalEntity[] {
    this.refresh();
    return [...this.byId.values()].map((c) => c.entity);
  }

  /** Rebuilds the grouping from scratch: deterministic, so ids do not depend on the order of set() calls. */
  private refresh(): void {
    if (!this.dirty) return;
    this.dirty = false;
    const common = loadGazetteer().common;
    this.byId = new Map();
    this.localToId = new Map();
    const pending: { file: string; entity: LocalEntity; words: string[] }[] = [];
    const files = [...this.files.keys()].sort();
    for (const file of files) {
      this.localToId.set(file, new Map());
      for (const entity of this.files.get(file)!.entities) {
        if (entity.knownId) this.assign(file, entity, entity.knownId, nameWords(entity));
        else pending.push({ file, entity, words: nameWords(entity) });
      }
    }
    // Fullest names first, so that surnames and shorter spellings find the group they belong to.
    pending.sort((a, b) => b.words.length - a.words.length || cmp(a.entity.name, b.entity.name));
    const bySkeleton = new Map<string, Cluster[]>();
    const bySurname = new Map<string, Cluster[]>();
    for (const c of this.byId.values()) index(c, bySkeleton, bySurname);
    for (const { file, entity, words } of pending) {
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
        this.assign(file, entity, match.entity.id, words);
        continue;
      }
      const id = this.freshId(entity.type, words);
      const cluster = this.assign(file, entity, id, words);
      index(cluster, bySkeleton, bySurname);
    }
  }

  private assign(file: string, entity: LocalEntity, id: string, words: string[]): Cluster {
    let cluster = this.byId.get(id);
    if (!cluster) {
      cluster = {
        entity: { id, type: entity.type, canonicalAr: entity.canonicalAr ?? entity.name, spellings: [] },
        words,
      };
      if (entity.canonicalEn) cluster.entity.canonicalEn = entity.canonicalEn;
      this.byId.set(id, cluster);
    } else if (!entity.knownId && words.length > cluster.words.length) {
      cluster.words = words;
      cluster.entity.canonicalAr = entity.name;
    }
    if (!cluster.entity.spellings.includes(entity.name)) cluster.entity.spellings.push(entity.name);
    if (entity.role && !cluster.entity.role) cluster.entity.role = entity.role;
    this.localToId.get(file)!.set(entity.key, id);
    return cluster;
  }

  /** An id for a name no gazetteer knows: type and normalised name, suffixed if already taken. */
  private freshId(type: EntityType, words: string[]): string {
    const base = type.toLowerCase() + ':' + words.join('_');
    let id = base;
    for (let n = 2; this.byId.has(id); n++) id = base + '~' + n;
    return id;
  }
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
