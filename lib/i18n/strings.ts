// Every string of the IDE's interface, in Nepali (the default) and English, in one place.
// `tests/app/i18n.test.ts` checks that both languages have the same keys and placeholders.

export type UiLanguage = 'ne' | 'en';
export const UI_LANGUAGES: readonly UiLanguage[] = ['ne', 'en'];
export const DEFAULT_UI_LANGUAGE: UiLanguage = 'ne';

const ne = {
  'site.tagline': 'नेपालीमा प्रोग्राम लेख्नुहोस्',
  'nav.ide': 'सम्पादक',
  'nav.examples': 'उदाहरणहरू',
  'nav.guide': 'भाषा निर्देशिका',
  'nav.main': 'मुख्य मेनु',
  'ui.languageSwitch': 'English मा हेर्नुहोस्',
  'ui.languageSwitchShort': 'EN',
  'theme.toLight': 'उज्यालो रङमा बदल्नुहोस्',
  'theme.toDark': 'अँध्यारो रङमा बदल्नुहोस्',
  'ide.title': 'सजिलो सम्पादक',
  'ide.editorLabel': 'प्रोग्रामको स्रोत',
  'ide.editorLoading': 'सम्पादक खुल्दैछ…',
  'ide.run': 'चलाउनुहोस्',
  'ide.running': 'चल्दैछ…',
  'ide.stop': 'रोक्नुहोस्',
  'ide.stopHint': 'चलिरहेको प्रोग्राम रोक्नुहोस्',
  'ide.runHint': 'Ctrl+Enter',
  'ide.stdin': 'इनपुट (stdin)',
  'ide.stdinPlaceholder': 'प्रोग्रामले पढ्ने इनपुट यहाँ लेख्नुहोस्',
  'ide.latinDigits': 'अङ्क 0-9 मा देखाउनुहोस्',
  'ide.toolbar': 'सम्पादकका उपकरण',
  'keyboard.layout': 'किबोर्ड',
  'keyboard.romanized': 'रोमनाइज्ड',
  'keyboard.traditional': 'परम्परागत',
  'keyboard.off': 'बन्द (ABC)',
  'keyboard.switchHint': 'किबोर्ड बदल्न Alt+K',
  'keyboard.show': 'अन-स्क्रिन किबोर्ड देखाउनुहोस्',
  'keyboard.hide': 'अन-स्क्रिन किबोर्ड लुकाउनुहोस्',
  'keyboard.panel': 'अन-स्क्रिन किबोर्ड',
  'keyboard.shift': 'सिफ्ट',
  'keyboard.space': 'खाली ठाउँ',
  'keyboard.backspace': 'मेटाउनुहोस्',
  'keyboard.enter': 'नयाँ पङ्क्ति',
  'keyboard.offNotice': 'किबोर्ड बन्द छ: माथिबाट रोमनाइज्ड वा परम्परागत छान्नुहोस्।',
  'output.title': 'नतिजा',
  'output.stdout': 'आउटपुट',
  'output.stderr': 'त्रुटि सन्देश (stderr)',
  'output.empty': 'प्रोग्राम चलाउन Ctrl+Enter थिच्नुहोस्।',
  'output.noOutput': '(कुनै आउटपुट छैन)',
  'output.exitCode': 'बाहिरिने कोड',
  'output.signal': 'सिग्नल',
  'output.cpu': 'CPU समय',
  'output.wall': 'कुल समय',
  'output.memory': 'अधिकतम मेमोरी',
  'output.truncated': 'आउटपुट धेरै लामो भएकाले काटियो।',
  'output.compileErrors': 'प्रोग्राममा त्रुटि',
  'output.goTo': 'पङ्क्ति {line}, स्तम्भ {column}',
  'output.moreDiagnostics': 'र {n} थप त्रुटि वा चेतावनी (पहिलाका सच्याएपछि देखिन्छन्)',
  'output.runtimeErrorAt': 'रनटाइम त्रुटि: पङ्क्ति {line}, स्तम्भ {column} मा जानुहोस्',
  'output.ms': '{n} मि.से.',
  'output.kb': '{n} KB',
  'output.progress': 'कम्पाइल गरेर चलाउँदैछ…',
  'error.network': 'सर्भरसँग जोडिन सकिएन। फेरि प्रयास गर्नुहोस्।',
  'error.overloaded': 'सर्भर व्यस्त छ। {seconds} सेकेन्डपछि फेरि प्रयास गर्नुहोस्।',
  'error.tooLarge': 'प्रोग्राम वा इनपुट धेरै ठूलो छ (बढीमा ६४ KiB)।',
  'error.badRequest': 'अनुरोध मिलेन।',
  'error.server': 'सर्भरमा समस्या आयो। फेरि प्रयास गर्नुहोस्।',
  'examples.title': 'उदाहरण प्रोग्रामहरू',
  'examples.intro': 'कुनै उदाहरण छानेर सम्पादकमा खोल्नुहोस्, अनि Ctrl+Enter थिचेर चलाउनुहोस्।',
  'examples.open': 'सम्पादकमा खोल्नुहोस्',
  'examples.none': 'अहिलेसम्म कुनै उदाहरण छैन।',
  'guide.title': 'भाषा निर्देशिका',
  'guide.missing': 'भाषा निर्देशिका अझै लेखिँदैछ।',
  'notFound.title': 'पृष्ठ भेटिएन',
  'notFound.body': 'तपाईंले खोज्नुभएको पृष्ठ यहाँ छैन।',
  'notFound.home': 'सम्पादकमा फर्कनुहोस्',
  'errorPage.title': 'केही गडबड भयो',
  'errorPage.body': 'यो पृष्ठ देखाउँदा समस्या आयो। तपाईंको मस्यौदा सुरक्षित छ।',
  'errorPage.retry': 'फेरि प्रयास गर्नुहोस्',
  'skip.toEditor': 'मुख्य भागमा जानुहोस्',
  'verdict.ok': 'सफल',
  'verdict.runtime_error': 'रनटाइम त्रुटि',
  'verdict.time_limit': 'समय सीमा नाघ्यो',
  'verdict.memory_limit': 'मेमोरी सीमा नाघ्यो',
  'verdict.output_limit': 'आउटपुट सीमा नाघ्यो',
  'verdict.security_violation': 'निषेधित काम',
  'verdict.internal_error': 'आन्तरिक त्रुटि',
  'verdict.compile_error': 'कम्पाइल त्रुटि',
  'verdict.stopped': 'रोकियो',
  'output.stopped': 'तपाईंले प्रोग्राम रोक्नुभयो।',
} as const;

export type StringKey = keyof typeof ne;

const en: Record<StringKey, string> = {
  'site.tagline': 'Write programs in Nepali',
  'nav.ide': 'Editor',
  'nav.examples': 'Examples',
  'nav.guide': 'Language guide',
  'nav.main': 'Main menu',
  'ui.languageSwitch': 'नेपालीमा हेर्नुहोस्',
  'ui.languageSwitchShort': 'ने',
  'theme.toLight': 'Switch to the light theme',
  'theme.toDark': 'Switch to the dark theme',
  'ide.title': 'Sajilo editor',
  'ide.editorLabel': 'Program source',
  'ide.editorLoading': 'Opening the editor…',
  'ide.run': 'Run',
  'ide.running': 'Running…',
  'ide.stop': 'Stop',
  'ide.stopHint': 'Stop the running program',
  'ide.runHint': 'Ctrl+Enter',
  'ide.stdin': 'Input (stdin)',
  'ide.stdinPlaceholder': 'Type the input your program reads here',
  'ide.latinDigits': 'Show digits as 0-9',
  'ide.toolbar': 'Editor tools',
  'keyboard.layout': 'Keyboard',
  'keyboard.romanized': 'Romanized',
  'keyboard.traditional': 'Traditional',
  'keyboard.off': 'Off (ABC)',
  'keyboard.switchHint': 'Alt+K switches the keyboard',
  'keyboard.show': 'Show the on-screen keyboard',
  'keyboard.hide': 'Hide the on-screen keyboard',
  'keyboard.panel': 'On-screen keyboard',
  'keyboard.shift': 'Shift',
  'keyboard.space': 'Space',
  'keyboard.backspace': 'Backspace',
  'keyboard.enter': 'New line',
  'keyboard.offNotice': 'The keyboard is off: choose Romanized or Traditional above.',
  'output.title': 'Result',
  'output.stdout': 'Output',
  'output.stderr': 'Error messages (stderr)',
  'output.empty': 'Press Ctrl+Enter to run the program.',
  'output.noOutput': '(no output)',
  'output.exitCode': 'Exit code',
  'output.signal': 'Signal',
  'output.cpu': 'CPU time',
  'output.wall': 'Wall time',
  'output.memory': 'Peak memory',
  'output.truncated': 'The output was too long and was cut.',
  'output.compileErrors': 'Errors in the program',
  'output.goTo': 'line {line}, column {column}',
  'output.moreDiagnostics': 'and {n} more errors or warnings (shown once the ones above are fixed)',
  'output.runtimeErrorAt': 'Runtime error: go to line {line}, column {column}',
  'output.ms': '{n} ms',
  'output.kb': '{n} KB',
  'output.progress': 'Compiling and running…',
  'error.network': 'Could not reach the server. Please try again.',
  'error.overloaded': 'The server is busy. Try again in {seconds} seconds.',
  'error.tooLarge': 'The program or the input is too large (64 KiB at most).',
  'error.badRequest': 'The request was not understood.',
  'error.server': 'Something went wrong on the server. Please try again.',
  'examples.title': 'Example programs',
  'examples.intro': 'Pick an example to open it in the editor, then press Ctrl+Enter to run it.',
  'examples.open': 'Open in the editor',
  'examples.none': 'No examples yet.',
  'guide.title': 'Language guide',
  'guide.missing': 'The language guide is still being written.',
  'notFound.title': 'Page not found',
  'notFound.body': 'The page you were looking for is not here.',
  'notFound.home': 'Back to the editor',
  'errorPage.title': 'Something went wrong',
  'errorPage.body': 'This page could not be shown. Your draft is safe.',
  'errorPage.retry': 'Try again',
  'skip.toEditor': 'Skip to the main content',
  'verdict.ok': 'OK',
  'verdict.runtime_error': 'Runtime error',
  'verdict.time_limit': 'Time limit exceeded',
  'verdict.memory_limit': 'Memory limit exceeded',
  'verdict.output_limit': 'Output limit exceeded',
  'verdict.security_violation': 'Forbidden operation',
  'verdict.internal_error': 'Internal error',
  'verdict.compile_error': 'Compile error',
  'verdict.stopped': 'Stopped',
  'output.stopped': 'You stopped the program.',
};

export const STRINGS: Record<UiLanguage, Record<StringKey, string>> = { ne, en };

/** The string for `key` in `lang`, with `{name}` placeholders filled from `vars`. */
export function translate(lang: UiLanguage, key: StringKey, vars?: Record<string, string | number>): string {
  const text = STRINGS[lang][key] ?? STRINGS[DEFAULT_UI_LANGUAGE][key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

const NE_DIGITS = '०१२३४५६७८९';
/** Writes the ASCII digits of a number or text with Devanagari digits. */
export function toDevanagariDigits(value: string | number): string {
  return String(value).replace(/[0-9]/g, (d) => NE_DIGITS[Number(d)]);
}

/** Formats a number for the interface: Devanagari digits in Nepali, ASCII in English. */
export function formatNumber(lang: UiLanguage, n: number): string {
  const s = Number.isInteger(n) ? String(n) : n.toFixed(1);
  return lang === 'ne' ? toDevanagariDigits(s) : s;
}

export function isUiLanguage(x: unknown): x is UiLanguage {
  return x === 'ne' || x === 'en';
}
