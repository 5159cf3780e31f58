/**
 * General-knowledge gazetteer: countries and cities (generated from i18n-iso-countries and CLDR by
 * scripts/build-gazetteer.ts), plus curated organisations, media, officials, nationality adjectives,
 * titles and reporting verbs. Loaded once, indexed by normalised words for Map lookups.
 */
import type { EntityType } from './types';
import { normalizeWord, normalizePhrase, bareWord } from './normalize';
import places from '../../data/gazetteer-places.json';
import curated from '../../data/gazetteer-curated.json';
import common from '../../data/gazetteer-common.json';

export interface KnownEntity {
  id: string;
  type: EntityType;
  canonicalAr: string;
  canonicalEn?: string;
  /** For people: the organisation they lead or serve, their country and usual role. */
  org?: string;
  country?: string;
  role?: string;
}

/** One way of writing a known name. Multi-word names are matched on article-less words (see bareWord). */
export interface NameForm {
  entity: KnownEntity;
  words: string[];
  /** A common word as well as a name (العالم "the world", رئيسي "main"): needs supporting context. */
  weak: boolean;
}

/** The names that can start at one word reading: multi-word names by its bare form, and the single-word name. */
export interface NameStart {
  multi: NameForm[] | undefined;
  single: NameForm | undefined;
}

export interface Gazetteer {
  byId: Map<string, KnownEntity>;
  /** Single-word names by exact normalised form. */
  single: Map<string, NameForm>;
  /** Multi-word names by the bare form of their first word, longest first. */
  multi: Map<string, NameForm[]>;
  /** Nationality adjective (any gender/article form) → country id. */
  nisba: Map<string, string>;
  titles: Set<string>;
  roleWords: Set<string>;
  cues: Set<string>;
  continuationCues: Set<string>;
  /** The most frequent words of news text: a statistical name that is one of them needs more evidence. */
  common: Set<string>;
  /** Words never a name on their own, compared without the article: months, bare organisation heads. */
  notNames: Set<string>;
}

interface RawEntry { id: string; en?: string; ar: string[]; country?: string; org?: string; role?: string }

let cached: Gazetteer | undefined;

export function loadGazetteer(): Gazetteer {
  if (!cached) cached = build();
  return cached;
}

function build(): Gazetteer {
  const g: Gazetteer = {
    byId: new Map(), single: new Map(), multi: new Map(), nisba: new Map(),
    titles: wordSet(curated.titles), roleWords: wordSet(curated.roleWords),
    cues: wordSet(curated.cues), continuationCues: wordSet(curated.continuationCues), common: new Set(common),
    notNames: new Set(curated.notNames.map((w) => bareWord(normalizeWord(w)))),
  };
  const weak = wordSet(curated.weakForms);
  const add = (raw: RawEntry, type: EntityType): void => {
    let entity = g.byId.get(raw.id);
    if (!entity) {
      entity = { id: raw.id, type, canonicalAr: raw.ar[0] };
      if (raw.en) entity.canonicalEn = raw.en;
      if (raw.country) entity.country = raw.country;
      if (raw.org) entity.org = raw.org;
      if (raw.role) entity.role = raw.role;
      g.byId.set(raw.id, entity);
    }
    for (const name of raw.ar) {
      const words = normalizePhrase(name).split(' ');
      if (words.length === 1) {
        if (!g.single.has(words[0])) g.single.set(words[0], { entity, words, weak: weak.has(words[0]) });
        continue;
      }
      const bare = words.map(bareWord);
      const list = g.multi.get(bare[0]) ?? [];
      if (!list.some((f) => f.words.join(' ') === bare.join(' '))) list.push({ entity, words: bare, weak: false });
      list.sort((a, b) => b.words.length - a.words.length);
      g.multi.set(bare[0], list);
    }
  };
  // Order decides conflicts: organisations and people before places, curated before generated.
  for (const o of curated.orgs as RawEntry[]) add(o, 'ORG');
  for (const p of curated.people as RawEntry[]) add(p, 'PER');
  const curatedPlaces = new Map((curated.places as RawEntry[]).map((p) => [p.id, p]));
  for (const c of places.countries as RawEntry[]) {
    const extra = curatedPlaces.get(c.id);
    add({ ...c, ar: extra ? [...extra.ar, ...c.ar] : c.ar, en: extra?.en ?? c.en }, 'LOC');
  }
  for (const p of curatedPlaces.values()) add(p, 'LOC');
  for (const c of places.cities as RawEntry[]) add(c, 'LOC');

  const nisbaLists: [string, string[]][] = (places.countries as { id: string; nisba?: string[] }[])
    .map((c) => [c.id, c.nisba ?? []] as [string, string[]])
    .concat(Object.entries(curated.nisba as Record<string, string[]>));
  for (const [id, forms] of nisbaLists) {
    for (const form of forms) {
      const n = normalizeWord(form);
      // Masculine/feminine, singular/plural, with or without the article: الإيراني، الإيرانية، إيرانيون.
      for (const ending of ['', 'ه', 'ين', 'ون']) {
        for (const article of ['', 'ال']) {
          const key = article + n + ending;
          if (!g.nisba.has(key)) g.nisba.set(key, id);
        }
      }
    }
  }
  return g;
}

function wordSet(words: string[]): Set<string> {
  return new Set(words.map(normalizeWord));
}
