/**
 * Word categories the tagger's features use: country names (i18n-iso-countries, Arabic locale), and short
 * curated lists of general knowledge (capitals and cities, given names, titles, reporting verbs, words that
 * open organisation and place names). Used at training time; the trained model carries the result, so the
 * features a model was trained with never change under it.
 */
import * as fs from 'fs';
import * as path from 'path';
import arabicCountries from 'i18n-iso-countries/langs/ar.json';
import { normaliseForTagger, splitProclitics } from './tagger-text';
import type { Lexicon } from './tagger-features';

const EXTRA_COUNTRIES = `أمريكا أميركا بريطانيا إنجلترا انكلترا اسكتلندا فلسطين سورية سوريا إيران روسيا الصين الهند
  اليابان كوريا ألمانيا فرنسا إيطاليا إسبانيا تركيا مصر العراق الأردن لبنان ليبيا السودان اليمن عمان قطر الكويت
  البحرين السعودية الإمارات المغرب تونس الجزائر موريتانيا الصومال جيبوتي أفغانستان باكستان إسرائيل أوكرانيا
  البوسنة الشيشان كوسوفو يوغوسلافيا صربيا هولندا بلجيكا سويسرا النمسا اليونان البرتغال السويد النرويج الدنمارك
  فنلندا بولندا المجر رومانيا بلغاريا كندا المكسيك البرازيل الأرجنتين فنزويلا كوبا أستراليا إندونيسيا ماليزيا
  الفلبين تايلاند فيتنام كمبوديا نيجيريا إثيوبيا كينيا أوغندا تنزانيا زيمبابوي أنغولا الكونغو تشاد النيجر مالي
  السنغال أريتريا إريتريا جورجيا أرمينيا أذربيجان كازاخستان أوزبكستان طاجيكستان قيرغيزستان تركمانستان`;

const CAPITALS_AND_CITIES = `القاهرة الإسكندرية بغداد البصرة الموصل دمشق حلب حمص بيروت طرابلس صيدا عمان الرياض جدة مكة المدينة
  الدوحة أبوظبي دبي الشارقة المنامة مسقط صنعاء عدن الخرطوم تونس الرباط الدار البيضاء فاس مراكش نواكشوط الجزائر
  وهران القدس غزة رام الله نابلس الخليل جنين أريحا بيت لحم تل أبيب حيفا يافا طهران مشهد أصفهان كابول قندهار
  إسلام آباد كراتشي لاهور نيودلهي بومباي مومباي بكين شنغهاي طوكيو سيول موسكو بطرسبورغ كييف مينسك وارسو برلين
  بون ميونيخ فرانكفورت هامبورغ باريس مرسيليا ليون لندن مانشستر روما ميلانو مدريد برشلونة لشبونة أثينا أنقرة
  إسطنبول اسطنبول بروكسل أمستردام لاهاي جنيف زيوريخ برن فيينا ستوكهولم أوسلو كوبنهاغن هلسنكي بودابست بوخارست
  صوفيا بلغراد سراييفو زغرب واشنطن نيويورك شيكاغو لوس أنجلوس بوسطن ميامي هيوستن تكساس كاليفورنيا فلوريدا
  أوتاوا تورونتو مونتريال مكسيكو هافانا برازيليا ريو كراكاس بوينس آيرس سيدني كانبرا جاكرتا كوالالمبور مانيلا
  بانكوك هانوي سنغافورة نيروبي أديس أبابا مقديشو لاغوس أبوجا داكار باماكو نجامينا كيب بريتوريا جوهانسبرغ
  الفلوجة كربلاء النجف كركوك أربيل الناصرية تكريت درعا اللاذقية طرطوس دير الزور الحسكة الرقة إدلب حماة
  الأنبار الجليل الضفة القطاع سيناء الجولان كشمير دارفور الخليج أوروبا آسيا أفريقيا إفريقيا أمريكا اللاتينية`;

const GIVEN_NAMES = `محمد أحمد محمود مصطفى علي حسن حسين عمر عثمان خالد سعد سعيد عبد عبدالله عبدالرحمن عبدالعزيز إبراهيم
  إسماعيل يوسف يعقوب موسى عيسى سليمان داود صالح فهد فيصل سلطان طلال نايف بندر تركي ناصر جمال كمال صلاح
  حسني أنور رفيق نبيل وليد سمير عادل عماد رامي رياض زياد طارق ماهر مروان هشام هاني باسم بشار حافظ ياسر
  ياسين إسحاق صدام عزت طه نوري إياد جلال مسعود هوشيار جورج جون جيمس توني ديفيد دافيد بيل ريتشارد روبرت
  مايكل ميشال ميشيل بيتر بول بوريس فلاديمير ديمتري سيرغي إيغور نيكولا نيكولاي جاك جان فرانسوا شارل ألان
  هنري هيلموت غيرهارد أنجيلا كوفي كولن كونداليزا دونالد ديك هيلاري باراك شيمون أرييل إيهود بنيامين إسحق
  شاؤول موشيه عمرو سامي سامر فادي فؤاد شريف مجدي أسامة أيمن حمد حمدان زايد خليفة مبارك راشد قابوس عبدالعزيز
  فاطمة عائشة مريم زينب خديجة ليلى سلمى هدى منى نادية سوزان`;

const TITLES = `الرئيس رئيس رئيسة الوزير وزير وزيرة الأمين أمين الشيخ الملك الملكة الأمير الأميرة ولي الأدميرال الجنرال
  العقيد اللواء العميد المشير الفريق العماد الرائد النقيب الدكتور د السيد السيدة المستشار النائب السفير
  المتحدث الناطق البابا الإمام القاضي المبعوث المدير الزعيم المرشد الحاكم المحافظ السلطان الأستاذ المهندس
  الكاتب المطران البطريرك الحاخام آية الله المفتي قائد القائد نائب مساعد المساعد مستشار مبعوث المندوب مندوب
  سفير زعيم مدير المدرب اللاعب النجم الفنان الممثل المخرج المطرب الشاعر`;

const REPORTING_VERBS = `قال قالت يقول تقول أكد أكدت يؤكد أضاف أضافت مضيفا أوضح أوضحت أشار أشارت صرح صرحت ذكر ذكرت أعلن
  أعلنت أفاد أفادت نقل نقلت اعتبر اعتبرت رأى رأت وصف وصفت طالب طالبت دعا دعت أعرب أعربت نفى نفت حذر حذرت`;

const ORGANISATION_OPENERS = `وكالة منظمة مجلس جامعة شركة حزب حركة اتحاد جمعية لجنة مؤسسة بنك صندوق هيئة وزارة جبهة منتدى
  معهد مركز نادي محكمة برلمان الأمم جيش قوات مصرف صحيفة تلفزيون إذاعة قناة مجموعة رابطة نقابة كتلة تحالف
  الكونغرس الكنيست البنتاغون حلف الناتو الجامعة المجلس المنظمة الوكالة الحزب الحركة الاتحاد الشركة`;

const PLACE_OPENERS = `مدينة عاصمة العاصمة ولاية إقليم محافظة منطقة جزيرة جزر نهر بحر جبل جبال بلدة قرية مخيم شمال جنوب
  شرق غرب شمالي جنوبي شرقي غربي وسط قرب ضواحي حي شارع ميناء مطار`;

function words(list: string): string[] {
  return list.split(/\s+/).filter((word) => word.length > 0);
}

function addWord(lexicon: Lexicon, word: string, category: string): void {
  const norm = normaliseForTagger(word);
  for (const key of new Set([norm, splitProclitics(norm).stem])) {
    const categories = lexicon.get(key) ?? [];
    if (!categories.includes(category)) categories.push(category);
    lexicon.set(key, categories);
  }
}

/** Country names and their nationality adjectives (nisba): سوريا → سوري, العراق → عراقي. */
function addCountries(lexicon: Lexicon): void {
  const names = [...Object.values(arabicCountries.countries).flat(), ...words(EXTRA_COUNTRIES)];
  for (const name of names) {
    const parts = words(name);
    if (parts.length === 1) {
      addWord(lexicon, name, 'country');
      const stem = splitProclitics(normaliseForTagger(name)).stem;
      const nisbaBase = stem.replace(/(يا|ا|ه)$/, '');
      addWord(lexicon, nisbaBase + 'ي', 'nisba');
    } else {
      for (const part of parts) addWord(lexicon, part, 'countryPart');
    }
  }
}

interface NamedEntry {
  ar: string[];
  nisba?: string[];
}

/** Phrases get one category for their first word and another for the rest (`orgStart`, `orgPart`). */
function addPhrase(lexicon: Lexicon, phrase: string, category: string): void {
  const parts = words(phrase);
  if (parts.length === 1) addWord(lexicon, phrase, category);
  else parts.forEach((part, i) => addWord(lexicon, part, category + (i === 0 ? 'Start' : 'Part')));
}

/**
 * The analysis core's gazetteers (server/data/gazetteer-places.json and gazetteer-curated.json: countries,
 * CLDR cities, curated places, organisations and people), when present.
 */
function addGazetteers(lexicon: Lexicon, dataDir: string): void {
  const read = (name: string): Record<string, unknown> | null => {
    const file = path.join(dataDir, name);
    return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : null;
  };
  const entries = (value: unknown) => (Array.isArray(value) ? (value as NamedEntry[]) : []);
  const places = read('gazetteer-places.json');
  const curated = read('gazetteer-curated.json');
  for (const entry of [...entries(places?.countries), ...entries(places?.cities), ...entries(curated?.places)]) {
    for (const name of entry.ar) addPhrase(lexicon, name, 'place');
    for (const nisba of entry.nisba ?? []) addWord(lexicon, nisba, 'nisba');
  }
  for (const entry of entries(curated?.orgs)) for (const name of entry.ar) addPhrase(lexicon, name, 'orgName');
  for (const entry of entries(curated?.people)) for (const name of entry.ar) addPhrase(lexicon, name, 'person');
}

export function buildLexicon(dataDir = path.join(__dirname, '../../data')): Lexicon {
  const lexicon: Lexicon = new Map();
  addCountries(lexicon);
  for (const word of words(CAPITALS_AND_CITIES)) addWord(lexicon, word, 'city');
  for (const word of words(GIVEN_NAMES)) addWord(lexicon, word, 'given');
  for (const word of words(TITLES)) addWord(lexicon, word, 'title');
  for (const word of words(REPORTING_VERBS)) addWord(lexicon, word, 'said');
  for (const word of words(ORGANISATION_OPENERS)) addWord(lexicon, word, 'org');
  for (const word of words(PLACE_OPENERS)) addWord(lexicon, word, 'placeOpener');
  addGazetteers(lexicon, dataDir);
  return lexicon;
}
