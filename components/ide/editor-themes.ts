// The IDE's two editor themes as data: Monaco's themes (sajilo-language.ts) and the
// highlighted text shown before Monaco has loaded (static-code.tsx) are both made from it.

export interface TokenColour {
  token: string;
  light: string;
  dark: string;
  fontStyle?: 'bold' | 'italic' | 'underline';
}

export const TOKEN_COLOURS: readonly TokenColour[] = [
  { token: 'keyword', light: 'b3261e', dark: 'ff8a80', fontStyle: 'bold' },
  { token: 'predefined', light: '6a3fb0', dark: 'c4a7ff' },
  { token: 'number', light: '0b6e4f', dark: '7fd6a8' },
  { token: 'string', light: '8a5a00', dark: 'f0c060' },
  { token: 'string.escape', light: 'a0522d', dark: 'e0a070' },
  { token: 'comment', light: '6b7280', dark: '9aa0aa', fontStyle: 'italic' },
  { token: 'identifier', light: '1d1f24', dark: 'e8e6e1' },
  { token: 'invalid', light: 'cd3131', dark: 'ff6b6b', fontStyle: 'underline' },
];

/** Colours Monaco's base themes (vs, vs-dark) give the editor, as drawn before Monaco loads. */
export const EDITOR_COLOURS = {
  background: { light: '#ffffff', dark: '#1e2128' },
  foreground: { light: '#000000', dark: '#d4d4d4' },
  lineNumber: { light: '#237893', dark: '#858585' },
} as const;

/** The rule Monaco applies to a token: the longest rule that is a dot-prefix of it. */
export function colourOf(token: string): TokenColour | undefined {
  let best: TokenColour | undefined;
  for (const rule of TOKEN_COLOURS) {
    if (
      (token === rule.token || token.startsWith(`${rule.token}.`)) &&
      (!best || rule.token.length > best.token.length)
    )
      best = rule;
  }
  return best;
}

export function monacoThemeRules(theme: 'light' | 'dark') {
  return TOKEN_COLOURS.map((c) => ({
    token: c.token,
    foreground: c[theme],
    ...(c.fontStyle ? { fontStyle: c.fontStyle } : {}),
  }));
}

/** Both themes at once: the page's color-scheme (html[data-theme]) picks one. */
export const lightDark = (light: string, dark: string) => `light-dark(${light}, ${dark})`;

/** A token's look as CSS, in both themes, as Monaco draws it; undefined for a token without a
 *  rule (drawn in the editor's foreground). Used where code is drawn without Monaco: the
 *  program before Monaco loads, and a committed phonetic word before Monaco types it. */
export function tokenCss(
  token: string,
): { color: string; fontWeight?: string; fontStyle?: string; textDecoration?: string } | undefined {
  const c = colourOf(token);
  if (!c) return undefined;
  const color = lightDark(`#${c.light}`, `#${c.dark}`);
  // Only the properties the rule sets: the result is also assigned to a DOM element's style.
  if (c.fontStyle === 'bold') return { color, fontWeight: '700' };
  if (c.fontStyle === 'italic') return { color, fontStyle: 'italic' };
  if (c.fontStyle === 'underline') return { color, textDecoration: 'underline' };
  return { color };
}
