/**
 * Named entities (PER/LOC/ORG) with the span rules of the gold guidelines: proclitics and titles outside
 * the span, the article kept when the name has it, لل contracted to ل + ال (span after the first ل).
 * Sources, by priority: gazetteer names (longest match), names given in scare quotes, then document-level
 * consistency (a name found once is found everywhere; a bare surname belongs to the full name).
 */
import type { EntityType, LocalEntity, Mention, Token } from './types';
import { loadGazetteer, type Gazetteer, type KnownEntity } from './gazetteer';
import { hashesOfFormsReadAs, hashSpelling, tokenAt, type Reading, type WordToken, type WordType } from './tokenize';
import { taggedSpans, type TaggedSpan } from './statistical';
import { bareWord, normalizeWord, originalIndex } from './normalize';

/** A mention before keys are assigned: token range [first, last] plus the proclitic cut on the first token. */
interface Candidate {
  first: number;
  last: number;
  start: number;
  end: number;
  type: EntityType;
  known?: KnownEntity;
  /** Normalised words of the name as written (first word without its proclitics). */
  words: string[];
}

export interface EntityResult {
  mentions: Mention[];
  entities: LocalEntity[];
  /** Token index → index in `mentions`, for the quote attribution. */
  tokenMention: Int32Array;
}

/** A span the quote finder judged to be a quoted name (“داعش”), with the type to use when nothing knows it. */
export interface QuotedName {
  start: number;
  end: number;
}

const BYLINE_PUNCT = /^\s*[-–—:|]/;
// Words that introduce a name: "called", and the heads of group names (تنظيم "…", حركة "…").
const NAMING_CUES = new Set(
  ['تسمى', 'يسمى', 'المسماة', 'المسمى', 'تدعى', 'يدعى', 'باسم', 'اسم', 'تنظيم', 'حركة', 'جماعة', 'حزب', 'جبهة', 'منظمة', 'ميليشيا', 'كتائب', 'تحالف']
    .map(normalizeWord),
);
// Head nouns that open an organisation's name.
const ORG_HEADS = new Set(
  ['منظمة', 'وكالة', 'حزب', 'حركة', 'جبهة', 'جمعية', 'هيئة', 'مؤسسة', 'شركة', 'مركز', 'صحيفة', 'قناة', 'جامعة', 'بنك', 'مصرف', 'تنظيم', 'جماعة',
    'معهد', 'كلية', 'نادي', 'مستشفى', 'اتحاد', 'دار', 'وزارة', 'مجلس']
    .map(normalizeWord),
);
const ORGANISING = normalizeWord('تنظيم');
// A ministry is named by its field, a common definite noun (وزارة النقل، وزارة التربية والتعليم).
const MINISTRY = normalizeWord('وزارة');
// Councils that are institutions of state, named by a common word: parliaments and cabinets (مجلس النواب،
// مجلس الوزراء). A council of anything else (مجلس الإدارة، مجلس أمناء) names no organisation.
const COUNCIL = normalizeWord('مجلس');
const COUNCIL_FIELDS = new Set(
  ['الوزراء', 'النواب', 'الشورى', 'الأمة', 'الشعب', 'الشيوخ', 'الدولة', 'الأعيان', 'الرئاسة', 'السيادة', 'الحكم', 'التعاون', 'الدوما']
    .map(normalizeWord),
);
// Imperfect verbs in the dual/plural (تدعمان، يعترفان، يقولون) that a tagger may glue to a name.
const VERB_LIKE = /^[يت][\u0621-\u064A]{3,}(ان|ون)$/;
const DIGITS = /^[0-9]/;
const GIVEN_TITLES = new Set(['امين']);
const FORMULA = new Set(['صلى', 'رضي', 'رحمه', 'رحمها', 'عليه', 'عليها', 'تعالى', 'سبحانه'].map(normalizeWord));
// Words that open a name after a preposition: لأبي حامد الغرناطي، لابن شهيد، بعبد الله.
const NAME_PARTICLES = new Set(['ابي', 'ابو', 'ابا', 'ابن', 'بن', 'عبد', 'ام']);
const ARABIC_LETTER = /[\u0621-\u064A]/;
const ARABIC_NAME = /^[\u0621-\u064A\u067E-\u06D3]{3,}$/;
// Prepositions, particles and pronouns: never the first or last word of a name (تينا على، في باريس).
const FUNCTION_WORDS = new Set(
  ['على', 'علي', 'عن', 'من', 'في', 'فى', 'إلى', 'الى', 'إلي', 'مع', 'أن', 'إن', 'ان', 'أنه', 'انه', 'الذي', 'التي', 'الذين', 'بعد', 'قبل', 'حتى',
    'منذ', 'عند', 'لدى', 'أو', 'او', 'ثم', 'هو', 'هي', 'كان', 'كانت', 'قد', 'لا', 'لم', 'لن', 'ما', 'هذا', 'هذه', 'ذلك', 'تلك', 'بين', 'خلال', 'حول', 'ضد', 'عبر', 'نحو', 'لدي']
    .map(normalizeWord),
);

/**
 * A lone definite word the tagger reads as a person right after a reporting verb (وقال الشاهد، وأضاف المصدر) is
 * an agent noun unless it has the -ي ending of family names (الزغبي، المالكي); surnames of full names in the
 * article are kept earlier.
 */
function agentNoun(g: Gazetteer, tokens: WordToken[], c: Candidate): boolean {
  const w = c.words[0];
  if (c.type !== 'PER' || c.words.length > 1 || !w.startsWith('ال') || w.endsWith('ي') || c.first === 0) return false;
  return tokens[c.first - 1].word.readings.some((r) => g.cues.has(r.stem));
}

export function findEntities(text: string, tokens: WordToken[], quotedNames: QuotedName[] = []): EntityResult {
  const g = loadGazetteer();
  const taken = new Uint8Array(tokens.length);
  const found: Candidate[] = [];
  const article = numberWordTypes(tokens);
  const accept = (c: Candidate): void => {
    for (let k = c.first; k <= c.last; k++) taken[k] = 1;
    found.push(c);
  };

  for (let i = 0; i < tokens.length; i++) {
    if (taken[i]) continue;
    const c = matchKnown(g, text, tokens, i);
    if (c && (!c.weak || weakSupported(g, text, tokens, i))) {
      accept(c.cand);
      i = c.cand.last;
    }
  }

  // A quoted word nobody knows, introduced as a name ("تسمى "أجوس"", تنظيم "…"), names a group or pact.
  for (const q of quotedNames) {
    const i = tokenAt(tokens, q.start);
    if (i < 1 || i >= tokens.length || tokens[i].end > q.end || taken[i] || !NAMING_CUES.has(tokens[i - 1].norm) || !ARABIC_NAME.test(tokens[i].text)) continue;
    accept({ first: i, last: i, start: tokens[i].start, end: tokens[i].end, type: 'ORG', words: [tokens[i].norm] });
  }

  // Head noun + rare word is stronger evidence than the tagger, which may read the rare word as a person.
  const places = new Map(found.filter((c) => c.type === 'LOC' && c.first === c.last && c.start === tokens[c.first].start).map((c) => [c.first, c]));
  const absorbed = new Set<Candidate>();
  // The reading of each word type that is an organisation head noun (-1: none), found once per type.
  for (let i = 0; i < tokens.length; i++) {
    const head = withFacts(g, tokens[i].word).orgHead;
    const c = !taken[i] && head >= 0 && headedOrganisation(g, text, tokens, tokens[i].word.readings[head], i, taken, places);
    if (c) {
      // A place inside the name (حركة تحرير السودان، بنك الجزائر) is part of the organisation, not a mention.
      for (let k = c.first + 1; k <= c.last; k++) if (places.has(k)) absorbed.add(places.get(k)!);
      accept(c);
      i = c.last;
    }
  }
  if (absorbed.size > 0) {
    let n = 0;
    for (const c of found) if (!absorbed.has(c)) found[n++] = c;
    found.length = n;
  }

  const wordCounts = new WordCounts(article);
  const tagged = new Uint8Array(tokens.length);
  const statistical: Candidate[] = [];
  for (const span of taggedSpans(text, tokens)) {
    for (let k = span.first; k <= span.last; k++) tagged[k] = 1;
    const c = fromTagger(g, tokens, span, taken, wordCounts);
    if (c) statistical.push(c);
  }
  // A frequent word alone (حزب، الثورة، كان) is a name only as the surname of a full name in this article.
  const surnames = new Set([...found, ...statistical].filter((c) => c.words.length > 1).map((c) => c.words[c.words.length - 1]));
  for (const c of statistical) if (c.words.length > 1 || surnames.has(c.words[0]) || (!g.common.has(c.words[0]) && !agentNoun(g, tokens, c))) accept(c);

  propagate(g, text, tokens, article, taken, tagged, found, accept);
  found.sort((a, b) => a.start - b.start);
  return assignKeys(g, text, tokens, found);
}

/**
 * A tagger span as a mention: gazetteer matches win any overlap, titles, descriptive and function words and
 * numbers at the edges are trimmed, and the first word loses a proclitic when what remains is a known word,
 * a word of this article, a name with its article (بالـ، والـ، لل), or when the conjunction و leaves three letters or
 * more and the article never writes the word with its و again (واسرمان twice is a name starting with و).
 */
function fromTagger(
  g: Gazetteer, tokens: WordToken[], span: TaggedSpan, taken: Uint8Array, wordCounts: WordCounts,
): Candidate | undefined {
  for (let k = span.first; k <= span.last; k++) if (taken[k]) return undefined;
  const descriptive = (word: WordType): boolean =>
    titleStem(g, word) !== undefined || g.roleWords.has(word.norm) || g.nisba.has(word.norm) || g.cues.has(word.norm) || FUNCTION_WORDS.has(word.norm);
  let first = span.first;
  let last = span.last;
  const edge = (word: WordType): boolean => descriptive(word) || VERB_LIKE.test(word.norm) || DIGITS.test(word.norm) || FORMULA.has(word.norm);
  while (first <= last && edge(tokens[first].word)) first++;
  // At the end, role words (عبد الله), titles that are also given names (محمد أمين) and whatever follows a name
  // particle (بن علي: علي, not the preposition على) belong to the name.
  const ofName = (k: number): boolean =>
    g.roleWords.has(tokens[k].norm) || GIVEN_TITLES.has(tokens[k].norm) || (k > first && NAME_PARTICLES.has(tokens[k - 1].norm));
  while (last >= first && !ofName(last) && edge(tokens[last].word)) last--;
  // "علي بن داود والعتابي": a coordinated definite word starts another name; a blessing formula
  // (محمد صلى الله عليه وسلم، عمر رضي الله عنه) follows the name.
  for (let k = first + 1; k <= last; k++) {
    if (tokens[k].norm.startsWith('وال') || FORMULA.has(tokens[k].norm)) {
      last = k - 1;
      break;
    }
  }
  if (first > last) return undefined;
  const t = tokens[first];
  let cut = 0;
  let stem = t.norm;
  for (const r of t.word.readings) {
    if (r.cut === 0) continue;
    // The article's word counts are asked last: they cost the most.
    const known = (r.stem.startsWith('ال') && r.stem.length > 3) || g.single.has(r.stem) || NAME_PARTICLES.has(r.stem) ||
      (r.stem.length >= 4 && !g.common.has(r.stem) && wordCounts.of(r.stem) > 0);
    const conjunction = !known && r.cut === 1 && t.norm[0] === 'و' && r.stem.length >= 3 && !keepsWaw(g, wordCounts, t.norm, r.stem);
    if (known || conjunction) {
      cut = r.cut;
      stem = r.stem;
    }
  }
  // A proclitic alone (وب"…") or a bare head noun or month (لجامعة) is not a name.
  if (ARABIC_LETTER.test(stem) && stem.length < 3) return undefined;
  if (first === last && t.word.readings.some((r) => g.notNames.has(bareWord(r.stem)))) return undefined;
  const words = [stem, ...tokens.slice(first + 1, last + 1).map((x) => x.norm)];
  const start = t.start + (cut ? originalIndex(t.text, cut) : 0);
  return { first, last, start, end: tokens[last].end, type: span.type, words };
}

/** Whether a word written with و is a name starting with و: the article writes it so twice, never without it. */
function keepsWaw(g: Gazetteer, wordCounts: WordCounts, norm: string, stem: string): boolean {
  return !g.common.has(stem) && wordCounts.of(norm) >= 2 && wordCounts.of(stem) === 0;
}

/**
 * An organisation named by its head noun: منظمة/وكالة/حزب/مركز … followed by at least one rare word or a
 * place (a name, not a description), or a ministry by its field (وزارة النقل), and then complements (وكالة مهر
 * للأنباء، حزب العدالة والتنمية، حركة تحرير السودان، وزارة التربية والتعليم، وزارة الخارجية الروسية).
 */
function headedOrganisation(
  g: Gazetteer, text: string, tokens: WordToken[], r: Reading, i: number, taken: Uint8Array, places: Map<number, Candidate>,
): Candidate | undefined {
  let last = i;
  const ministry = r.stem === MINISTRY;
  const council = r.stem === COUNCIL;
  for (let k = i + 1; k < tokens.length && spaceBetween(text, tokens[k - 1], tokens[k]); k++) {
    const norm = tokens[k].norm;
    if (ministry || council) {
      // Its field (وزارة المالية: finance, even where the word reads as a nisba; مجلس النواب), then the country's
      // nisba (وزارة الخارجية الروسية، مجلس الشعب المصري) or, for a ministry, one more field (التربية والتعليم,
      // but not والنادي).
      const first = ministry ? norm.startsWith('ال') && norm.length > 3 : COUNCIL_FIELDS.has(norm);
      // A definite relational adjective qualifies a ministry's field (وزارة الشؤون الاجتماعية، التعليم العالي).
      const qualifies = ministry && norm.startsWith('ال') && /يه?$/.test(norm);
      const more = g.nisba.has(norm) || qualifies || (ministry && norm.startsWith('وال') && !ORG_HEADS.has(bareWord(norm.slice(1))));
      const field = !taken[k] && (last === i ? first : last === i + 1 && more);
      if (!field) break;
      last = k;
      continue;
    }
    // A place written without proclitic right after the head or its first word names which one (بنك الجزائر).
    if (taken[k]) {
      if (!places.has(k) || last > i + 1) break;
      last = k;
      continue;
    }
    const isRare = (w: string): boolean => !g.common.has(w) && !g.nisba.has(w) && !g.notNames.has(bareWord(w)) && ARABIC_NAME.test(w);
    // منظمة ومتخصصة: a conjunction, no name. An indefinite word that agrees with the head as an adjective is
    // almost never a name: in ة after a feminine head (شركة عالمية، جبهة موحدة), a nisba in ي after a masculine one
    // (حزب سياسي، مركز تجاري). Known places (بنك دبي) were taken before. تنظيم + an indefinite word is the verbal
    // noun, "organising" (تنظيم دورات), not an organisation.
    const feminine = tokens[i].text.endsWith('ة');
    const adjective = !norm.startsWith('ال') && (feminine ? tokens[k].text.endsWith('ة') : tokens[k].text.endsWith('ي'));
    const verbalNoun = r.stem === ORGANISING && !norm.startsWith('ال');
    const rare = last === i && norm[0] !== 'و' && !adjective && !verbalNoun && isRare(norm);
    // Complements: genitives with لل (للأنباء), coordinated words (العدالة والتنمية), and a nisba that says
    // which one (وكالة الأنباء السورية).
    const coordinated = norm[0] === 'و' && (isRare(norm.slice(1)) || (norm.startsWith('وال') && tokens[k - 1].norm.startsWith('ال')));
    const complement = last > i && ((norm.startsWith('لل') && !g.common.has(norm)) || coordinated);
    const which = last === i + 1 && g.nisba.has(norm);
    // للعلوم التقنية: a definite adjective completes a لل genitive.
    const qualifier = last > i && tokens[last].norm.startsWith('لل') && norm.startsWith('ال') && isRare(norm);
    if (!rare && !complement && !which && !qualifier) break;
    last = k;
  }
  if (last === i) return undefined;
  const words = [r.stem, ...tokens.slice(i + 1, last + 1).map((t) => t.norm)];
  const start = tokens[i].start + (r.cut ? originalIndex(tokens[i].text, r.cut) : 0);
  return { first: i, last, start, end: tokens[last].end, type: 'ORG', words };
}

interface KnownMatch {
  cand: Candidate;
  weak: boolean;
}

/** Longest gazetteer name starting at token i, trying the whole word before any proclitic reading. */
function matchKnown(g: Gazetteer, text: string, tokens: WordToken[], i: number): KnownMatch | undefined {
  const starts = withFacts(g, tokens[i].word).nameStarts;
  if (!starts) return undefined;
  let best: KnownMatch | undefined;
  for (let n = 0; n < starts.length; n++) {
    const r = tokens[i].word.readings[n];
    const { multi: forms, single } = starts[n];
    if (forms) {
      for (const f of forms) {
        const last = i + f.words.length - 1;
        if (best && last <= best.cand.last) break;
        if (last >= tokens.length) continue;
        let ok = true;
        for (let k = 1; k < f.words.length && ok; k++) {
          ok = bareWord(tokens[i + k].norm) === f.words[k] && spaceBetween(text, tokens[i + k - 1], tokens[i + k]);
        }
        if (ok) {
          const words = [r.stem, ...tokens.slice(i + 1, last + 1).map((t) => t.norm)];
          best = { cand: candidate(tokens, i, last, r.cut, f.entity, words), weak: f.weak };
          break;
        }
      }
    }
    if (single && !best) best = { cand: candidate(tokens, i, i, r.cut, single.entity, [r.stem]), weak: single.weak };
    if (best) return best;
  }
  return best;
}

/**
 * A word type with what the gazetteer says of it filled in (the names each reading can start, its organisation-head
 * and cue readings): computed once per spelling, since word types are shared by every token of a spelling and the
 * gazetteer never changes.
 */
export function withFacts(g: Gazetteer, word: WordType): WordType {
  if (word.nameStarts === undefined) {
    const starts = word.readings.map((r) => ({
      // A whole word in لل is ل + ال: only its cut reading may start a name (the span starts after the first ل).
      multi: r.stem.startsWith('لل') ? undefined : g.multi.get(bareWord(r.stem)),
      single: g.single.get(r.stem),
    }));
    word.nameStarts = starts.some((s) => s.multi || s.single) ? starts : null;
    word.orgHead = readingIn(word, ORG_HEADS);
    word.cue = readingIn(word, g.cues);
  }
  return word;
}

/** The article's word types numbered densely, each token's number and each type's count: per-type facts in arrays. */
interface ArticleWords {
  types: WordType[];
  typeOf: Int32Array;
  counts: Int32Array;
  /** Each type's `normHash`, copied while the types are fresh in memory: later passes compare forms here. */
  normHashes: Int32Array;
}

/**
 * How many tokens of the article write a normalised word (spellings differing in marks share a form). An article
 * asks a handful of times, so the first questions scan its word types; one that asks often gets a Map of all.
 */
class WordCounts {
  private asked = 0;
  private byNorm: Map<string, number> | undefined;

  constructor(private readonly article: ArticleWords) {}

  of(norm: string): number {
    if (this.byNorm === undefined && ++this.asked > SCANNED_QUESTIONS) this.byNorm = countWords(this.article);
    if (this.byNorm !== undefined) return this.byNorm.get(norm) ?? 0;
    const { types, counts, normHashes } = this.article;
    const hash = hashSpelling(norm);
    let count = 0;
    for (let n = 0; n < types.length; n++) if (normHashes[n] === hash && types[n].norm === norm) count += counts[n];
    return count;
  }
}

// A scan compares one number per word type where the Map hashes and stores a string: past this many questions, the Map pays.
const SCANNED_QUESTIONS = 64;

/** Normalised word → how many tokens of the article have it. */
function countWords(article: ArticleWords): Map<string, number> {
  const counts = new Map<string, number>();
  for (let n = 0; n < article.types.length; n++) {
    const norm = article.types[n].norm;
    counts.set(norm, (counts.get(norm) ?? 0) + article.counts[n]);
  }
  return counts;
}

// Serial of the article being numbered: marks which word types numberWordTypes has already met in it.
let articleSerial = 0;

function numberWordTypes(tokens: WordToken[]): ArticleWords {
  const serial = ++articleSerial;
  const types: WordType[] = [];
  const typeOf = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i].word;
    if (word.seenIn !== serial) {
      word.seenIn = serial;
      word.numberInArticle = types.length;
      types.push(word);
    }
    typeOf[i] = word.numberInArticle;
  }
  const counts = new Int32Array(types.length);
  for (let i = 0; i < tokens.length; i++) counts[typeOf[i]]++;
  const normHashes = new Int32Array(types.length);
  for (let n = 0; n < types.length; n++) normHashes[n] = types[n].normHash;
  return { types, typeOf, counts, normHashes };
}

/** Index of the first reading of a word whose stem is in `stems`, or -1. */
function readingIn(word: WordType, stems: { has(stem: string): boolean }): number {
  const rs = word.readings;
  for (let n = 0; n < rs.length; n++) if (stems.has(rs[n].stem)) return n;
  return -1;
}

function candidate(tokens: WordToken[], first: number, last: number, cut: number, known: KnownEntity, words: string[]): Candidate {
  const t = tokens[first];
  const start = t.start + (cut ? originalIndex(t.text, cut) : 0);
  return { first, last, start, end: tokens[last].end, type: known.type, known, words };
}

function spaceBetween(text: string, a: Token, b: Token): boolean {
  for (let p = a.end; p < b.start; p++) {
    const c = text.charCodeAt(p);
    if (c !== 0x20 && c !== 0xa0 && c !== 0x09) return false;
  }
  return true;
}

/** A word that is also a name counts when a title precedes it or it stands as a byline (العالم - …, خاص بالعالم). */
function weakSupported(g: Gazetteer, text: string, tokens: WordToken[], i: number): boolean {
  const prev = i > 0 ? tokens[i - 1] : undefined;
  if (prev && g.titles.has(prev.norm) && spaceBetween(text, prev, tokens[i])) return true;
  if (prev && (prev.norm === 'خاص' || prev.norm === 'المصدر')) return true;
  const lineStart = !prev || text.slice(prev.end, tokens[i].start).includes('\n');
  return lineStart && BYLINE_PUNCT.test(text.slice(tokens[i].end, tokens[i].end + 3));
}

/**
 * Document-level consistency: every name already found (and the surname of every multi-word person name)
 * is looked for again in the tokens not yet covered, with the same proclitic readings.
 */
function propagate(
  g: Gazetteer, text: string, tokens: WordToken[], article: ArticleWords, taken: Uint8Array, tagged: Uint8Array, found: Candidate[],
  accept: (c: Candidate) => void,
): void {
  // One entry per distinct phrase: a name repeated a thousand times must not be scanned a thousand times.
  const phrases = new Map<string, Candidate[]>();
  const registered = new Set<string>();
  const register = (words: string[], c: Candidate): void => {
    const key = `${c.type} ${c.known?.id ?? ''} ${words.join(' ')}`;
    if (registered.has(key)) return;
    registered.add(key);
    const list = phrases.get(words[0]) ?? [];
    list.push({ ...c, words });
    phrases.set(words[0], list);
  };
  for (const c of found) {
    register(c.words, c);
    if (c.type !== 'PER' || c.words.length < 2) continue;
    // The surname with its particle (بن علي of زين العابدين بن علي), or alone unless it is a word that is never a
    // name alone (الله of عبد الله; على of يوسف عبد على, which ى→ي matching makes the preposition).
    const surname = surnameOf(c.words);
    if (surname.length > 1 || (!g.notNames.has(bareWord(surname[0])) && !FUNCTION_WORDS.has(surname[0]))) register(surname, c);
  }
  // Longest phrase first; the sort is stable, so among equals the first one found wins.
  for (const list of phrases.values()) list.sort((a, b) => b.words.length - a.words.length);
  // Whether some reading of a word type starts a phrase: asked once per type, not per token, and first of the hash
  // of its form, which turns most types away without reading their readings.
  const startForms = new Set<number>();
  for (const first of phrases.keys()) for (const hash of hashesOfFormsReadAs(first)) startForms.add(hash);
  const mayStart = new Uint8Array(article.types.length);
  for (let n = 0; n < article.types.length; n++) {
    mayStart[n] = startForms.has(article.normHashes[n]) && readingIn(article.types[n], phrases) >= 0 ? 1 : 0;
  }
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i] || !mayStart[article.typeOf[i]]) continue;
    for (const r of tokens[i].word.readings) {
      const list = phrases.get(r.stem);
      const hit = list?.find((c) => {
        const last = i + c.words.length - 1;
        if (last >= tokens.length) return false;
        for (let k = 1; k < c.words.length; k++) {
          if (taken[i + k] || tokens[i + k].norm !== c.words[k] || !spaceBetween(text, tokens[i + k - 1], tokens[i + k])) return false;
        }
        return true;
      });
      if (!hit) continue;
      // A weak gazetteer word (العالم) only repeats as the same name when it is a person's surname.
      const single = g.single.get(r.stem);
      if (single?.weak && hit.type !== 'PER') continue;
      // A frequent word or a nationality adjective (العربي of نبيل العربي) repeats as a name only where the
      // tagger also reads a name or a reporting verb has it as subject (وأضاف العربي).
      const afterCue = i > 0 && tokens[i - 1].word.readings.some((x) => g.cues.has(x.stem));
      if (hit.words.length === 1 && (g.common.has(r.stem) || g.nisba.has(r.stem)) && !tagged[i] && !afterCue && !g.single.has(r.stem)) continue;
      const last = i + hit.words.length - 1;
      const t = tokens[i];
      const start = t.start + (r.cut ? originalIndex(t.text, r.cut) : 0);
      const c: Candidate = { first: i, last, start, end: tokens[last].end, type: hit.type, words: hit.words };
      if (hit.known) c.known = hit.known;
      accept(c);
      i = last;
      break;
    }
  }
}

function assignKeys(g: Gazetteer, text: string, tokens: WordToken[], found: Candidate[]): EntityResult {
  // Surname → key of the full name it belongs to, when exactly one full name in the article ends with it.
  const fullBySurname = new Map<string, string | null>();
  for (const c of found) {
    if (c.type !== 'PER' || c.words.length < 2) continue;
    const s = surnameOf(c.words).join(' ');
    const key = keyOf(c);
    fullBySurname.set(s, fullBySurname.has(s) && fullBySurname.get(s) !== key ? null : key);
  }
  const mentions: Mention[] = [];
  const entities = new Map<string, LocalEntity & { words: number }>();
  const tokenMention = new Int32Array(tokens.length).fill(-1);
  for (const c of found) {
    let key = keyOf(c);
    let type = c.type;
    // A bare surname belongs to the full name written elsewhere in the article, even where the tagger read it as
    // a place or an organisation (خلود الجابري … وأضافت الجابري).
    const full = !c.known && c.words.length <= 2 ? fullBySurname.get(c.words.join(' ')) : undefined;
    if (full) {
      key = full;
      type = 'PER';
    }
    const mentionText = text.slice(c.start, c.end);
    for (let k = c.first; k <= c.last; k++) tokenMention[k] = mentions.length;
    mentions.push({ start: c.start, end: c.end, text: mentionText, type, key });
    let entity = entities.get(key);
    if (!entity) {
      entity = { key, type, name: mentionText, words: c.words.length };
      entities.set(key, entity);
    } else if (c.words.length > entity.words) {
      entity.name = mentionText;
      entity.words = c.words.length;
    }
    // What the gazetteer knows of the entity, even where its bare surname came first (رئيسي … إبراهيم رئيسي).
    if (c.known && entity.knownId === undefined) {
      entity.knownId = c.known.id;
      entity.canonicalAr = c.known.canonicalAr;
      if (c.known.canonicalEn) entity.canonicalEn = c.known.canonicalEn;
    }
  }
  const list = [...entities.values()].map(({ words: _w, ...e }) => e);
  const byKey = new Map(list.map((e) => [e.key, e]));
  for (const m of mentions) {
    const e = byKey.get(m.key)!;
    if (e.type !== 'PER') continue;
    const role = roleBefore(g, text, tokens, mentions, tokenMention, tokenAt(tokens, m.start));
    if (role && (!e.role || role.length > e.role.length)) e.role = role;
  }
  return { mentions, entities: list, tokenMention };
}

/** A person's surname: the last word, with its particle where it has one (بن علي، أبو مازن). */
function surnameOf(words: string[]): string[] {
  return words.length > 2 && NAME_PARTICLES.has(words[words.length - 2]) ? words.slice(-2) : words.slice(-1);
}

function keyOf(c: Candidate): string {
  return c.known ? c.known.id : c.type + ':' + c.words.join(' ');
}

/**
 * The title/description written just before a person's name: titles, role words, nationality adjectives
 * and organisation/place names, starting at a title (أمين المجلس الأعلى للأمن القومي الإيراني الأدميرال).
 */
export function roleBefore(
  g: Gazetteer, text: string, tokens: WordToken[], mentions: Mention[], tokenMention: Int32Array, nameToken: number,
): string | undefined {
  let first = -1;
  for (let k = nameToken - 1; k >= 0; k--) {
    if (!spaceBetween(text, tokens[k], tokens[k + 1])) break;
    const m = tokenMention[k];
    if (m >= 0 && mentions[m].type === 'PER') break;
    const stem = titleStem(g, tokens[k].word);
    if (stem !== undefined) first = k;
    else if (m < 0 && !g.roleWords.has(tokens[k].norm) && !g.roleWords.has(bareWord(tokens[k].norm)) && !g.nisba.has(tokens[k].norm)) break;
  }
  if (first < 0) return undefined;
  const t = tokens[first];
  const r = t.word.readings.find((x) => g.titles.has(x.stem))!;
  if (r.stem.startsWith('نظير')) return undefined; // "his counterpart" says nothing about the person
  const start = t.start + (r.cut ? originalIndex(t.text, r.cut) : 0);
  return text.slice(start, tokens[nameToken - 1].end);
}

/** The title a word is, with or without a و/ف proclitic, or undefined. */
export function titleStem(g: Gazetteer, word: WordType): string | undefined {
  for (const r of word.readings) if (g.titles.has(r.stem)) return r.stem;
  return undefined;
}
