import { describe, expect, it } from 'vitest';
import { BUILTINS, KEYWORDS } from '@/lib/compiler/language';
import { CandidateIndex, phoneticCandidates, romanise, transliterate } from '@/lib/keyboard';
import { PHONETIC_WORDS } from './phonetic-words';

describe('the word table typed phonetically', () => {
  it('holds at least 150 words of every kind', () => {
    expect(PHONETIC_WORDS.length).toBeGreaterThanOrEqual(150);
    for (const kind of ['keyword', 'builtin', 'word', 'name'] as const) {
      expect(PHONETIC_WORDS.filter((w) => w.kind === kind).length, kind).toBeGreaterThanOrEqual(20);
    }
  });

  it.each(PHONETIC_WORDS)('$latin → $devanagari ($kind)', ({ latin, devanagari, kind }) => {
    const [first] = phoneticCandidates(latin);
    expect(first.text).toBe(devanagari);
    if (kind === 'keyword' || kind === 'builtin') {
      expect(first.source).toBe(kind);
    } else {
      expect(transliterate(latin)).toBe(devanagari);
    }
  });
});

describe('transliterate: the scheme', () => {
  it.each([
    // the examples the scheme is built around
    ['samma', 'सम्म'],
    ['kshetra', 'क्षेत्र'],
    ['xetra', 'क्षेत्र'],
    ['gyan', 'ज्ञान'],
    ['jnyan', 'ज्ञान'],
    ['shri', 'श्री'],
    ['krishi', 'कृषि'],
    ['namaste', 'नमस्ते'],
    // inherent vowel, halant, anusvara, chandrabindu, visarga
    ['kadam', 'कदम'],
    ['kadama', 'कदम'],
    ['bhagavaanq', 'भगवान्'],
    ['saMkhyaa', 'संख्या'],
    ['haaMMsa', 'हाँस'],
    ['duHkha', 'दुःख'],
    ['aMsha', 'अंश'],
    // vowels: independent at a word start or after a vowel, signs after a consonant
    ['a aa i ii u uu e ai o au', 'अ आ इ ई उ ऊ ए ऐ ओ औ'],
    ['ka kaa ki kii ku kuu ke kai ko kau', 'क का कि की कु कू के कै को कौ'],
    ['kA kI kU kee koo kou', 'का की कू की कू कौ'],
    ['Ri kR', 'ऋ कृ'],
    // consonants, retroflex by capital letter, Nepali habits
    ['ka kha ga gha', 'क ख ग घ'],
    ['cha chha Cha ja jha', 'च छ छ ज झ'],
    ['Ta Tha Da Dha Na', 'ट ठ ड ढ ण'],
    ['ta tha da dha na', 'त थ द ध न'],
    ['pa pha fa ba bha ma', 'प फ फ ब भ म'],
    ['ya ra la va wa', 'य र ल व व'],
    ['sha Sha shha sa ha', 'श ष ष स ह'],
    ['za', 'ज'],
    ['JNa NGa', 'ञ ङ'],
    // class nasals fall out of typing n
    ['jangal', 'जङ्गल'],
    ['kunjii', 'कुञ्जी'],
    ['hunchha', 'हुन्छ'],
    ['paJNch', 'पञ्च'],
    ['ghanTaa', 'घण्टा'],
    ['santaan', 'सन्तान'],
    ['rang', 'रङ'],
    // ri: vocalic after a consonant, र + vowel elsewhere
    ['hari', 'हरि'],
    ['mantrii', 'मन्त्री'],
    ['kqriyaa', 'क्रिया'],
    ['drishTi', 'दृष्टि'],
    // ज्ञ: long a inside a word, inherent at the end; ग्य at the end
    ['vigyaan', 'विज्ञान'],
    ['yajnya', 'यज्ञ'],
    ['bhaagya', 'भाग्य'],
    ['yogqyataa', 'योग्यता'],
    ['OM', 'ॐ'],
  ])('%s → %s', (latin, devanagari) => {
    expect(transliterate(latin)).toBe(devanagari);
  });

  it('types digits as Devanagari digits, or Latin ones on request', () => {
    expect(transliterate('x = 12.5')).toBe('क्ष = १२.५');
    expect(transliterate('0123456789')).toBe('०१२३४५६७८९');
    expect(transliterate('x = 12.5', { latinDigits: true })).toBe('क्ष = 12.5');
  });

  it('passes every printable ASCII symbol and space through unchanged', () => {
    const symbols = ' !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
    expect(transliterate(symbols)).toBe(symbols);
    expect(transliterate('yadi(ka<3)')).toBe('यदि(क<३)');
  });

  it('leaves Devanagari and other text alone', () => {
    expect(transliterate('देखाउ é ñ 日本')).toBe('देखाउ é ñ 日本');
  });

  it('gives NFC text', () => {
    for (const { latin } of PHONETIC_WORDS) {
      const text = transliterate(latin);
      expect(text.normalize('NFC')).toBe(text);
    }
  });

  it('turns the romanisation of every keyword and builtin back into it', () => {
    for (const word of [...KEYWORDS.map((k) => k.word), ...BUILTINS.map((b) => b.name)]) {
      expect(transliterate(romanise(word)), word).toBe(word);
    }
  });
});

/** Every keyword and builtin with the spellings people write for it. */
const COMMON_ROMANISATIONS: Readonly<Record<string, readonly string[]>> = {
  राख: ['rakha', 'rakh', 'raakh', 'raakha'],
  स्थिर: ['sthir', 'sthira', 'sthiir'],
  यदि: ['yadi', 'yadii', 'yadee'],
  भने: ['bhane', 'bhanne', 'bane'],
  नत्र: ['natra', 'natr', 'nattra'],
  अन्त्य: ['antya', 'anty', 'antyaa'],
  जबसम्म: ['jabasamma', 'jabsamma', 'jabasama', 'jabsam'],
  हरेक: ['harek', 'hareka', 'harekh'],
  देखि: ['dekhi', 'dekhii', 'dekhee'],
  सम्म: ['samma', 'sammaa', 'sama'],
  कदम: ['kadam', 'kadama', 'kadaam'],
  मा: ['maa', 'ma'],
  दोहोर्याउ: ['dohoryau', 'dohoryaau', 'dohoryaaun', 'dohoryaun'],
  पटक: ['patak', 'pataka', 'paTak'],
  कार्य: ['karya', 'kaarya', 'kary'],
  फर्काउ: ['pharkau', 'farkau', 'pharkaau', 'farkaaun'],
  रोक: ['rok', 'roka'],
  जारी: ['jari', 'jaari', 'jaaree'],
  सत्य: ['satya', 'sattya', 'saty'],
  असत्य: ['asatya', 'asattya'],
  खाली: ['khali', 'khaali', 'khaalee', 'kali'],
  र: ['ra', 'r'],
  वा: ['wa', 'va', 'waa', 'vaa'],
  होइन: ['hoina', 'hoin', 'hoinaa'],
  देखाउ: ['dekhau', 'dekhaau', 'dekhaaun', 'dekhaun'],
  लेख: ['lekha', 'lekh', 'lekhaa'],
  पढ: ['padha', 'padh', 'paDh', 'paDha'],
  लम्बाइ: ['lambai', 'lambaai', 'lambaii'],
  संख्या: ['sankhya', 'sankhyaa', 'samkhya', 'saMkhyaa'],
  पूर्णांक: ['purnanka', 'purnank', 'poornank', 'purnaank'],
  दशमलव: ['dashamalav', 'dashamlav', 'dashamalab', 'dasamalav'],
  पाठ: ['paath', 'path', 'patha', 'paaTh'],
  प्रकार: ['prakar', 'prakaar', 'prakaara'],
  थप: ['thapa', 'thap'],
  निकाल: ['nikal', 'nikaal', 'nikaala'],
  टुक्रा: ['tukra', 'tukraa', 'Tukraa'],
  विभाजन: ['vibhajan', 'bibhajan', 'vibhaajan'],
  जोड: ['jod', 'joda', 'joD'],
  समावेश: ['samavesh', 'samawesh', 'samabesh', 'samaavesh'],
  प्रतिस्थापन: ['pratisthapan', 'pratisthaapan', 'pratishthapan'],
  कुञ्जीहरू: ['kunjiharu', 'kunjeeharu', 'kunjiiharuu', 'kunjiharoo'],
  अक्षरहरू: ['aksharharu', 'aksharaharu', 'axarharu', 'aksharharoo'],
  क्रमबद्ध: ['kramabaddha', 'krambaddha', 'kramabaddh', 'krambadh'],
  उल्टो: ['ulto', 'ulTo', 'ultto'],
  वर्गमूल: ['vargamul', 'vargamool', 'bargamul', 'vargamuul'],
  निरपेक्ष: ['nirapeksha', 'nirpeksha', 'nirapexa'],
  अधिकतम: ['adhikatam', 'adhiktam', 'adhikatama'],
  न्यूनतम: ['nyunatam', 'nyuntam', 'nyoontam'],
  गोलो: ['golo', 'gollo'],
  भुइँ: ['bhuin', 'bhui', 'bhuiMM', 'bhuiin'],
  छत: ['chhata', 'chata', 'chhat', 'chat'],
};

describe('keywords and builtins come first for their common romanisations', () => {
  it('the table lists every keyword and builtin of the language', () => {
    const words = [...KEYWORDS.map((k) => k.word), ...BUILTINS.map((b) => b.name)].sort();
    expect(Object.keys(COMMON_ROMANISATIONS).sort()).toEqual(words);
    for (const k of KEYWORDS) expect(COMMON_ROMANISATIONS[k.word], k.word).toContain(k.roman);
  });

  const rows = Object.entries(COMMON_ROMANISATIONS).flatMap(([word, spellings]) =>
    [...new Set(spellings)].map((latin) => ({ word, latin })),
  );
  it.each(rows)('$latin → $word first', ({ word, latin }) => {
    expect(phoneticCandidates(latin)[0].text).toBe(word);
  });

  it('also with a program full of names', () => {
    const names = Array.from({ length: 3000 }, (_, i) =>
      transliterate(`naam${'abcdefghijklmnopqrstuvwxyz'[i % 26]}${i}`),
    );
    for (const { word, latin } of rows) {
      expect(phoneticCandidates(latin, { names })[0].text, latin).toBe(word);
    }
  });
});

describe('candidates', () => {
  it('names in the program are offered by their loose romanisation', () => {
    const names = ['फलफूल', 'कुल', 'विद्यार्थीहरू'];
    expect(phoneticCandidates('phalphul', { names })[0]).toEqual({ text: 'फलफूल', source: 'name' });
    expect(phoneticCandidates('falfool', { names })[0]).toEqual({ text: 'फलफूल', source: 'name' });
    expect(phoneticCandidates('vidyarthiharu', { names })[0]).toEqual({ text: 'विद्यार्थीहरू', source: 'name' });
    expect(phoneticCandidates('kul', { names })[0]).toEqual({ text: 'कुल', source: 'name' });
  });

  it('the rule spelling follows the matches, then words the Latin begins', () => {
    const list = phoneticCandidates('dekhau');
    expect(list.map((c) => c.text).slice(0, 2)).toEqual(['देखाउ', 'देखौ']);
    expect(list[1].source).toBe('rule');
    const dek = phoneticCandidates('dek');
    expect(dek[0]).toEqual({ text: 'देक', source: 'rule' });
    expect(dek.map((c) => c.text)).toEqual(expect.arrayContaining(['देखि', 'देखाउ']));
  });

  it('a word that only the rule spells gets the rule spelling first', () => {
    expect(phoneticCandidates('k')[0]).toEqual({ text: 'क', source: 'rule' });
    expect(phoneticCandidates('ghar')[0]).toEqual({ text: 'घर', source: 'rule' });
    expect(phoneticCandidates('ba')[0]).toEqual({ text: 'ब', source: 'rule' });
  });

  it('a name that the rule spells exactly is marked as the name', () => {
    expect(phoneticCandidates('phal', { names: ['फल'] })[0]).toEqual({ text: 'फल', source: 'name' });
  });

  it('offers alternative spellings after the rule: र + ि for ृ, ग्य for ज्ञ', () => {
    expect(phoneticCandidates('kriyaa').map((c) => c.text)).toEqual(expect.arrayContaining(['कृया', 'क्रिया']));
    expect(
      phoneticCandidates('patrikaa')
        .map((c) => c.text)
        .slice(0, 2),
    ).toEqual(['पतृका', 'पत्रिका']);
    expect(phoneticCandidates('yogyataa').map((c) => c.text)).toContain('योग्यता');
  });

  it('in texts and comments the rule spelling comes first', () => {
    expect(phoneticCandidates('ma', { context: 'string' })[0]).toEqual({ text: 'म', source: 'rule' });
    expect(phoneticCandidates('ma', { context: 'code' })[0]).toEqual({ text: 'मा', source: 'keyword' });
    expect(phoneticCandidates('dekhau', { context: 'comment' })[0].text).toBe('देखौ');
  });

  it('never lists one spelling twice, never more than asked, never nothing', () => {
    for (const { latin } of PHONETIC_WORDS) {
      const list = phoneticCandidates(latin, {}, 4);
      expect(list.length).toBeGreaterThan(0);
      expect(list.length).toBeLessThanOrEqual(4);
      expect(new Set(list.map((c) => c.text)).size).toBe(list.length);
    }
    expect(phoneticCandidates('')).toEqual([]);
  });

  it('one spelling of a name (class nasal or anusvara) is listed once', () => {
    const list = phoneticCandidates('sankhyaa', { names: ['सङ्ख्या'] });
    expect(list.filter((c) => c.text === 'सङ्ख्या' || c.text === 'संख्या')).toHaveLength(1);
  });

  it('latinDigits keeps digits in the rule spelling', () => {
    expect(phoneticCandidates('ka1', { latinDigits: true })[0].text).toBe('क1');
  });

  it('an index over thousands of names answers by key, not by scanning', () => {
    const names = Array.from({ length: 5000 }, (_, i) => `नाम${i}`);
    const index = new CandidateIndex(names);
    expect(index.candidates('naam', 'code', 9).length).toBeGreaterThan(1);
    expect(index.candidates('naam', 'code', 9)[0].text).toBe('नाम');
  });
});
