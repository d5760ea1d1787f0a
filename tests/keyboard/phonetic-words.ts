// Words typed phonetically in code and what typing them gives: type `latin`, then Space,
// in an empty program (no names of its own): the first candidate is `devanagari`.
// 'keyword' and 'builtin' rows come from the language's words (matched loosely, so the
// everyday spelling works); 'word' and 'name' rows are the rule-based spelling, so
// `transliterate(latin)` gives the same text. Shared by the unit tests and the browser test
// that types every row with real key presses. docs/keyboard.md explains every spelling.
export type PhoneticWordKind = 'keyword' | 'builtin' | 'word' | 'name';

export interface PhoneticWord {
  latin: string;
  devanagari: string;
  kind: PhoneticWordKind;
}

const rows = (kind: PhoneticWordKind, table: readonly (readonly [string, string])[]): PhoneticWord[] =>
  table.map(([latin, devanagari]) => ({ latin, devanagari, kind }));

export const PHONETIC_WORDS: readonly PhoneticWord[] = [
  ...rows('keyword', [
    ['rakha', 'राख'], ['raakh', 'राख'], ['sthir', 'स्थिर'], ['yadi', 'यदि'], ['bhane', 'भने'],
    ['natra', 'नत्र'], ['antya', 'अन्त्य'], ['jabasamma', 'जबसम्म'], ['jabsamma', 'जबसम्म'],
    ['harek', 'हरेक'], ['dekhi', 'देखि'], ['samma', 'सम्म'], ['kadam', 'कदम'], ['maa', 'मा'],
    ['dohoryau', 'दोहोर्याउ'], ['patak', 'पटक'], ['karya', 'कार्य'], ['pharkau', 'फर्काउ'],
    ['farkau', 'फर्काउ'], ['rok', 'रोक'], ['jari', 'जारी'], ['satya', 'सत्य'], ['asatya', 'असत्य'],
    ['khali', 'खाली'], ['ra', 'र'], ['wa', 'वा'], ['va', 'वा'], ['hoina', 'होइन'],
  ]),
  ...rows('builtin', [
    ['dekhau', 'देखाउ'], ['dekhaau', 'देखाउ'], ['dekhaaun', 'देखाउ'], ['lekha', 'लेख'],
    ['padha', 'पढ'], ['lambai', 'लम्बाइ'], ['sankhya', 'संख्या'], ['purnanka', 'पूर्णांक'],
    ['dashamalav', 'दशमलव'], ['paath', 'पाठ'], ['prakar', 'प्रकार'], ['thap', 'थप'],
    ['nikal', 'निकाल'], ['tukra', 'टुक्रा'], ['vibhajan', 'विभाजन'], ['jod', 'जोड'],
    ['samavesh', 'समावेश'], ['pratisthapan', 'प्रतिस्थापन'], ['kunjiharu', 'कुञ्जीहरू'],
    ['aksharharu', 'अक्षरहरू'], ['kramabaddha', 'क्रमबद्ध'], ['ulto', 'उल्टो'],
    ['vargamul', 'वर्गमूल'], ['nirapeksha', 'निरपेक्ष'], ['adhikatam', 'अधिकतम'],
    ['nyunatam', 'न्यूनतम'], ['golo', 'गोलो'], ['bhuin', 'भुइँ'], ['chhata', 'छत'],
  ]),
  ...rows('word', [
    ['namaste', 'नमस्ते'], ['kshetra', 'क्षेत्र'], ['xetra', 'क्षेत्र'], ['gyan', 'ज्ञान'],
    ['jnyan', 'ज्ञान'], ['vigyaan', 'विज्ञान'], ['shri', 'श्री'], ['krishi', 'कृषि'],
    ['prithvii', 'पृथ्वी'], ['kripayaa', 'कृपया'], ['mantrii', 'मन्त्री'], ['kqriyaa', 'क्रिया'],
    ['nepaal', 'नेपाल'], ['nepaalii', 'नेपाली'], ['kaaThamaaDauM', 'काठमाडौं'],
    ['vidyaalaya', 'विद्यालय'], ['vidyaarthii', 'विद्यार्थी'], ['pustak', 'पुस्तक'],
    ['kitaab', 'किताब'], ['ghar', 'घर'], ['paanii', 'पानी'], ['bhaat', 'भात'], ['duudh', 'दूध'],
    ['aamaa', 'आमा'], ['buwaa', 'बुवा'], ['didii', 'दिदी'], ['bahinii', 'बहिनी'], ['daaju', 'दाजु'],
    ['saathii', 'साथी'], ['guru', 'गुरु'], ['shikshak', 'शिक्षक'], ['prashna', 'प्रश्न'],
    ['uttar', 'उत्तर'], ['gaNit', 'गणित'], ['pradesh', 'प्रदेश'], ['sarakaar', 'सरकार'],
    ['desh', 'देश'], ['raajadhaanii', 'राजधानी'], ['nagar', 'नगर'], ['gaauMM', 'गाउँ'],
    ['saDak', 'सडक'], ['baaTo', 'बाटो'], ['pahaaD', 'पहाड'], ['himaal', 'हिमाल'],
    ['nadii', 'नदी'], ['jangal', 'जङ्गल'], ['rang', 'रङ'], ['angrejii', 'अङ्ग्रेजी'],
    ['ghanTaa', 'घण्टा'], ['paJNchaayat', 'पञ्चायत'], ['sambandha', 'सम्बन्ध'],
    ['swaasthya', 'स्वास्थ्य'], ['aspataal', 'अस्पताल'], ['DaakTar', 'डाक्टर'],
    ['kaam', 'काम'],
    ['dhanyavaad', 'धन्यवाद'], ['hunchha', 'हुन्छ'], ['samaachaar', 'समाचार'],
    ['kampyuTar', 'कम्प्युटर'], ['prograam', 'प्रोग्राम'], ['sajilo', 'सजिलो'],
    ['kaThin', 'कठिन'], ['sikaai', 'सिकाइ'], ['abhyaas', 'अभ्यास'],
    ['pariikshaa', 'परीक्षा'], ['hisaab', 'हिसाब'], ['jammaa', 'जम्मा'], ['ghaTaau', 'घटाउ'],
    ['guNaa', 'गुणा'], ['bhaag', 'भाग'], ['sheSh', 'शेष'], ['suuchii', 'सूची'],
    ['shabdakosh', 'शब्दकोश'], ['akshar', 'अक्षर'], ['shabda', 'शब्द'], ['vaakya', 'वाक्य'],
    ['nishchit', 'निश्चित'], ['svatantra', 'स्वतन्त्र'], ['prajaatantra', 'प्रजातन्त्र'],
    ['raaShTqriya', 'राष्ट्रिय'], ['ekataa', 'एकता'], ['ek', 'एक'],
    ['duii', 'दुई'], ['tiin', 'तीन'], ['chaar', 'चार'], ['paaMMch', 'पाँच'], ['chha', 'छ'],
    ['saat', 'सात'], ['aaTh', 'आठ'], ['nau', 'नौ'], ['das', 'दस'], ['saya', 'सय'],
    ['hajaar', 'हजार'], ['laakh', 'लाख'], ['karoD', 'करोड'], ['yahaaMM', 'यहाँ'],
    ['kahaaMM', 'कहाँ'], ['nayaaMM', 'नयाँ'], ['saaMMcho', 'साँचो'], ['duHkha', 'दुःख'],
    ['punaH', 'पुनः'], ['aMsha', 'अंश'], ['saMsaar', 'संसार'], ['bhagavaanq', 'भगवान्'],
    ['vidvaanq', 'विद्वान्'], ['OM', 'ॐ'], ['Rishi', 'ऋषि'], ['drishTi', 'दृष्टि'],
    ['krishNa', 'कृष्ण'], ['yogya', 'योग्य'], ['bhaagya', 'भाग्य'], ['yajnya', 'यज्ञ'],
    ['aagyaa', 'आज्ञा'], ['chhaatra', 'छात्र'], ['chhaatraa', 'छात्रा'],
  ]),
  ...rows('name', [
    ['raam', 'राम'], ['siitaa', 'सीता'], ['hari', 'हरि'], ['giitaa', 'गीता'], ['suniil', 'सुनील'],
    ['viShNu', 'विष्णु'], ['laxmii', 'लक्ष्मी'], ['lakshmii', 'लक्ष्मी'], ['gaNesh', 'गणेश'],
    ['pokharaa', 'पोखरा'], ['lalitapur', 'ललितपुर'], ['bhaktapur', 'भक्तपुर'],
    ['viraaTanagar', 'विराटनगर'], ['janakapur', 'जनकपुर'], ['dharaan', 'धरान'],
    ['zaakir', 'जाकिर'], ['farahaan', 'फरहान'], ['yusuf', 'युसुफ'], ['faatimaa', 'फातिमा'],
    ['aziz', 'अजिज'], ['suShmaa', 'सुष्मा'], ['prakaash', 'प्रकाश'], ['pratibhaa', 'प्रतिभा'],
    ['shreyaa', 'श्रेया'], ['anjali', 'अञ्जलि'], ['mahendra', 'महेन्द्र'], ['vishwa', 'विश्व'],
    ['sagaramaathaa', 'सगरमाथा'], ['lumbinii', 'लुम्बिनी'], ['jaanakii', 'जानकी'],
  ]),
];
