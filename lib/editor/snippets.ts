// Block snippets, in Monaco's snippet syntax (tab stops $1…, placeholders ${1:…}, final $0).
// `\t` is the editor's indent unit; Monaco re-indents the lines to the cursor's line.
// Keywords come from the compiler's table by their romanised form.
import { keyword } from './compiler-bridge';

export interface SajiloSnippet {
  label: string;
  /** The block keyword that starts it (what a learner types). */
  keyword: string;
  roman: string;
  body: string;
  descriptionNe: string;
  descriptionEn: string;
}

const [IF, THEN, ELSE, END] = ['yadi', 'bhane', 'natra', 'antya'].map(keyword);
const [WHILE, EACH, FROM, TO, IN] = ['jabasamma', 'harek', 'dekhi', 'samma', 'maa'].map(keyword);
const [REPEAT, TIMES, FUNCTION] = ['dohoryau', 'patak', 'karya'].map(keyword);

export const SNIPPETS: readonly SajiloSnippet[] = [
  {
    label: `${IF} … ${THEN} … ${END}`,
    keyword: IF,
    roman: 'yadi',
    body: `${IF} \${1:शर्त} ${THEN}\n\t$0\n${END}`,
    descriptionNe: 'शर्त साँचो भए चल्ने खण्ड',
    descriptionEn: 'if block',
  },
  {
    label: `${IF} … ${THEN} … ${ELSE} … ${END}`,
    keyword: IF,
    roman: 'yadi',
    body: `${IF} \${1:शर्त} ${THEN}\n\t$2\n${ELSE}\n\t$0\n${END}`,
    descriptionNe: 'शर्त साँचो भए एउटा, नभए अर्को खण्ड',
    descriptionEn: 'if … else block',
  },
  {
    label: `${WHILE} … ${END}`,
    keyword: WHILE,
    roman: 'jabasamma',
    body: `${WHILE} \${1:शर्त}\n\t$0\n${END}`,
    descriptionNe: 'शर्त साँचो रहुन्जेल दोहोरिने खण्ड',
    descriptionEn: 'while loop',
  },
  {
    label: `${EACH} … ${FROM} … ${TO} … ${END}`,
    keyword: EACH,
    roman: 'harek',
    body: `${EACH} \${1:i} = \${2:१} ${FROM} \${3:१०} ${TO}\n\t$0\n${END}`,
    descriptionNe: 'एउटा दायराका हरेक सङ्ख्याका लागि',
    descriptionEn: 'for each number in a range',
  },
  {
    label: `${EACH} … ${IN} … ${END}`,
    keyword: EACH,
    roman: 'harek',
    body: `${EACH} \${1:वस्तु} \${2:सूची} ${IN}\n\t$0\n${END}`,
    descriptionNe: 'सूची, पाठ वा शब्दकोशका हरेक सदस्यका लागि',
    descriptionEn: 'for each element of a list, text or map',
  },
  {
    label: `${REPEAT} … ${TIMES} … ${END}`,
    keyword: REPEAT,
    roman: 'dohoryau',
    body: `${REPEAT} \${1:३} ${TIMES}\n\t$0\n${END}`,
    descriptionNe: 'तोकिएको पटक दोहोर्याउने',
    descriptionEn: 'repeat a number of times',
  },
  {
    label: `${FUNCTION} …() … ${END}`,
    keyword: FUNCTION,
    roman: 'karya',
    body: `${FUNCTION} \${1:नाम}(\${2})\n\t$0\n${END}`,
    descriptionNe: 'नयाँ कार्य (फङ्सन) परिभाषा',
    descriptionEn: 'function definition',
  },
];
