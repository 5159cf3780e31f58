import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeArticle } from '../../server/src/analysis/analyze';

const quoted = (text: string) => analyzeArticle(text).quotes.map((q) => q.text);

test('a short phrase in marks inside reported speech is a scare quote, not a quotation', () => {
  assert.deepEqual(quoted('رأى بري أن سوريا أمام تجزئة تشبه “سايكس بيكو” آخر.'), []);
  assert.deepEqual(quoted('وأضاف انه في حال حصول "ازمة كبيرة" فان الدول ستضطر الى الحد من نفقاتها.'), []);
});

test('a short phrase is a quotation when the verb introduces exactly it, or a verb of description calls something by it', () => {
  assert.deepEqual(quoted('وقال الوزير: "لن نتراجع أبدا".'), ['"لن نتراجع أبدا"']);
  assert.deepEqual(quoted('ووصف الوزير الوضع بأنه "خطير للغاية".'), ['"خطير للغاية"']);
});

test('an unclosed mark with no reporting verb is not speech; with a verb it runs to the paragraph end', () => {
  assert.deepEqual(quoted('تتعلق بـ"الرؤية السياسية المشتركة للمعارضة السورية.\nسطر آخر'), []);
  assert.deepEqual(quoted('وقال الزغبي: "يجب على القادة أن يجتمعوا فورا.\nسطر آخر'), ['"يجب على القادة أن يجتمعوا فورا.']);
});

test('a reporting verb after a quote that ended its own sentence starts a new sentence', () => {
  const a = analyzeArticle('أجاب فابيوس "لن توافق المعارضة أبدا عليه." وقال سيرجي لافروف إن الخطة لا تلمح إلى ذلك.');
  assert.equal(a.quotes.length, 1);
  assert.equal(a.quotes[0].speaker, 'fabius');
});

test('marks with no reporting verb and no introducing colon hold a title, not speech', () => {
  assert.deepEqual(quoted('ألقى محاضرة بعنوان "العدالة الانتقالية من منظور تاريخي" في الجامعة.'), []);
  assert.deepEqual(quoted('وجاء في البيان: "نرفض هذه الخطوة رفضا قاطعا".'), ['"نرفض هذه الخطوة رفضا قاطعا"']);
});

test('quotes of one sentence share its cue; a full stop inside an abbreviation does not end the sentence', () => {
  const a = analyzeArticle('وحذر بورنز من انه اذا "تفاقمت الازمة فان احدا لن يكون في مأمن" وان "معدلات النمو يمكن ان تشهد انهيارا".');
  assert.deepEqual(a.quotes.map((q) => q.cue), ['حذر', 'حذر']);
  assert.deepEqual(quoted('وصرح فابيوس لمحطة (تيه.اف 1) التليفزيونية "لن توافق المعارضة أبدا عليه".').length, 1);
});

test('a plain mark glued to the word before it, with no quote open, is a stray closing mark', () => {
  const text = 'اعربت عن سعادتها لفوز "اليسون لانها تستحق اللقب.\nلقد سعت اليه باجتهاد للمسافة". وقالت انها استعادت في مخيلتها "مسيرتي الطويلة منذ دورة بكين".';
  assert.deepEqual(quoted(text), ['"اليسون لانها تستحق اللقب.', '"مسيرتي الطويلة منذ دورة بكين"']);
});
