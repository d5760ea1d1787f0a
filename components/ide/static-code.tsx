// The program as highlighted text, drawn where Monaco will be and as Monaco draws it (same
// font, size, line height, gutter and colours), so the first paint shows the code while
// Monaco's JavaScript is still loading. Rendered on the server too; hidden from assistive
// technology (the editor, once loaded, is the one text box).
import type { CSSProperties } from 'react';
import { highlightLines } from '@/lib/editor/static-highlight';
import { EDITOR_COLOURS, lightDark, tokenCss } from '@/components/ide/editor-themes';

const boxStyle: CSSProperties = {
  background: lightDark(EDITOR_COLOURS.background.light, EDITOR_COLOURS.background.dark),
  color: lightDark(EDITOR_COLOURS.foreground.light, EDITOR_COLOURS.foreground.dark),
};
const numberStyle: CSSProperties = {
  color: lightDark(EDITOR_COLOURS.lineNumber.light, EDITOR_COLOURS.lineNumber.dark),
};

export function StaticCode({ source }: { source: string }) {
  const lines = highlightLines(source);
  return (
    <div className="static-code" style={boxStyle} aria-hidden="true" data-testid="static-code">
      {lines.map((spans, i) => (
        <div className="static-code-line" key={i}>
          <span className="static-code-number" style={numberStyle}>
            {i + 1}
          </span>
          <span className="static-code-text">
            {spans.map((s, j) => (
              <span key={j} style={tokenCss(s.token)}>
                {s.text}
              </span>
            ))}
          </span>
        </div>
      ))}
    </div>
  );
}
