// A hint that names a keyboard shortcut, with its wording for a touch-only screen (no
// keyboard to press Ctrl+Enter on). Both are rendered; CSS shows one, with the same media
// query the editor uses to tell a touch-only screen (keyboard-bridge.ts, isTouchOnly), so the
// server's HTML is right before any script runs and hydration has nothing to change.
import type { ReactNode } from 'react';

export function PointerHint({ keyboard, touch }: { keyboard: ReactNode; touch: ReactNode }) {
  return (
    <>
      <span className="hint-keyboard">{keyboard}</span>
      <span className="hint-touch">{touch}</span>
    </>
  );
}
