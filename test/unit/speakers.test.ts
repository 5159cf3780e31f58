import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeArticle } from '../../server/src/analysis/analyze';

const speakers = (text: string) => analyzeArticle(text).quotes.map((q) => q.speaker);

test('nobody named after the cue: the subject of its sentence speaks', () => {
  assert.deepEqual(speakers('وعندما سئل فابيوس عن موقف روسيا من مستقبل الأسد أجاب "حتى إذا قالا العكس فالنص واضح تماما".'), ['fabius']);
});

test('a bare title after the cue is the person the article gave that title', () => {
  const text = 'كشف وزير الطاقة، يوسف يوسفي، أن الأسعار تنخفض.\nوأكد الوزير أن الانخفاض "لا ينبغي أن يؤثر على استثماراتنا".';
  const a = analyzeArticle(text);
  const yousfi = a.mentions.find((m) => m.text === 'يوسف يوسفي')?.key;
  assert.ok(yousfi);
  assert.deepEqual(a.quotes.map((q) => q.speaker), [yousfi]);
});

test('what follows أن/إن after the cue is the reported clause, not the speaker', () => {
  const text = 'وقال فابيوس إن الخطة فاشلة، مضيفا أن لافروف "كان يقصد شيئا آخر تماما".';
  assert.deepEqual(speakers(text), ['fabius']);
});

test('an organisation right after a reporting verb is the subject later quotes continue', () => {
  const text = 'حذر البنك الدولي من تباطؤ الاقتصاد العالمي.\nوجاء في التقرير ان "الاقتصاد العالمي دخل مرحلة صعبة جدا".';
  assert.deepEqual(speakers(text), ['world_bank']);
});

test('a person named after إلا أن is the subject the next feminine cue continues', () => {
  const text = 'قال الباحث أندرياس ميشالسن إن "التبرع بالدم مفيد للمرضى كثيرا".\nإلا أن الباحثة سوزان ستينباوم لا ترى ذلك.\nوأوضحت أنه "من المعروف أن الحديد يضاعف المشكلة".';
  const a = analyzeArticle(text);
  const who = (name: string) => a.mentions.find((m) => m.text === name)?.key;
  assert.deepEqual(a.quotes.map((q) => q.speaker), [who('أندرياس ميشالسن'), who('سوزان ستينباوم')]);
});

test('a person named in the reported clause after أن is not the subject a later وأضاف continues', () => {
  const text = 'وأشار مقداد إلى أن ارتفاع الدولار مهم، مبينا أن الرئيس الأمريكي باراك أوباما يسعى إلى زيادة الصادرات.\nوأضاف:" الاقتصاد الأمريكي اتخذ عدة إجراءات للسيطرة على الأزمة".';
  const a = analyzeArticle(text);
  assert.deepEqual(a.quotes.map((q) => q.speaker), [a.mentions.find((m) => m.text === 'مقداد')?.key]);
});
