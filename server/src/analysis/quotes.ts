/**
 * Quotations: pairing of quotation marks line by line, and speakers from reporting cues and continuity.
 * A line is a paragraph: a quote never runs past it, and an unclosed quote ends at its paragraph end.
 */
import type { Mention, Quote, LocalEntity } from './types';
import { loadGazetteer, type Gazetteer } from './gazetteer';
import { tokenAt, type Reading, type WordToken, type WordType } from './tokenize';
import { originalIndex, normalizePhrase, normalizeWord, bareWord } from './normalize';
import { titleStem, withFacts } from './entities';

export interface MarkedSpan {
  start: number;
  end: number;
  /** Both marks present (an unclosed quote runs to the end of its paragraph). */
  closed: boolean;
}

const OPEN_GUILLEMET = 0xab;
const CLOSE_GUILLEMET = 0xbb;
const RIGHT_DQ = 0x201d;
// Marks that both open and close: ASCII ", “ and ” (” is also seen opening a quote), „.
const isPlainMark = (c: number): boolean => c === 0x22 || c === 0x201c || c === RIGHT_DQ || c === 0x201e;

/** Spans between quotation marks, marks included, in text order. Nested marks stay inside the outer span. */
export function findMarkedSpans(text: string): MarkedSpan[] {
  const out: MarkedSpan[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    scanLine(text, lineStart, lineEnd, out);
    lineStart = lineEnd + 1;
  }
  return out;
}

function scanLine(text: string, from: number, to: number, out: MarkedSpan[]): void {
  let open = -1;
  let openCode = 0;
  let depth = 0; // nesting of «» inside an open «
  for (let p = from; p < to; p++) {
    const c = text.charCodeAt(p);
    if (c !== OPEN_GUILLEMET && c !== CLOSE_GUILLEMET && !isPlainMark(c)) continue;
    if (open < 0) {
      // A closing mark with no opening one annotates nothing: a guillemet », or a plain mark glued to the word
      // before it and not to a word after it (…للمسافة". at the start of a paragraph).
      if (c !== CLOSE_GUILLEMET && !strayCloser(text, p, from, to)) {
        open = p;
        openCode = c;
        depth = 0;
      }
      continue;
    }
    if (openCode === OPEN_GUILLEMET) {
      if (c === OPEN_GUILLEMET) depth++;
      else if (c === CLOSE_GUILLEMET && depth-- === 0) {
        out.push({ start: open, end: p + 1, closed: true });
        open = -1;
      }
    } else if (isPlainMark(c)) {
      out.push({ start: open, end: p + 1, closed: true });
      open = -1;
    }
  }
  // A lone ” is a stray closing mark; any other unclosed quote runs to the paragraph end.
  if (open >= 0 && openCode !== RIGHT_DQ) {
    let end = to;
    while (end > open + 1 && /\s/.test(text[end - 1])) end--;
    out.push({ start: open, end, closed: false });
  }
}

const LETTER = /[\p{L}\p{N}]/u;

function strayCloser(text: string, p: number, from: number, to: number): boolean {
  return p > from && LETTER.test(text[p - 1]) && (p + 1 >= to || !LETTER.test(text[p + 1]));
}

/** Marks around one or two words with no reporting verb before them: a name in quotes (“داعش”), not speech. */
export function isQuotedName(text: string, tokens: WordToken[], span: MarkedSpan, g: Gazetteer = loadGazetteer()): boolean {
  if (!span.closed) return false;
  const i = tokenAt(tokens, span.start);
  if (i >= tokens.length || tokens[i].end >= span.end || (i + 1 < tokens.length && tokens[i + 1].end < span.end)) return false;
  const before = i > 0 ? tokens[i - 1] : undefined;
  return !(before && cueStem(g, before.word) !== undefined && text.slice(before.end, span.start).trim().length <= 1);
}

/** The reading of a word that is a reporting verb, from its word type's gazetteer facts: asked of most tokens of an article. */
function cueStem(g: Gazetteer, word: WordType): Reading | undefined {
  const cue = withFacts(g, word).cue;
  return cue < 0 ? undefined : word.readings[cue];
}

const MAX_CUE_DISTANCE = 40;
const MAX_SCARE_WORDS = 3;
// Words between a reporting verb and the words it introduces: قال إن "…"، أكد أن "…"، وصفه بأنه "…".
const LINKERS = new Set(['ان', 'انه', 'انها', 'بان', 'بانه', 'بانها', 'قائلا', 'بالقول'].map(normalizeWord));
const DESCRIBING = new Set(['وصف', 'وصفت', 'واصفا', 'واصفه', 'يصف', 'تصف'].map(normalizeWord));
// Words that may stand between a cue and the organisation speaking: أعلن ما يسمى المجلس الوطني.
const FILLERS = new Set(['ما', 'يسمى', 'تسمى', 'يعرف', 'تعرف', 'بما'].map(normalizeWord));
const MAX_TITLED_LOOKBACK = 200;
const TITLE_WINDOW = 6;
// Particles after which a new clause's subject is named: لكن الوزير …، بينما …، and أن after إلا/غير (إلا أن
// الباحثة سوزان …), but not أن after a verb (مبينا أن الرئيس …: that is the reported clause).
const SUBJECT_PARTICLES = new Set(['لكن', 'ولكن', 'بينما'].map(normalizeWord));
const BUT = new Set(['الا', 'غير'].map(normalizeWord));
// The last subject stops being "he" after this many paragraphs without him.
const MAX_SUBJECT_PARAGRAPHS = 3;
// A full stop between letters is an abbreviation (تيه.اف 1), not a sentence end.
const SENTENCE_END = /[!?؟\n]|\.(?![\p{L}\p{N}])/u;

/** Whether the text between two words ends a sentence (the next word's first letter tells a full stop from an abbreviation). */
function endsSentence(text: string, from: number, to: number): boolean {
  return SENTENCE_END.test(text.slice(from, to + 1));
}

/**
 * Speaker and cue for each quote. The cue is the nearest reporting verb before the quote in its sentence
 * (or the verb opening the quote, or one right after it). The speaker is the person named between the
 * cue and the quote, or described there by title + organisation/nationality; otherwise the last subject
 * seen (so وأضاف continues the last speaker).
 */
export function attributeQuotes(
  text: string, tokens: WordToken[], spans: MarkedSpan[], mentions: Mention[], entities: LocalEntity[], tokenMention: Int32Array,
): Quote[] {
  const quotes: Quote[] = [];
  if (spans.length === 0) return quotes; // most articles: no marks, no need to read who is acting
  const g = loadGazetteer();
  const inQuote = new Int32Array(tokens.length).fill(-1);
  let qi = 0;
  for (let k = 0; k < tokens.length; k++) {
    while (qi < spans.length && spans[qi].end <= tokens[k].start) qi++;
    if (qi < spans.length && spans[qi].start < tokens[k].start) inQuote[k] = qi;
  }
  const describe = describer(g, tokens, mentions, entities, tokenMention);
  let lastSubject: string | null = null;
  let lastSubjectAt = 0;
  // A bare title (وأكد الوزير) is the person the article gave that title: the last subject if it is one of them.
  const holder = (j: number): string | null => {
    const people = titledPeople(g, tokens, mentions, j, bareWord(titleStem(g, tokens[j].word)!));
    if (lastSubject !== null && people.includes(lastSubject)) return lastSubject;
    return people.length > 0 ? people[people.length - 1] : null;
  };
  let k = 0;
  for (let s = 0; s < spans.length; s++) {
    const span = spans[s];
    // Walk the text up to this quote, tracking who is acting.
    for (; k < tokens.length && tokens[k].start < span.start; k++) {
      if (inQuote[k] >= 0) continue;
      const subject = subjectAt(g, text, tokens, k, mentions, tokenMention, describe);
      if (subject) {
        lastSubject = subject;
        lastSubjectAt = tokens[k].start;
      }
    }
    let end = k;
    while (end < tokens.length && tokens[end].end <= span.end) end++;
    const inner = end - k;
    // A quoted name ("حزب الله") is a mention, not speech.
    if (inner > 0 && tokenMention[k] >= 0 && tokenMention[k] === tokenMention[end - 1] && mentions[tokenMention[k]].start <= tokens[k].start + 1) continue;
    let cueToken = -1;
    let who: string | null | undefined;
    if (inner > 1 && cueStem(g, tokens[k].word)) {
      cueToken = k; // "وأضاف باتروشيف …": the mark was typed before the cue
      who = personAfter(g, text, tokens, k + 1, span.end, mentions, tokenMention, describe, holder);
    } else {
      // Earlier quotes of the same sentence share its cue (حذر من أن "…" وأن "…").
      for (let j = k - 1; j >= 0 && j >= k - MAX_CUE_DISTANCE; j--) {
        if (inQuote[j] >= 0) continue;
        if (endsSentence(text, tokens[j].end, j + 1 < k ? tokens[j + 1].start : span.start)) break;
        if (cueStem(g, tokens[j].word)) {
          cueToken = j;
          break;
        }
      }
      if (cueToken >= 0) who = personAfter(g, text, tokens, cueToken + 1, span.start, mentions, tokenMention, describe, holder);
      else if (postQuoteCue(g, text, tokens, span, end)) {
        // "…" قال فلان: a cue right after the quote.
        cueToken = end;
        who = personAfter(g, text, tokens, end + 1, tokens[end].end + 80, mentions, tokenMention, describe, holder);
      }
    }
    // Marks around a short phrase are scare quotes (“سايكس بيكو”، "أزمة كبيرة") unless a reporting verb
    // introduces exactly them, or a verb of description calls something by them (وصفه بأنه "خطير للغاية").
    if (inner <= MAX_SCARE_WORDS && !(cueToken >= 0 && (introduces(g, tokens, tokenMention, cueToken, k) || DESCRIBING.has(cueStem(g, tokens[cueToken].word)!.stem)))) continue;
    // Marks with no reporting verb and no introducing colon hold a title ("العدالة الانتقالية من منظور تاريخي")
    // or, unclosed, a typo: not speech.
    if (cueToken < 0 && !(span.closed && /:\s*$/.test(text.slice(Math.max(0, span.start - 3), span.start)))) continue;
    if (who === undefined && cueToken >= 0 && cueToken < k) who = sentenceSubject(g, text, tokens, cueToken, inQuote, mentions, tokenMention);
    const recent: boolean = lastSubject !== null && paragraphsBetween(text, lastSubjectAt, span.start) <= MAX_SUBJECT_PARAGRAPHS;
    const speaker: string | null = who === undefined ? (recent ? lastSubject : null) : who;
    if (speaker) {
      lastSubject = speaker;
      lastSubjectAt = span.start;
    }
    let cue: string | null = null;
    if (cueToken >= 0) {
      const t = tokens[cueToken];
      const r = cueStem(g, t.word)!;
      cue = t.text.slice(r.cut ? originalIndex(t.text, r.cut) : 0);
    }
    quotes.push({ start: span.start, end: span.end, text: text.slice(span.start, span.end), speaker, cue });
  }
  return quotes;
}

/** Paragraphs with content that start between two offsets: how far back the last subject was seen. */
function paragraphsBetween(text: string, from: number, to: number): number {
  let n = 0;
  for (let p = text.indexOf('\n', from); p >= 0 && p < to; p = text.indexOf('\n', p + 1)) {
    let q = p + 1;
    while (q < to && /\s/.test(text[q]) && text[q] !== '\n') q++;
    if (q < to && text[q] !== '\n') n++;
  }
  return n;
}

type Describer = (from: number, limit: number) => string | null;

/**
 * Who is named after a cue, up to offset `limit`: a person (or organisation) named, or a person described by
 * title + organisation/nationality, or by a bare title (الوزير) that a person of the article holds. `null` when
 * someone is described but cannot be resolved (so the last subject must not be assumed), `undefined` when
 * nobody is named at all. The search stops at أن/إن: what follows is the reported clause, not the speaker.
 */
function personAfter(
  g: Gazetteer, text: string, tokens: WordToken[], from: number, limit: number,
  mentions: Mention[], tokenMention: Int32Array, describe: Describer, holder: (j: number) => string | null,
): string | null | undefined {
  let described = false;
  let fillers = true;
  for (let j = from; j < tokens.length && tokens[j].end <= limit; j++) {
    const m = tokenMention[j];
    const norm = tokens[j].norm;
    if (m >= 0 && mentions[m].type === 'PER') return mentions[m].key;
    // Right after the verb: an organisation or a state speaks (وأعلنت الخارجية، واعتبرت بريطانيا، أعلن ما يسمى المجلس …).
    if (m >= 0 && (j === from || (fillers && mentions[m].type === 'ORG'))) return mentions[m].key;
    if (m < 0 && LINKERS.has(norm)) break;
    // Or some other definite noun does (وأضاف البيان، وقال الشاهد): not the last person seen.
    if (m < 0 && j === from && norm.startsWith('ال') && !g.titles.has(norm)) described = true;
    if (titleStem(g, tokens[j].word) !== undefined) {
      const next = tokens[j + 1]?.word;
      const bare = !(next?.norm && (tokenMention[j + 1] >= 0 || g.roleWords.has(next.norm) || g.nisba.has(next.norm) || titleStem(g, next) !== undefined));
      const who = bare ? holder(j) : describe(j, limit);
      if (who) return who;
      described = true;
    }
    fillers &&= FILLERS.has(norm);
    if (endsSentence(text, tokens[j].end, tokens[j + 1]?.start ?? tokens[j].end)) break;
  }
  return described ? null : undefined;
}

/**
 * The people the article introduces with a title, as person keys in text order: for each PER mention before
 * token `before`, whether one of the few words before it is that title (وزير الطاقة والمناجم، يوسف يوسفي).
 */
function titledPeople(g: Gazetteer, tokens: WordToken[], mentions: Mention[], before: number, title: string): string[] {
  const out: string[] = [];
  const from = mentionsBefore(mentions, tokens[before].start);
  for (let i = Math.max(0, from - MAX_TITLED_LOOKBACK); i < from; i++) {
    const m = mentions[i];
    if (m.type !== 'PER') continue;
    const t = tokenAt(tokens, m.start);
    for (let k = t - 1; k >= 0 && k >= t - TITLE_WINDOW; k--) {
      const stem = titleStem(g, tokens[k].word);
      if (stem !== undefined && bareWord(stem) === title) {
        out.push(m.key);
        break;
      }
    }
  }
  return out;
}

/** How many mentions start before `offset`: a binary search, mentions are sorted. */
function mentionsBefore(mentions: Mention[], offset: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The subject of the cue's sentence when nobody is named after the cue: the person named right after an
 * earlier reporting verb of the sentence (أكد شمخاني … وقال "…"), else its first person outside quotes and not
 * after a preposition (وعندما سئل فابيوس عن … أجاب "…"، وأظهر تينا سعادة … قائلا «…»).
 */
function sentenceSubject(
  g: Gazetteer, text: string, tokens: WordToken[], cue: number, inQuote: Int32Array, mentions: Mention[], tokenMention: Int32Array,
): string | undefined {
  let first: string | undefined;
  let reported: string | undefined;
  for (let j = cue - 1; j >= 0; j--) {
    if (endsSentence(text, tokens[j].end, tokens[j + 1].start)) break;
    const m = tokenMention[j];
    if (m < 0 || inQuote[j] >= 0 || mentions[m].type !== 'PER' || tokens[j].start > mentions[m].start) continue;
    const proclitic = text.slice(tokens[j].start, mentions[m].start);
    if (/[بل]/.test(proclitic)) continue;
    first = mentions[m].key;
    let v = j - 1;
    while (v >= 0 && titleStem(g, tokens[v].word) !== undefined) v--;
    if (!reported && v >= 0 && cueStem(g, tokens[v].word)) reported = first;
  }
  return reported ?? first;
}

/** A reporting verb right after a quote, without a conjunction, and the quote not ended by its own full stop. */
function postQuoteCue(g: Gazetteer, text: string, tokens: WordToken[], span: MarkedSpan, end: number): boolean {
  if (end >= tokens.length || text.slice(span.end, tokens[end].start).trim().length > 1) return false;
  const r = cueStem(g, tokens[end].word);
  return r !== undefined && r.cut === 0 && !/[.!?؟]\s*$/.test(text.slice(span.start, span.end - 1));
}

/** Whether the words between the cue and the quote are only the speaker, titles and أن/إن: the cue introduces the quote. */
function introduces(g: Gazetteer, tokens: WordToken[], tokenMention: Int32Array, cue: number, quoteStart: number): boolean {
  for (let j = cue + 1; j < quoteStart; j++) {
    const norm = tokens[j].norm;
    if (!(tokenMention[j] >= 0 || LINKERS.has(norm) || titleStem(g, tokens[j].word) !== undefined || g.roleWords.has(norm) || g.nisba.has(norm))) return false;
  }
  return true;
}

/**
 * Resolves a description such as "أمين المجلس الأعلى للأمن القومي الايراني" or "الرئيس الإيراني" to a person
 * of the article: one whose role in the article names the same organisation or reads the same, or whom the
 * gazetteer knows as serving that organisation.
 */
function describer(
  g: Gazetteer, tokens: WordToken[], mentions: Mention[], entities: LocalEntity[], tokenMention: Int32Array,
): Describer {
  const people = entities.filter((e) => e.type === 'PER');
  const roleNorm = new Map(people.map((e) => [e.key, e.role ? normalizePhrase(e.role) : '']));
  const roleOrgs = new Map<string, Set<string>>();
  for (const e of people) {
    const set = new Set<string>();
    if (e.knownId) {
      const known = g.byId.get(e.knownId);
      if (known?.org) set.add(known.org);
    }
    roleOrgs.set(e.key, set);
  }
  const personByKey = new Map(people.map((e) => [e.key, e]));
  // Organisations named inside each person's role in this article.
  for (let j = 0; j < tokens.length; j++) {
    const m = tokenMention[j];
    if (m < 0 || mentions[m].type !== 'PER') continue;
    const e = personByKey.get(mentions[m].key);
    if (!e?.role) continue;
    for (let b = j - 1; b >= 0 && tokens[b].start >= mentions[m].start - e.role.length - 2; b--) {
      const o = tokenMention[b];
      if (o >= 0 && mentions[o].type === 'ORG') roleOrgs.get(e.key)!.add(mentions[o].key);
    }
  }
  // The people serving each organisation, in article order: a description names one of them at most.
  const holdersOf = new Map<string, string[]>();
  for (const e of people) {
    for (const org of roleOrgs.get(e.key)!) {
      const list = holdersOf.get(org);
      if (list) list.push(e.key);
      else holdersOf.set(org, [e.key]);
    }
  }
  return (from, limit) => {
    const words: string[] = [];
    for (let j = from; j < tokens.length && tokens[j].end <= limit && words.length < 12; j++) {
      const m = tokenMention[j];
      if (m >= 0 && mentions[m].type === 'ORG') {
        const holders = holdersOf.get(mentions[m].key);
        return holders?.length === 1 ? holders[0] : null;
      }
      if (m >= 0) return null;
      const norm = tokens[j].norm;
      if (!(titleStem(g, tokens[j].word) !== undefined || g.roleWords.has(norm) || g.nisba.has(norm))) break;
      words.push(j === from ? titleStem(g, tokens[j].word)! : norm);
    }
    if (words.length < 2) return null;
    const phrase = words.join(' ');
    const holders = people.filter((p) => roleNorm.get(p.key)!.includes(phrase));
    return holders.length === 1 ? holders[0].key : null;
  };
}

/**
 * A person acting at token k: named right after a reporting verb/title chain, opening a sentence or a clause
 * after إن/لكن, or right after the verb that opens a sentence (وألح يوسفي، وأظهر تينا).
 */
function subjectAt(
  g: Gazetteer, text: string, tokens: WordToken[], k: number, mentions: Mention[], tokenMention: Int32Array, describe: Describer,
): string | null {
  const m = tokenMention[k];
  if (m >= 0 && mentions[m].type === 'PER' && tokens[k].start <= mentions[m].start) {
    let j = k - 1;
    while (j >= 0 && (titleStem(g, tokens[j].word) !== undefined || g.roleWords.has(tokens[j].norm) || g.nisba.has(tokens[j].norm) || (tokenMention[j] >= 0 && mentions[tokenMention[j]].type !== 'PER'))) j--;
    const boundaryBefore = (x: number): boolean => x < 0 || endsSentence(text, tokens[x].end, tokens[x + 1].start);
    const particle = j >= 0 && (SUBJECT_PARTICLES.has(tokens[j].norm) || (tokens[j].norm === 'ان' && j > 0 && BUT.has(tokens[j - 1].norm)));
    if (boundaryBefore(j) || cueStem(g, tokens[j].word) || particle || boundaryBefore(j - 1)) return mentions[m].key;
    return null;
  }
  // An organisation or state right after a reporting verb speaks too (حذر البنك الدولي …).
  if (m >= 0 && k > 0 && tokens[k].start <= mentions[m].start && cueStem(g, tokens[k - 1].word)) return mentions[m].key;
  if (m < 0 && cueStem(g, tokens[k].word) && k + 1 < tokens.length && titleStem(g, tokens[k + 1].word) !== undefined) {
    return describe(k + 1, text.length);
  }
  return null;
}
