import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findMarkedSpans } from '../../server/src/analysis/quotes';
import { analyzeArticle } from '../../server/src/analysis/analyze';

const marked = (text: string) => findMarkedSpans(text).map((s) => text.slice(s.start, s.end));

test('every mark style, nested marks and a quote opened with the closing mark', () => {
  assert.deepEqual(marked('قال "أ ب" و“ج د” و«هـ و» و”ز ح”'), ['"أ ب"', '“ج د”', '«هـ و»', '”ز ح”']);
  assert.deepEqual(marked('قال «قال لي “نعم” ثم مضى»'), ['«قال لي “نعم” ثم مضى»']);
});

test('an unclosed quote ends at its paragraph end without trailing whitespace; a stray closer annotates nothing', () => {
  const text = 'مضيفا: "يبدو أن الأمر طويل.  \r\nسطر آخر "مقتبس".\nنص» بلا فتح';
  assert.deepEqual(marked(text), ['"يبدو أن الأمر طويل.', '"مقتبس"']);
  assert.deepEqual(marked('كلام ” بلا فتح'), []);
});

test('speakers from cues, descriptions and continuity; the cue is written without و/ف', () => {
  const text = [
    'أكد أمين المجلس الأعلى للأمن القومي الإيراني علي شمخاني أن التعاون مهم، وقال "على من فعل ذلك ان يكون مسؤولا".',
    'وأضاف "طهران وموسكو تدعمان حكومة افغانستان الجديدة".',
    'بالمقابل أعلن الرئيس الروسي فلاديمير بوتين أن الجانبين ناقشا الوضع.',
    'واضاف: "نتعاون بشكل وثيق جدا على صعيد الدولي".',
    'وقال أمين المجلس الأعلى للأمن القومي الإيراني إن "روسيا وإيران تدركان أهمية التعاون".',
    'وقال المتحدث باسم الوزارة إن "الوضع مقلق جدا في المنطقة".',
  ].join('\n');
  const q = analyzeArticle(text).quotes.map((x) => [x.speaker, x.cue]);
  assert.deepEqual(q, [['shamkhani', 'قال'], ['shamkhani', 'أضاف'], ['putin', 'اضاف'], ['shamkhani', 'قال'], [null, 'قال']]);
});

test('a name in quotation marks is not a quote, nor is a short phrase with no reporting verb', () => {
  const a = analyzeArticle('تسعى لمواجهة “داعش” في “المدى الأبعد” الآن');
  assert.deepEqual(a.quotes, []);
  assert.deepEqual(a.mentions.map((m) => m.key), ['isis']);
});

test('a mark typed before the cue: the quote keeps its marks, the cue and speaker come from inside', () => {
  const text = 'نيكولاي باتروشيف تحدث.\n"وأضاف باتروشيف لقد أوجدت العقوبات فرصة لشعبنا".';
  const [q] = analyzeArticle(text).quotes;
  assert.equal(q.text, '"وأضاف باتروشيف لقد أوجدت العقوبات فرصة لشعبنا"');
  assert.deepEqual([q.speaker, q.cue], ['patrushev', 'أضاف']);
});
