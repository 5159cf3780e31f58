import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { decodeArticle, isMostlyArabic } from '../../server/src/analysis/decode';

const legacyDir = path.resolve(__dirname, '../../../shared/corpus/legacy-encoding');

test('UTF-8 text comes back as is, CRLF kept', () => {
  const decoded = decodeArticle(Buffer.from('قال الرئيس\r\nسطر', 'utf8'));
  assert.equal(decoded.text, 'قال الرئيس\r\nسطر');
  assert.equal(decoded.encoding, 'utf-8');
  assert.deepEqual(decoded.warnings, []);
});

test('a BOM is dropped, as editors do', () => {
  const decoded = decodeArticle(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('إيران', 'utf8')]));
  assert.equal(decoded.text, 'إيران');
  assert.equal(decoded.encoding, 'utf-8-bom');
});

test('Windows-1256 archives are read as Arabic', () => {
  // "إيران" in Windows-1256.
  const decoded = decodeArticle(Uint8Array.from([0xc5, 0xed, 0xd1, 0xc7, 0xe4]));
  assert.equal(decoded.text, 'إيران');
  assert.equal(decoded.encoding, 'windows-1256');
});

test('the legacy files of the newspaper archive decode to mostly-Arabic text', { skip: !fs.existsSync(legacyDir) }, () => {
  for (const name of fs.readdirSync(legacyDir)) {
    const decoded = decodeArticle(fs.readFileSync(path.join(legacyDir, name)));
    assert.equal(decoded.encoding, 'windows-1256', name);
    assert.ok(isMostlyArabic(decoded.text), name);
    assert.ok(!decoded.text.includes('\uFFFD'), name);
  }
});

test('invalid UTF-8 that is not Arabic code page text is replaced and reported', () => {
  const decoded = decodeArticle(Uint8Array.from([0x41, 0x80, 0x42]));
  assert.equal(decoded.text, 'A\uFFFDB');
  assert.match(decoded.warnings.join(), /invalid UTF-8/);
});

test('mostly-Arabic tells articles from other text files', () => {
  assert.equal(isMostlyArabic('قال وزير الخارجية الروسي سيرغي لافروف (Sergei Lavrov)'), true);
  assert.equal(isMostlyArabic('README: build with npm, see مرحبا'), false);
  assert.equal(isMostlyArabic(''), false);
});
