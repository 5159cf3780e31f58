import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeArticle } from '../../server/src/analysis/analyze';

test('widened general knowledge: leaders, movements, federations, cities', () => {
  const keys = (text: string) => analyzeArticle(text).mentions.map((m) => m.key);
  assert.deepEqual(keys('التقى عبد العزيز بوتفليقة مع نوري المالكي في الدار البيضاء'), ['bouteflika', 'maliki', 'casablanca']);
  assert.deepEqual(keys('أعلن الاتحاد الدولي لكرة القدم وحركة النهضة وتيار المستقبل'), ['fifa', 'ennahda', 'future_movement']);
});
