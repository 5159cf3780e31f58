/**
 * Builds server/data/gazetteer-places.json (countries and cities) from well-kept data at build time, so
 * that only the small extract ships: i18n-iso-countries (Arabic and English country names) and CLDR's
 * Arabic exemplar city names (cldr-dates-full, main/ar/timeZoneNames.json; set CLDR_DATES_DIR or install
 * the package, it is not a project dependency because it weighs 100 MB).
 * Run: node scripts/run-ts.mjs scripts/build-gazetteer.ts
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.join(__dirname, '..');
const countriesDir = path.join(root, 'node_modules/i18n-iso-countries/langs');
const cldrDir = process.env.CLDR_DATES_DIR ?? path.join(root, 'node_modules/cldr-dates-full');

// Ids where the short English name does not give the usual slug.
const ID_OVERRIDES: Record<string, string> = {
  US: 'usa', GB: 'uk', AE: 'uae', KP: 'north_korea', KR: 'south_korea', CD: 'dr_congo', CG: 'congo',
  PS: 'palestine', TR: 'turkey', CZ: 'czechia', VA: 'vatican', IR: 'iran', RU: 'russia', SY: 'syria',
};
const EN_OVERRIDES: Record<string, string> = { US: 'United States', GB: 'United Kingdom', TR: 'Turkey' };
// CLDR exemplar cities that are ordinary Arabic words or placeholders more often than places.
const CITY_STOP = new Set([
  'مدينة غير معروفة', 'ترك', 'نوم', 'سمراء', 'ماهي', 'بور', 'واك', 'ماتي', 'ديلي', 'جوني', 'كانتون', 'استر',
  'ثيل', 'كريسماس', 'برثا', 'كناري', 'فارو', 'باهيا', 'كومبو', 'هوفد', 'نوروناه', 'جوس باي', 'جلاس باي',
]);

interface Place { id: string; en: string; ar: string[]; nisba?: string[] }

function slug(en: string): string {
  return en.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
}

function englishName(code: string, value: string | string[]): string {
  if (EN_OVERRIDES[code]) return EN_OVERRIDES[code];
  if (typeof value === 'string') return value;
  // The shortest alternative that is not an abbreviation is the everyday name (Iran, Russia, China).
  return value.filter((v) => v.length > 3).sort((a, b) => a.length - b.length)[0] ?? value[0];
}

/** Regular nisba: إيران → إيراني, روسيا → روسي, السعودية → سعودي. Multi-word names have none. */
function nisba(ar: string): string | undefined {
  if (ar.includes(' ')) return undefined;
  let stem = ar.startsWith('ال') ? ar.slice(2) : ar;
  if (stem.endsWith('ا') || stem.endsWith('ة')) stem = stem.slice(0, -1);
  return stem.endsWith('ي') ? stem : stem + 'ي';
}

function countries(): Place[] {
  const ar = JSON.parse(fs.readFileSync(path.join(countriesDir, 'ar.json'), 'utf8')).countries as Record<string, string | string[]>;
  const en = JSON.parse(fs.readFileSync(path.join(countriesDir, 'en.json'), 'utf8')).countries as Record<string, string | string[]>;
  return Object.keys(ar).map((code) => {
    const names = typeof ar[code] === 'string' ? [ar[code] as string] : (ar[code] as string[]);
    const enName = englishName(code, en[code]);
    const place: Place = { id: ID_OVERRIDES[code] ?? slug(enName), en: enName, ar: names };
    const n = nisba(names[0]);
    if (n) place.nisba = [n];
    return place;
  });
}

function cities(known: Set<string>): Place[] {
  const file = path.join(cldrDir, 'main/ar/timeZoneNames.json');
  const zones = JSON.parse(fs.readFileSync(file, 'utf8')).main.ar.dates.timeZoneNames.zone;
  const out: Place[] = [];
  const walk = (node: Record<string, unknown>, keyPath: string[]): void => {
    for (const [key, value] of Object.entries(node)) {
      if (!value || typeof value !== 'object') continue;
      const city = (value as { exemplarCity?: string }).exemplarCity;
      if (city === undefined) walk(value as Record<string, unknown>, [...keyPath, key]);
      else if (!CITY_STOP.has(city) && !known.has(city) && !city.includes('(') && !city.includes('،')) {
        const en = key.replace(/_/g, ' ');
        out.push({ id: slug(en), en, ar: [city] });
        known.add(city);
      }
    }
  };
  walk(zones, []);
  return out;
}

const countryList = countries();
const known = new Set(countryList.flatMap((c) => c.ar));
const data = { source: 'i18n-iso-countries (MIT) ar/en; CLDR cldr-dates-full (Unicode licence) ar exemplar cities', countries: countryList, cities: cities(known) };
const lines = ['{', ` "source": ${JSON.stringify(data.source)},`];
for (const key of ['countries', 'cities'] as const) {
  lines.push(` "${key}": [`, data[key].map((p) => '  ' + JSON.stringify(p)).join(',\n'), key === 'countries' ? ' ],' : ' ]');
}
lines.push('}');
fs.writeFileSync(path.join(root, 'server/data/gazetteer-places.json'), lines.join('\n') + '\n');
console.log(`countries ${data.countries.length}, cities ${data.cities.length}`);
