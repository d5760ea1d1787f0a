// The builtins as the runtime exports them (sajilo.h): C function and function object per
// canonical Nepali name. Names are compared by the language's key (anusvara and class-nasal
// spellings, ZWJ/ZWNJ), so either spelling the front end hands us finds its builtin.

export interface BuiltinC {
  roman: string;               // sj_b_<roman>, sj_bf_<roman>
  variadic: boolean;           // called as (argc, args)
  params: number;              // fixed arity for non-variadic ones; missing args pass खाली
}

const TABLE: [string, string, number | 'variadic'][] = [
  ['देखाउ', 'dekhau', 'variadic'], ['लेख', 'lekh', 'variadic'], ['पढ', 'padha', 0],
  ['लम्बाइ', 'lambai', 1], ['संख्या', 'sankhya', 1], ['पूर्णांक', 'purnank', 1],
  ['दशमलव', 'dashamalav', 1], ['पाठ', 'path', 1], ['प्रकार', 'prakar', 1], ['थप', 'thap', 2],
  ['निकाल', 'nikal', 1], ['टुक्रा', 'tukra', 3], ['विभाजन', 'vibhajan', 2], ['जोड', 'jod', 2],
  ['समावेश', 'samavesh', 2], ['प्रतिस्थापन', 'pratisthapan', 3], ['कुञ्जीहरू', 'kunjiharu', 1],
  ['अक्षरहरू', 'aksharharu', 1], ['क्रमबद्ध', 'kramabaddha', 1], ['उल्टो', 'ulto', 1],
  ['वर्गमूल', 'vargamul', 1], ['निरपेक्ष', 'nirapeksha', 1], ['अधिकतम', 'adhikatam', 'variadic'],
  ['न्यूनतम', 'nyunatam', 'variadic'], ['गोलो', 'golo', 1], ['भुइँ', 'bhuin', 1], ['छत', 'chhat', 1],
];

// ङ्, ञ्, ण्, न्, म् before a consonant of their own class count as anusvara (language §1).
const NASAL_CLASSES: [string, string][] = [
  ['ङ', 'कखगघ'], ['ञ', 'चछजझ'], ['ण', 'टठडढ'], ['न', 'तथदध'], ['म', 'पफबभ'],
];

const NASAL_PATTERNS = NASAL_CLASSES.map(([nasal, cls]) => new RegExp(`${nasal}्(?=[${cls}])`, 'g'));

export function nameKey(name: string): string {
  let s = name.normalize('NFC').replace(/[\u200c\u200d]/g, '');
  for (const re of NASAL_PATTERNS) s = s.replace(re, 'ं');
  return s;
}

const BY_KEY = new Map<string, BuiltinC>(TABLE.map(([ne, roman, arity]) => [nameKey(ne), {
  roman, variadic: arity === 'variadic', params: arity === 'variadic' ? 0 : arity,
}]));

const BY_NAME = new Map<string, BuiltinC>();   // the front end's spellings, memoised

export function builtinC(name: string): BuiltinC {
  const b = BY_NAME.get(name) ?? BY_KEY.get(nameKey(name));
  if (!b) throw new Error(`back end: unknown builtin (${JSON.stringify(name)})`);
  BY_NAME.set(name, b);
  return b;
}
