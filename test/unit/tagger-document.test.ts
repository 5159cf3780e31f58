import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NAME_TYPES, newDocument, spreadNames } from '../../server/src/analysis/tagger-document';

const [PER, LOC] = [NAME_TYPES.indexOf('PER'), NAME_TYPES.indexOf('LOC')];

/**
 * A document from words written `stem:label` (label B-PER, I-PER, B-LOC … or O; `stem*` marks a word that may
 * not stand alone as a name), with `|` between sentences. Returns it with a reader of its labels.
 */
function documentOf(words: string) {
  const parts = words.split(' ');
  const doc = newDocument(parts.length);
  const stems = new Map<string, number>();
  parts.forEach((part, i) => {
    if (part === '|') return;
    const [stem, label] = part.replace('*', '').split(':');
    if (!stems.has(stem)) stems.set(stem, stems.size + 1);
    doc.keys[i] = stems.get(stem)!;
    doc.alone[i] = part.includes('*') ? 0 : 1;
    doc.types[i] = label === 'O' ? -1 : NAME_TYPES.indexOf(label.slice(2) as (typeof NAME_TYPES)[number]);
    doc.begins[i] = label.startsWith('B-') ? 1 : 0;
  });
  const labels = () =>
    parts.map((part, i) => (part === '|' ? '|' : doc.types[i] < 0 ? 'O' : `${doc.begins[i] ? 'B' : 'I'}-${NAME_TYPES[doc.types[i]]}`)).join(' ');
  return { doc, labels };
}

test('a person named in full is found again by the surname alone', () => {
  const { doc, labels } = documentOf('ولد:O نجيب:B-PER محفوظ:I-PER | وكتب:O محفوظ:O رواية:O | دافع:O محفوظ:O');
  spreadNames(doc);
  assert.equal(labels(), 'O B-PER I-PER | O B-PER O | O B-PER');
  assert.equal(doc.types[5], PER);
});

test('a name of several words is found again whole, before a shorter name that starts it', () => {
  const { doc, labels } = documentOf('دبي:B-LOC | دبي:B-ORG الإسلامي:I-ORG | سهم:O دبي:O الإسلامي:O');
  spreadNames(doc);
  assert.equal(labels(), 'B-LOC | B-ORG I-ORG | O B-ORG I-ORG');
  assert.equal(doc.types[0], LOC);
});

test('a one-word name spreads only when the model read it at least a third of the times it is written', () => {
  const often = documentOf('المريخ:B-ORG فاز:O | المريخ:O خسر:O | المريخ:O');
  spreadNames(often.doc);
  assert.equal(often.labels(), 'B-ORG O | B-ORG O | B-ORG');
  const once = documentOf('المشهد:B-LOC | المشهد:O | المشهد:O | المشهد:O');
  spreadNames(once.doc);
  assert.equal(once.labels(), 'B-LOC | O | O | O', 'one misreading of a common word is not copied through the article');
});

test('descriptive words, and surnames that cannot stand alone, are not spread; names never cross a sentence edge', () => {
  const { doc, labels } = documentOf('الرئيس*:B-PER | الرئيس*:O عبد:B-PER الله*:I-PER | الله*:O | عبد:O | الله*:O');
  spreadNames(doc);
  assert.equal(labels(), 'B-PER | O B-PER I-PER | O | O | O');
});

test('a name the model read in part or in pieces is read whole', () => {
  const { doc, labels } = documentOf('سلامة:B-PER موسى:I-PER | سأله:O سلامة:O موسى:B-PER | ناصر:B-PER مسعود:B-PER راشد:I-PER');
  spreadNames(doc);
  assert.equal(labels(), 'B-PER I-PER | O B-PER I-PER | B-PER B-PER I-PER');
  const named = documentOf('ناصر:B-PER مسعود:I-PER راشد:I-PER | ناصر:B-PER مسعود:B-PER راشد:I-PER | مسعود:B-LOC');
  spreadNames(named.doc);
  assert.equal(named.labels(), 'B-PER I-PER I-PER | B-PER I-PER I-PER | B-LOC', 'a name of another type is left as read');
});
