import { describe, expect, it } from 'vitest';
import { check } from '@/lib/compiler';
import { diagnosticMessage, toMarker, toMarkers } from '@/lib/editor';
import type { Diagnostic } from '@/lib/editor';

// Stand-in for monaco.MarkerSeverity (its real values: Warning 4, Error 8).
const SEVERITY = { Error: 8, Warning: 4 } as const;

const diagnostic = (over: Partial<Diagnostic> = {}): Diagnostic => ({
  code: 'E2001',
  line: 3,
  column: 5,
  endLine: 3,
  endColumn: 8,
  severity: 'error',
  message: '"फल" घोषणा गरिएको छैन',
  messageEn: '"फल" is not declared',
  ...over,
});

describe('diagnostics → markers', () => {
  it('keeps position, code and severity', () => {
    expect(toMarker(diagnostic(), 'ne', SEVERITY)).toMatchObject({
      startLineNumber: 3,
      startColumn: 5,
      endLineNumber: 3,
      endColumn: 8,
      code: 'E2001',
      severity: 8,
    });
    expect(toMarker(diagnostic({ severity: 'warning' }), 'ne', SEVERITY).severity).toBe(4);
  });

  it('shows the UI language first and the other language below', () => {
    expect(diagnosticMessage(diagnostic(), 'ne')).toBe('"फल" घोषणा गरिएको छैन\n"फल" is not declared');
    expect(toMarker(diagnostic(), 'en', SEVERITY).message).toBe('"फल" is not declared\n"फल" घोषणा गरिएको छैन');
  });

  it('widens an empty range to one character so the squiggle shows', () => {
    const marker = toMarker(diagnostic({ endColumn: 5 }), 'ne', SEVERITY);
    expect([marker.startColumn, marker.endColumn]).toEqual([5, 6]);
  });

  it('keeps multi-line ranges as they are', () => {
    const marker = toMarker(diagnostic({ endLine: 5, endColumn: 2 }), 'ne', SEVERITY);
    expect([marker.endLineNumber, marker.endColumn]).toEqual([5, 2]);
  });

  it('maps what the real front end reports', () => {
    const diagnostics = check('राख क = १\nदेखाउ(ख)\n');
    const markers = toMarkers(diagnostics, 'ne', SEVERITY);
    expect(markers.length).toBe(diagnostics.length);
    const unknown = markers.find((m) => m.startLineNumber === 2)!;
    expect(unknown.startColumn).toBe(7);
    expect(unknown.message).toMatch(/ख/);
  });
});
