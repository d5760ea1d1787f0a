// Block snippets, in Monaco's snippet syntax (tab stops $1…, placeholders ${1:…}, final $0).
// `\t` is the editor's indent unit; Monaco re-indents the lines to the cursor's line.

export interface SajiloSnippet {
  label: string;
  /** The block keyword that starts it (what a learner types). */
  keyword: string;
  roman: string;
  body: string;
  descriptionNe: string;
  descriptionEn: string;
}

export const SNIPPETS: readonly SajiloSnippet[] = [
  {
    label: 'यदि … भने … अन्त्य', keyword: 'यदि', roman: 'yadi',
    body: 'यदि ${1:शर्त} भने\n\t$0\nअन्त्य',
    descriptionNe: 'सर्त साँचो भए चल्ने खण्ड', descriptionEn: 'if block',
  },
  {
    label: 'यदि … भने … नत्र … अन्त्य', keyword: 'यदि', roman: 'yadi',
    body: 'यदि ${1:शर्त} भने\n\t$2\nनत्र\n\t$0\nअन्त्य',
    descriptionNe: 'सर्त साँचो भए एउटा, नभए अर्को खण्ड', descriptionEn: 'if … else block',
  },
  {
    label: 'जबसम्म … अन्त्य', keyword: 'जबसम्म', roman: 'jabasamma',
    body: 'जबसम्म ${1:शर्त}\n\t$0\nअन्त्य',
    descriptionNe: 'सर्त साँचो रहुन्जेल दोहोरिने खण्ड', descriptionEn: 'while loop',
  },
  {
    label: 'हरेक … देखि … सम्म … अन्त्य', keyword: 'हरेक', roman: 'harek',
    body: 'हरेक ${1:i} = ${2:१} देखि ${3:१०} सम्म\n\t$0\nअन्त्य',
    descriptionNe: 'एउटा दायराका हरेक सङ्ख्याका लागि', descriptionEn: 'for each number in a range',
  },
  {
    label: 'हरेक … मा … अन्त्य', keyword: 'हरेक', roman: 'harek',
    body: 'हरेक ${1:वस्तु} ${2:सूची} मा\n\t$0\nअन्त्य',
    descriptionNe: 'सूची, पाठ वा शब्दकोशका हरेक सदस्यका लागि', descriptionEn: 'for each element of a list, text or map',
  },
  {
    label: 'दोहोर्याउ … पटक … अन्त्य', keyword: 'दोहोर्याउ', roman: 'dohoryau',
    body: 'दोहोर्याउ ${1:३} पटक\n\t$0\nअन्त्य',
    descriptionNe: 'तोकिएको पटक दोहोर्याउने', descriptionEn: 'repeat a number of times',
  },
  {
    label: 'कार्य …() … अन्त्य', keyword: 'कार्य', roman: 'karya',
    body: 'कार्य ${1:नाम}(${2})\n\t$0\nअन्त्य',
    descriptionNe: 'नयाँ कार्य (फङ्सन) परिभाषा', descriptionEn: 'function definition',
  },
];
