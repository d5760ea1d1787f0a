// Characters that cannot be seen in a source file, named once.
export const ZERO_WIDTH_JOINER = '\u200D';
export const ZERO_WIDTH_NON_JOINER = '\u200C';
