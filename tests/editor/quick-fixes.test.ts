import { describe, expect, it } from 'vitest';
import { check } from '@/lib/compiler';
import { quickFixesFor, toMarkers } from '@/lib/editor';

const SEVERITY = { Error: 8, Warning: 4 } as const;

/** Applies the first fix of every marker that has one (markers are on distinct lines). */
function fixAll(source: string, uiLanguage: 'ne' | 'en' = 'ne'): string {
  const lines = source.split('\n');
  for (const marker of toMarkers(check(source), uiLanguage, SEVERITY)) {
    const [fix] = quickFixesFor(marker);
    if (!fix) continue;
    const line = lines[marker.startLineNumber - 1];
    lines[marker.startLineNumber - 1] =
      line.slice(0, marker.startColumn - 1) + fix.replacement + line.slice(marker.endColumn - 1);
  }
  return lines.join('\n');
}

describe('quick fixes', () => {
  it('turns the danda typed between digits into a decimal point', () => {
    expect(fixAll('राख क = ३।१४')).toBe('राख क = ३.१४');
  });

  it('applies the front end\'s "did you mean" for a misspelt builtin and keyword', () => {
    const fixed = fixAll('राख क = १\nदेखउ(क)\nयदी क > ० भने\n    देखाउ(क)\nअन्त्य');
    expect(fixed).toBe('राख क = १\nदेखाउ(क)\nयदि क > ० भने\n    देखाउ(क)\nअन्त्य');
    expect(check(fixed)).toEqual([]);
  });

  it('reads the suggestion whichever language the marker shows first', () => {
    expect(fixAll('देखउ(१)', 'en')).toBe('देखाउ(१)');
  });

  it('offers nothing for errors without a known fix', () => {
    const markers = toMarkers(check('देखाउ(अज्ञातनाम)'), 'ne', SEVERITY);
    expect(markers.length).toBeGreaterThan(0);
    expect(markers.flatMap((m) => quickFixesFor(m))).toEqual([]);
  });

  it('titles the fix in both languages', () => {
    const [marker] = toMarkers(check('राख क = ३।१४'), 'ne', SEVERITY);
    expect(quickFixesFor(marker)).toEqual([{ titleNe: '"." लेख्नुहोस्', titleEn: 'Change to "."', replacement: '.' }]);
  });
});
