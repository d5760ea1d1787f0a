// The words of the Sajilo language, as data: keywords and builtin functions with their
// romanised forms, meanings and signatures. The front end resolves names against these
// tables; the IDE builds completion and hover from them (never retype them elsewhere).
// Browser-safe.

/** A keyword's part in block structure: opens a block, starts a branch of it, or closes it. */
export type BlockRole = 'opens' | 'branches' | 'closes';

export interface KeywordInfo {
  word: string;
  roman: string;
  meaningNe: string;
  meaningEn: string;
  block?: BlockRole;
}

export interface BuiltinInfo {
  name: string;
  roman: string;
  signature: string;
  docNe: string;
  docEn: string;
  minArgs: number;
  maxArgs: number | null; // null: any number
}

export const KEYWORDS: readonly KeywordInfo[] = [
  { word: 'राख', roman: 'rakha', meaningNe: 'चल घोषणा गर्ने', meaningEn: 'declare a variable' },
  { word: 'स्थिर', roman: 'sthir', meaningNe: 'नबदलिने मान (स्थिरांक) घोषणा गर्ने', meaningEn: 'declare a constant' },
  { word: 'यदि', roman: 'yadi', meaningNe: 'यदि … भने: सर्त साँचो भए', meaningEn: 'if', block: 'opens' },
  { word: 'भने', roman: 'bhane', meaningNe: 'यदि को सर्तपछि', meaningEn: 'then (after an if condition)' },
  {
    word: 'नत्र',
    roman: 'natra',
    meaningNe: 'नत्र (अरू अवस्थामा); नत्र यदि',
    meaningEn: 'else; else if',
    block: 'branches',
  },
  { word: 'अन्त्य', roman: 'antya', meaningNe: 'खण्डको अन्त्य', meaningEn: 'end of a block', block: 'closes' },
  { word: 'जबसम्म', roman: 'jabasamma', meaningNe: 'सर्त साँचो रहुन्जेल दोहोर्याउने', meaningEn: 'while', block: 'opens' },
  { word: 'हरेक', roman: 'harek', meaningNe: 'हरेक मानका लागि दोहोर्याउने', meaningEn: 'for each', block: 'opens' },
  { word: 'देखि', roman: 'dekhi', meaningNe: 'दायराको सुरु', meaningEn: 'from (range start)' },
  { word: 'सम्म', roman: 'samma', meaningNe: 'दायराको अन्त्य (समेत)', meaningEn: 'to (range end, inclusive)' },
  { word: 'कदम', roman: 'kadam', meaningNe: 'दायराको फड्को', meaningEn: 'step' },
  { word: 'मा', roman: 'maa', meaningNe: 'सूची, पाठ वा शब्दकोशभित्र', meaningEn: 'in' },
  { word: 'दोहोर्याउ', roman: 'dohoryau', meaningNe: 'तोकिएको पटक दोहोर्याउने', meaningEn: 'repeat', block: 'opens' },
  { word: 'पटक', roman: 'patak', meaningNe: 'दोहोर्याउ … पटक', meaningEn: 'times' },
  { word: 'कार्य', roman: 'karya', meaningNe: 'कार्य (फङ्सन) परिभाषा', meaningEn: 'function', block: 'opens' },
  { word: 'फर्काउ', roman: 'pharkau', meaningNe: 'कार्यबाट मान फर्काउने', meaningEn: 'return' },
  { word: 'रोक', roman: 'rok', meaningNe: 'लुप रोक्ने', meaningEn: 'break' },
  { word: 'जारी', roman: 'jari', meaningNe: 'लुपको अर्को पालोमा जाने', meaningEn: 'continue' },
  { word: 'सत्य', roman: 'satya', meaningNe: 'साँचो', meaningEn: 'true' },
  { word: 'असत्य', roman: 'asatya', meaningNe: 'झूटो', meaningEn: 'false' },
  { word: 'खाली', roman: 'khali', meaningNe: 'कुनै मान नभएको', meaningEn: 'the empty value (null)' },
  { word: 'र', roman: 'ra', meaningNe: 'र (दुवै साँचो)', meaningEn: 'and' },
  { word: 'वा', roman: 'wa', meaningNe: 'वा (कुनै एक साँचो)', meaningEn: 'or' },
  { word: 'होइन', roman: 'hoina', meaningNe: 'उल्टो (होइन)', meaningEn: 'not' },
];

function keywordsIn(role: BlockRole): string[] {
  return KEYWORDS.filter((k) => k.block === role).map((k) => k.word);
}

// Block structure, for the parser, folding, keyword matching and auto-indent alike.
/** Keywords that open a block that अन्त्य closes: if, while, for each, repeat, function. */
export const BLOCK_OPENING_KEYWORDS: readonly string[] = keywordsIn('opens');
/** else / else if: a branch of the open block. */
export const BLOCK_BRANCH_KEYWORD: string = keywordsIn('branches')[0];
/** end */
export const BLOCK_CLOSING_KEYWORD: string = keywordsIn('closes')[0];

// Romanised keyword → keyword, so the IDE can turn `yadi` into `यदि`.
export const ROMANISED_KEYWORDS: Readonly<Record<string, string>> = Object.fromEntries(
  KEYWORDS.map((k) => [k.roman, k.word]),
);

function builtin(
  name: string,
  roman: string,
  signature: string,
  minArgs: number,
  maxArgs: number | null,
  docNe: string,
  docEn: string,
): BuiltinInfo {
  return { name, roman, signature, minArgs, maxArgs, docNe, docEn };
}

export const BUILTINS: readonly BuiltinInfo[] = [
  builtin(
    'देखाउ',
    'dekhau',
    'देखाउ(क, ख, …)',
    0,
    null,
    'मानहरू एक खाली ठाउँ छुट्याएर छाप्छ, अनि नयाँ पङ्क्ति।',
    'Prints its arguments separated by spaces, then a newline.',
  ),
  builtin(
    'लेख',
    'lekha',
    'लेख(क, ख, …)',
    0,
    null,
    'देखाउ जस्तै छाप्छ, तर अन्त्यमा नयाँ पङ्क्ति बिना।',
    'Prints like देखाउ, without the final newline.',
  ),
  builtin(
    'पढ',
    'padha',
    'पढ()',
    0,
    0,
    'इनपुटबाट एक पङ्क्ति पढ्छ (नयाँ पङ्क्ति बिना); इनपुट सकिए खाली।',
    'Reads one line of input without its newline; खाली at the end of input.',
  ),
  builtin(
    'लम्बाइ',
    'lambai',
    'लम्बाइ(x)',
    1,
    1,
    'पाठ (अक्षर-बिन्दु), सूची वा शब्दकोशको लम्बाइ।',
    'Length of a text (code points), list or map.',
  ),
  builtin(
    'संख्या',
    'sankhya',
    'संख्या(पाठ)',
    1,
    1,
    'पाठलाई सङ्ख्यामा बदल्छ: "." नभए पूर्णांक, भए दशमलव।',
    'Converts a text to a number: integer without ".", decimal with it.',
  ),
  builtin(
    'पूर्णांक',
    'purnanka',
    'पूर्णांक(x)',
    1,
    1,
    'पूर्णांकमा बदल्छ (दशमलव शून्यतर्फ काटिन्छ)।',
    'Converts to an integer (decimals truncate toward zero).',
  ),
  builtin('दशमलव', 'dashamalav', 'दशमलव(x)', 1, 1, 'दशमलवमा बदल्छ।', 'Converts to a decimal.'),
  builtin(
    'पाठ',
    'paath',
    'पाठ(x)',
    1,
    1,
    'पाठमा बदल्छ, देखाउ ले छाप्ने जस्तै।',
    'Converts to text, exactly as देखाउ prints it.',
  ),
  builtin(
    'प्रकार',
    'prakaar',
    'प्रकार(x)',
    1,
    1,
    'मानको प्रकारको नाम: पूर्णांक, दशमलव, पाठ, बुलियन, सूची, शब्दकोश, कार्य वा खाली।',
    "The name of the value's type.",
  ),
  builtin('थप', 'thapa', 'थप(सूची, x)', 2, 2, 'सूचीको अन्त्यमा x थप्छ।', 'Appends x to the list.'),
  builtin(
    'निकाल',
    'nikaal',
    'निकाल(सूची)',
    1,
    1,
    'सूचीको अन्तिम तत्त्व हटाएर फर्काउँछ।',
    'Removes and returns the last element of the list.',
  ),
  builtin(
    'टुक्रा',
    'tukra',
    'टुक्रा(x, सुरु, अन्त)',
    3,
    3,
    'सूची वा पाठको सुरु देखि अन्त अघिसम्मको टुक्रा (Python x[सुरु:अन्त])।',
    'Slice of a list or text, like Python x[start:end].',
  ),
  builtin(
    'विभाजन',
    'vibhajan',
    'विभाजन(पाठ, छुट्याउने)',
    2,
    2,
    'पाठलाई छुट्याउनेमा टुक्र्याएर पाठहरूको सूची बनाउँछ।',
    'Splits a text on a separator into a list of texts.',
  ),
  builtin(
    'जोड',
    'jod',
    'जोड(सूची, बीचको)',
    2,
    2,
    'पाठहरूको सूचीलाई बीचको पाठ राखेर जोड्छ।',
    'Joins a list of texts with a separator.',
  ),
  builtin(
    'समावेश',
    'samavesh',
    'समावेश(x, y)',
    2,
    2,
    'x मा y छ कि छैन: पाठमा पाठ, सूचीमा तत्त्व, शब्दकोशमा कुञ्जी।',
    'Whether text x contains text y, list x contains y, or map x has key y.',
  ),
  builtin(
    'प्रतिस्थापन',
    'pratisthapan',
    'प्रतिस्थापन(पाठ, पुरानो, नयाँ)',
    3,
    3,
    'पाठमा पुरानो जति सबैलाई नयाँ ले बदल्छ।',
    'Replaces every occurrence.',
  ),
  builtin(
    'कुञ्जीहरू',
    'kunjiharu',
    'कुञ्जीहरू(शब्दकोश)',
    1,
    1,
    'शब्दकोशका कुञ्जीहरूको सूची (थपिएको क्रममा)।',
    "List of a map's keys in insertion order.",
  ),
  builtin(
    'अक्षरहरू',
    'aksharharu',
    'अक्षरहरू(पाठ)',
    1,
    1,
    'पाठका अक्षरहरू (संयुक्त अक्षर सँगै): अक्षरहरू("नमस्ते") → ["न", "म", "स्ते"]।',
    "List of the text's user-perceived characters (grapheme clusters).",
  ),
  builtin(
    'क्रमबद्ध',
    'kramabaddha',
    'क्रमबद्ध(सूची)',
    1,
    1,
    'क्रममा मिलाइएको नयाँ सूची (सङ्ख्या वा पाठ)।',
    'A sorted copy (numbers or texts).',
  ),
  builtin('उल्टो', 'ulto', 'उल्टो(x)', 1, 1, 'सूची वा पाठको उल्टो प्रति।', 'A reversed copy of a list or text.'),
  builtin('वर्गमूल', 'vargamul', 'वर्गमूल(x)', 1, 1, 'वर्गमूल (दशमलव)।', 'Square root (decimal).'),
  builtin('निरपेक्ष', 'nirapeksha', 'निरपेक्ष(x)', 1, 1, 'निरपेक्ष मान।', 'Absolute value.'),
  builtin(
    'अधिकतम',
    'adhikatam',
    'अधिकतम(क, ख, …)',
    1,
    null,
    'सबैभन्दा ठूलो मान (वा एउटा सूचीको सबैभन्दा ठूलो)।',
    'Largest argument, or largest element of one list.',
  ),
  builtin(
    'न्यूनतम',
    'nyunatam',
    'न्यूनतम(क, ख, …)',
    1,
    null,
    'सबैभन्दा सानो मान (वा एउटा सूचीको सबैभन्दा सानो)।',
    'Smallest argument, or smallest element of one list.',
  ),
  builtin(
    'गोलो',
    'golo',
    'गोलो(x)',
    1,
    1,
    'नजिकको पूर्णांक (आधा शून्यबाट टाढा)।',
    'Rounds half away from zero, to an integer.',
  ),
  builtin('भुइँ', 'bhuin', 'भुइँ(x)', 1, 1, 'तलतिरको पूर्णांक (floor)।', 'Floor, to an integer.'),
  builtin('छत', 'chhata', 'छत(x)', 1, 1, 'माथितिरको पूर्णांक (ceiling)।', 'Ceiling, to an integer.'),
];

// Romanised builtin name → builtin name (`dekhau` → `देखाउ`).
export const ROMANISED_BUILTINS: Readonly<Record<string, string>> = Object.fromEntries(
  BUILTINS.map((b) => [b.roman, b.name]),
);

// Words from Python and other languages that learners carry over, and Sajilo's word for each.
export const ENGLISH_EQUIVALENTS: Readonly<Record<string, string>> = {
  if: 'यदि',
  elif: 'नत्र',
  else: 'नत्र',
  while: 'जबसम्म',
  for: 'हरेक',
  in: 'मा',
  def: 'कार्य',
  function: 'कार्य',
  return: 'फर्काउ',
  break: 'रोक',
  continue: 'जारी',
  end: 'अन्त्य',
  let: 'राख',
  var: 'राख',
  const: 'स्थिर',
  True: 'सत्य',
  true: 'सत्य',
  False: 'असत्य',
  false: 'असत्य',
  None: 'खाली',
  null: 'खाली',
  and: 'र',
  or: 'वा',
  not: 'होइन',
  print: 'देखाउ',
  input: 'पढ',
  len: 'लम्बाइ',
  int: 'पूर्णांक',
  float: 'दशमलव',
  str: 'पाठ',
  type: 'प्रकार',
  append: 'थप',
  pop: 'निकाल',
  split: 'विभाजन',
  join: 'जोड',
  replace: 'प्रतिस्थापन',
  keys: 'कुञ्जीहरू',
  sorted: 'क्रमबद्ध',
  sqrt: 'वर्गमूल',
  abs: 'निरपेक्ष',
  max: 'अधिकतम',
  min: 'न्यूनतम',
  round: 'गोलो',
  floor: 'भुइँ',
  ceil: 'छत',
};
