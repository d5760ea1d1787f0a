// Every message the front end can report, once, with a stable code (1xxx lexical and syntax,
// 2xxx semantic; W for warnings), in Nepali and English. `{0}`, `{1}` … are arguments;
// numbers among them are written with Devanagari digits in the Nepali text.

import type { Diagnostic, SourceRange } from './ast';

export interface MessageTemplate {
  code: string;
  severity: 'error' | 'warning';
  ne: string;
  en: string;
}

function error(code: string, ne: string, en: string): MessageTemplate {
  return { code, severity: 'error', ne, en };
}

function warning(code: string, ne: string, en: string): MessageTemplate {
  return { code, severity: 'warning', ne, en };
}

export const Messages = {
  // ── lexical ──
  unexpectedCharacter: error('E1001', 'यो अक्षर यहाँ चल्दैन: "{0}"', 'Unexpected character "{0}"'),
  unterminatedText: error(
    'E1002',
    'पाठ बन्द भएन: यही पङ्क्तिमा अन्त्यमा " चाहिन्छ',
    'Unterminated text: a closing " is needed on the same line',
  ),
  invalidEscape: error(
    'E1003',
    'पाठमा "\\{0}" चल्दैन; चल्ने: \\n \\t \\\\ \\" \\u{…}',
    'Invalid escape "\\{0}" in text; allowed: \\n \\t \\\\ \\" \\u{…}',
  ),
  invalidUnicodeEscape: error(
    'E1004',
    '\\u{…} मा एक देखि छ वटा हेक्स अङ्कको युनिकोड मान चाहिन्छ',
    '\\u{…} needs one to six hex digits naming a Unicode scalar value',
  ),
  integerTooLarge: error(
    'E1005',
    'पूर्णांक "{0}" धेरै ठूलो भयो (बढीमा ९२२३३७२०३६८५४७७५८०७)',
    'Integer "{0}" is too large (at most 9223372036854775807)',
  ),
  dandaNotAllowed: error(
    'E1006',
    'वाक्य "।" ले टुङ्गिँदैन: नयाँ पङ्क्ति वा ";" प्रयोग गर्नुहोस्',
    'Statements do not end with "।": use a new line or ";"',
  ),
  digitsAfterPoint: error(
    'E1007',
    'दशमलव बिन्दुपछि अङ्क चाहिन्छ (जस्तै {0}.०)',
    'A decimal point must be followed by digits (as in {0}.0)',
  ),
  compoundAssignment: error(
    'E1010',
    '"{0}" चल्दैन; "क = क {1} ख" जस्तो पूरा लेख्नुहोस्',
    '"{0}" is not in Sajilo; write it out: "a = a {1} b"',
  ),
  foreignOperator: error(
    'E1008',
    '"{0}" चल्दैन; यसको सट्टा "{1}" लेख्नुहोस्',
    '"{0}" is not an operator; write "{1}" instead',
  ),
  dandaAsDecimalPoint: error(
    'E1009',
    'दशमलव बिन्दु "." हो, "।" होइन (नेपाली किबोर्डमा AltGr + . थिच्नुहोस्)',
    'The decimal point is ".", not "।" (on the Nepali keyboard press AltGr + .)',
  ),
  // ── syntax ──
  expectedExpression: error('E1101', 'यहाँ मान (अभिव्यक्ति) चाहिन्थ्यो, तर {0} भेटियो', 'Expected an expression, found {0}'),
  expectedToken: error('E1102', 'यहाँ {0} चाहिन्थ्यो, तर {1} भेटियो', 'Expected {0}, found {1}'),
  unclosedBlock: error(
    'E1103',
    'पङ्क्ति {1} को "{0}" ले सुरु गरेको खण्ड बन्द भएन: "अन्त्य" चाहिन्छ',
    'The block opened by "{0}" on line {1} is never closed: "अन्त्य" is missing',
  ),
  chainedComparison: error(
    'E1104',
    'तुलना एकपछि अर्को जोड्न मिल्दैन; "क < ख र ख < ग" जस्तो लेख्नुहोस्',
    'Comparisons cannot be chained; write "a < b र b < c"',
  ),
  invalidAssignmentTarget: error(
    'E1105',
    '"=" को बायाँ चलको नाम वा सूची[सूचक] मात्र हुन सक्छ',
    'Only a variable name or an indexed element can be assigned to',
  ),
  expectedStatementEnd: error(
    'E1106',
    'वाक्य यहाँ सकिनुपर्थ्यो (नयाँ पङ्क्ति वा ";"), तर {0} भेटियो',
    'Expected the end of the statement (a new line or ";"), found {0}',
  ),
  unexpectedKeyword: error('E1107', '"{0}" यहाँ आउन मिल्दैन', '"{0}" cannot appear here'),
  joinedParticle: error('E1108', '"{1}" छुट्टै शब्दको रूपमा लेख्नुहोस्: "{0} {1}"', 'Write "{1}" as a separate word: "{0} {1}"'),
  misspeltKeyword: error(
    'E1109',
    '"{0}" चिनिएन; तपाईंले "{1}" लेख्न खोज्नुभएको हो?',
    'Unknown word "{0}"; did you mean "{1}"?',
  ),
  unclosedBracket: error('E1110', 'यहाँ खोलिएको "{0}" बन्द भएन', 'The "{0}" opened here is never closed'),
  assignmentInCondition: error(
    'E1111',
    'सर्तमा "=" होइन, तुलना गर्न "==" लेख्नुहोस्',
    'A condition compares with "==", not "="',
  ),
  nestedTooDeeply: error(
    'E1112',
    'यहाँ धेरै तह भित्रभित्र भयो (बढीमा {0} तह); केही भाग छुट्टै चल वा कार्यमा राख्नुहोस्',
    'Nested too deeply (at most {0} levels); move part of it into a variable or a function',
  ),
  // ── semantic ──
  undeclaredName: error('E2001', '"{0}" घोषणा गरिएको छैन', '"{0}" is not declared'),
  undeclaredNameSuggestion: error(
    'E2002',
    '"{0}" घोषणा गरिएको छैन; तपाईंले "{1}" लेख्न खोज्नुभएको हो?',
    '"{0}" is not declared; did you mean "{1}"?',
  ),
  undeclaredJoinedParticle: error(
    'E2003',
    '"{0}" घोषणा गरिएको छैन; "{2}" छुट्टै शब्द हो भने "{1} {2}" लेख्नुहोस्',
    '"{0}" is not declared; if "{2}" is meant as a word, write "{1} {2}"',
  ),
  redeclaration: error(
    'E2004',
    '"{0}" यही खण्डमा पङ्क्ति {1} मा पहिल्यै घोषणा भइसकेको छ',
    '"{0}" is already declared in this block, on line {1}',
  ),
  assignToConstant: error(
    'E2005',
    '"{0}" स्थिर हो; यसको मान बदल्न मिल्दैन',
    '"{0}" is a constant and cannot be assigned to',
  ),
  assignToFunction: error(
    'E2006',
    '"{0}" कार्य हो; यसमा मान राख्न मिल्दैन',
    '"{0}" is a function and cannot be assigned to',
  ),
  wrongArgumentCount: error(
    'E2007',
    '"{0}" लाई {1} मान (आर्गुमेन्ट) चाहिन्छ, तर {2} दिइयो',
    '"{0}" takes {1} argument(s), but {2} were given',
  ),
  breakOutsideLoop: error('E2008', '"रोक" लुपभित्र मात्र चल्छ', '"रोक" (break) is only allowed inside a loop'),
  continueOutsideLoop: error('E2009', '"जारी" लुपभित्र मात्र चल्छ', '"जारी" (continue) is only allowed inside a loop'),
  returnOutsideFunction: error(
    'E2010',
    '"फर्काउ" कार्यभित्र मात्र चल्छ',
    '"फर्काउ" (return) is only allowed inside a function',
  ),
  nestedFunction: error(
    'E2011',
    'कार्य कार्यक्रमको सबैभन्दा बाहिरी तहमा मात्र परिभाषित गर्न मिल्छ',
    'Functions can only be defined at the top level',
  ),
  usedBeforeDeclaration: error(
    'E2012',
    '"{0}" पङ्क्ति {1} मा घोषणा हुनुअघि नै प्रयोग भयो',
    '"{0}" is used before its declaration on line {1}',
  ),
  // E2013 (a builtin used as a value) is retired: builtins are values (language.md decision 14).
  assignToBuiltin: error(
    'E2014',
    '"{0}" भित्री कार्य हो; यसमा मान राख्न मिल्दैन',
    '"{0}" is a builtin function and cannot be assigned to',
  ),
  duplicateParameter: error('E2015', 'प्यारामिटर "{0}" दुई पटक लेखियो', 'Parameter "{0}" appears twice'),
  assignToUndeclared: error(
    'E2016',
    '"{0}" घोषणा गरिएको छैन; नयाँ चल बनाउन "राख {0} = …" लेख्नुहोस्',
    '"{0}" is not declared; to create a variable write "राख {0} = …"',
  ),
  tooManyParameters: error(
    'E2017',
    'कार्य "{0}" मा धेरै प्यारामिटर भए (बढीमा {1}); केही मानहरू एउटै सूची वा शब्दकोशमा राखेर पठाउनुहोस्',
    'Function "{0}" has too many parameters (at most {1}); pass some of the values together in a list or a map',
  ),
  // ── limits of the analysis itself ──
  programTooComplex: error(
    'E9001',
    'कार्यक्रम जाँच्न धेरै ठूलो वा जटिल भयो; यसलाई छोटो वा सरल बनाउनुहोस्',
    'Program too large or complex to analyse; make it shorter or simpler',
  ),
  // ── warnings ──
  unusedVariable: warning('W2101', '"{0}" घोषणा भयो तर कहीँ पढिएन', '"{0}" is declared but never read'),
  shadowsBuiltin: warning(
    'W2102',
    '"{0}" ले सोही नामको भित्री कार्यलाई ढाक्छ',
    '"{0}" hides the builtin function of the same name',
  ),
  unreachableCode: warning('W2103', 'यो वाक्य कहिल्यै चल्दैन', 'This statement can never run'),
  textPlusNumber: warning(
    'W2104',
    'पाठ र सङ्ख्या जोड्दा चलाउँदा त्रुटि आउँछ; सङ्ख्यालाई पाठ(…) ले पाठ बनाउनुहोस्',
    'Adding a text and a number fails when run; convert the number with पाठ(…)',
  ),
  divisionByZero: warning('W2105', 'शून्यले भाग गर्दा चलाउँदा त्रुटि आउँछ', 'Dividing by zero fails when run'),
  conditionNotBoolean: warning(
    'W2106',
    'सर्त सत्य वा असत्य हुनुपर्छ; यो मानले चलाउँदा त्रुटि आउँछ (जस्तै क > ० लेख्नुहोस्)',
    'A condition must be सत्य or असत्य; this value fails when run (write e.g. क > ०)',
  ),
  expressionTooLong: error(
    'E1120',
    'एउटै अभिव्यक्तिमा धेरै क्रिया भए (बढीमा {0}); केही भाग छुट्टै चलमा राख्नुहोस्',
    'Too many operations in one expression (at most {0}); put part of it into a variable',
  ),
} as const satisfies Record<string, MessageTemplate>;

export type MessageName = keyof typeof Messages;

const DEVANAGARI_ZERO = 0x0966;

export function devanagariDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(DEVANAGARI_ZERO + Number(d)));
}

// An argument that reads differently in each language (e.g. "१ देखि ३" / "1 to 3").
export interface LocalisedArgument {
  ne: string;
  en: string;
}

export type MessageArgument = string | number | LocalisedArgument;

function fill(template: string, args: readonly MessageArgument[], nepali: boolean): string {
  return template.replace(/\{(\d)\}/g, (_, i: string) => {
    const arg = args[Number(i)];
    if (typeof arg === 'number') return nepali ? devanagariDigits(String(arg)) : String(arg);
    if (typeof arg === 'object') return nepali ? arg.ne : arg.en;
    return arg ?? '';
  });
}

export function makeDiagnostic(template: MessageTemplate, range: SourceRange, ...args: MessageArgument[]): Diagnostic {
  return {
    code: template.code,
    line: range.start.line,
    column: range.start.column,
    endLine: range.end.line,
    endColumn: range.end.column,
    severity: template.severity,
    message: fill(template.ne, args, true),
    messageEn: fill(template.en, args, false),
  };
}

// Where diagnostics are collected; phases report and go on.
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];
  private readonly linesByCode = new Map<string, Set<number>>();

  // Returns the diagnostic, so a caller can attach a quick fix (`.replacement = …`).
  report(template: MessageTemplate, range: SourceRange, ...args: MessageArgument[]): Diagnostic {
    const diagnostic = makeDiagnostic(template, range, ...args);
    this.items.push(diagnostic);
    let lines = this.linesByCode.get(template.code);
    if (!lines) this.linesByCode.set(template.code, (lines = new Set()));
    lines.add(range.start.line);
    return diagnostic;
  }

  // Whether a diagnostic of this kind starts on this line (an earlier error may explain a later one).
  hasOnLine(template: MessageTemplate, line: number): boolean {
    return this.linesByCode.get(template.code)?.has(line) ?? false;
  }

  get errorCount(): number {
    return this.items.filter((d) => d.severity === 'error').length;
  }

  sorted(): Diagnostic[] {
    return [...this.items].sort((a, b) => a.line - b.line || a.column - b.column);
  }
}
