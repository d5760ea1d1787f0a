// The editor's highlighting without Monaco: the Monarch rules of ./monarch.ts, interpreted
// here line by line, so the IDE can show the program highlighted as plain HTML before Monaco
// has loaded (and a page can render it on the server). Only the subset of Monarch that
// sajiloMonarch uses: ordered [regex, token, next?] rules, '@brackets', '@push-state', '@pop',
// the default token for a character no rule takes. Browser-safe, no Monaco at run time.
import { BUILTINS, KEYWORDS } from '../compiler/language';
import { sajiloMonarch } from './monarch';

export interface HighlightedSpan {
  text: string;
  token: string;
}

interface Rule {
  regex: RegExp;
  token: string;
  next?: string;
}

type MonarchRule = [RegExp | string, string, string?];

function compileRules(): { states: Record<string, Rule[]>; defaultToken: string } {
  const def = sajiloMonarch(
    KEYWORDS.map((k) => k.word),
    BUILTINS.map((b) => b.name),
  ) as unknown as {
    defaultToken: string;
    tokenizer: Record<string, MonarchRule[]>;
  };
  const states: Record<string, Rule[]> = {};
  for (const [state, rules] of Object.entries(def.tokenizer)) {
    states[state] = rules.map(([re, token, next]) => ({
      // Sticky: a rule matches at the current position only, as in Monarch. Per line, so `$` is the line's end.
      regex: new RegExp(typeof re === 'string' ? re : re.source, 'uy'),
      token: token === '@brackets' ? 'delimiter.bracket' : token,
      next,
    }));
  }
  return { states, defaultToken: def.defaultToken };
}

let compiled: ReturnType<typeof compileRules> | null = null;

/** The program's lines, each split into spans with Monarch's token names (no postfix). */
export function highlightLines(source: string): HighlightedSpan[][] {
  compiled ??= compileRules();
  const { states, defaultToken } = compiled;
  const stack = ['root'];
  return source.split(/\r\n|\r|\n/).map((line) => {
    const spans: HighlightedSpan[] = [];
    const push = (text: string, token: string) => {
      const last = spans[spans.length - 1];
      if (last && last.token === token) last.text += text;
      else spans.push({ text, token });
    };
    let pos = 0;
    while (pos < line.length) {
      const rules = states[stack[stack.length - 1]] ?? states.root;
      let matched = false;
      for (const rule of rules) {
        rule.regex.lastIndex = pos;
        const m = rule.regex.exec(line);
        if (!m || m[0].length === 0) continue;
        push(m[0], rule.token);
        pos += m[0].length;
        if (rule.next === '@pop') {
          if (stack.length > 1) stack.pop();
        } else if (rule.next?.startsWith('@')) stack.push(rule.next.slice(1));
        matched = true;
        break;
      }
      if (!matched) {
        const ch = String.fromCodePoint(line.codePointAt(pos)!);
        push(ch, defaultToken);
        pos += ch.length;
      }
    }
    return spans;
  });
}
