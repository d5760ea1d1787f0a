// The runtime error record (a secret per-run token: a program cannot forge it) and output cut at
// a character boundary: the parsing on its own, then through the real compiler and sandbox.
import { describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { runProgram, RUN_LIMITS } from '@/lib/run';
import { cutAtGraphemeBoundary, GraphemeHoldback } from '@/lib/run/output-cut';
import { RuntimeErrorFilter, takeRuntimeError } from '@/lib/run/runtime-error';
import { completeUtf8, LAUNCHER, VERDICTS } from '@/sandbox/index';
import { explainVerdict, outputCutMarker } from '@/lib/i18n/run-feedback';

const sandboxReason = existsSync(LAUNCHER)
  ? null
  : `the sandbox launcher is not built (${LAUNCHER}): run npm run setup`;
const TOKEN = 'a'.repeat(32);
const record = (token: string, rest: string) => `\x1eSAJILO-RUNTIME-ERROR ${token} ${rest}\n`;
const HUMAN =
  'रनटाइम त्रुटि (पङ्क्ति ३, स्तम्भ ५): शून्यले भाग गर्न मिल्दैन\nRuntime error at line 3, column 5: division by zero\n';

describe('runtime error record', () => {
  test("the record with the run's token is parsed and taken out; the human lines stay", () => {
    const r = takeRuntimeError(HUMAN + record(TOKEN, '3 5\tशून्यले भाग गर्न मिल्दैन\tdivision by zero'), TOKEN);
    expect(r.stderr).toBe(HUMAN);
    expect(r.record).toEqual({ line: 3, column: 5, message: 'शून्यले भाग गर्न मिल्दैन', messageEn: 'division by zero' });
  });

  test('escaped characters come back; position 0 means unknown', () => {
    const r = takeRuntimeError(record(TOKEN, '0 0\tक\\tख\\nग\\\\\tkey "a\\nb" missing'), TOKEN);
    expect(r.record).toEqual({ line: null, column: null, message: 'क\tख\nग\\', messageEn: 'key "a\nb" missing' });
  });

  test("a forged record (another token) or a forged English line is the program's text: kept, not believed", () => {
    const forged = `Runtime error at line 1, column 1: fake\n${record('b'.repeat(32), '1 1\tनक्कली\tfake')}`;
    const r = takeRuntimeError(forged, TOKEN);
    expect(r.record).toBeNull();
    expect(r.stderr).toBe(forged);
  });

  test('a record split across streamed chunks is held back, then removed; other text flows on', () => {
    const text = `before\n${record(TOKEN, '2 7\tक\tindex out of range')}after`;
    for (let cut = 1; cut < text.length; cut++) {
      const f = new RuntimeErrorFilter(TOKEN);
      const shown = f.push(text.slice(0, cut)) + f.push(text.slice(cut)) + f.end();
      expect(shown, `split at ${cut}`).toBe('before\nafter');
      expect(f.record?.line).toBe(2);
    }
  });

  test('text that only looks like the start of a record is shown at the end; a cut genuine record is not', () => {
    const partial = new RuntimeErrorFilter(TOKEN);
    expect(partial.push('x\x1eSAJILO')).toBe('x');
    expect(partial.end()).toBe('\x1eSAJILO');
    const cut = new RuntimeErrorFilter(TOKEN);
    expect(cut.push(`x${record(TOKEN, '1 1\tक\tdivision by zero').slice(0, 60)}`)).toBe('x');
    expect(cut.end()).toBe('');
    expect(cut.record).toBeNull();
  });
});

describe('output cut at a character boundary', () => {
  test('a UTF-8 sequence missing its last bytes is dropped, a whole one kept', () => {
    const word = Buffer.from('कख'); // 6 bytes
    expect(completeUtf8(word.subarray(0, 5)).toString()).toBe('क');
    expect(completeUtf8(word.subarray(0, 4)).toString()).toBe('क');
    expect(completeUtf8(word).toString()).toBe('कख');
    expect(completeUtf8(Buffer.from('ab')).toString()).toBe('ab');
    expect(completeUtf8(Buffer.from('😀').subarray(0, 3)).length).toBe(0);
  });

  test('the last grapheme cluster is dropped (it may be a conjunct cut short), a final newline kept', () => {
    expect(cutAtGraphemeBoundary('नमस्ते पङ्क')).toBe('नमस्ते प');
    expect(cutAtGraphemeBoundary('पङ्क्ति\n')).toBe('पङ्क्ति\n');
    expect(cutAtGraphemeBoundary('')).toBe('');
  });

  test('streamed chunks hold back their last cluster: joined, they equal the whole text, or its cut', () => {
    const text = 'नमस्ते पङ्क्ति\nक्षत्रिय';
    for (let at = 1; at < text.length; at++) {
      const whole = new GraphemeHoldback();
      expect(whole.push(text.slice(0, at)) + whole.push(text.slice(at)) + whole.end(false), `split at ${at}`).toBe(
        text,
      );
      const cut = new GraphemeHoldback();
      expect(cut.push(text.slice(0, at)) + cut.push(text.slice(at)) + cut.end(true), `cut, split at ${at}`).toBe(
        cutAtGraphemeBoundary(text),
      );
    }
  });
});

describe('verdict wording (lib/i18n)', () => {
  test("the limit hit, with its value in the interface's digits", () => {
    expect(explainVerdict('ne', { verdict: 'time_limit', limitExceeded: { kind: 'cpu-time', limit: 2000 } })).toBe(
      'रोकियो: २ सेकेन्डको CPU सीमा नाघ्यो',
    );
    expect(explainVerdict('en', { verdict: 'time_limit', limitExceeded: { kind: 'cpu-time', limit: 2000 } })).toBe(
      'Stopped: the 2-second CPU limit was reached',
    );
    expect(explainVerdict('en', { verdict: 'time_limit', limitExceeded: { kind: 'wall-time', limit: 5000 } })).toMatch(
      /^Stopped: the 5-second wall-clock limit/,
    );
    expect(explainVerdict('ne', { verdict: 'memory_limit', limitExceeded: { kind: 'memory', limit: 128 } })).toBe(
      'रोकियो: १२८ MiB को मेमोरी सीमा नाघ्यो',
    );
    expect(explainVerdict('en', { verdict: 'output_limit', limitExceeded: { kind: 'output', limit: 65536 } })).toBe(
      'Stopped: the 64 KiB output limit was reached',
    );
    expect(outputCutMarker('ne', 65536)).toBe('… आउटपुट यहाँ काटियो (६४ KiB राखियो)');
    expect(outputCutMarker('en', 1000)).toBe('… output cut here (1000 bytes kept)');
    // The Latin-digits preference reaches the sizes and limits too.
    expect(outputCutMarker('ne', 65536, true)).toBe('… आउटपुट यहाँ काटियो (64 KiB राखियो)');
    expect(outputCutMarker('ne', 1000)).toBe('… आउटपुट यहाँ काटियो (१००० बाइट राखियो)');
    expect(
      explainVerdict('ne', { verdict: 'time_limit', limitExceeded: { kind: 'cpu-time', limit: 2000 } }, true),
    ).toBe('रोकियो: 2 सेकेन्डको CPU सीमा नाघ्यो');
  });

  test('without a limit, the verdict in words; an unknown verdict reads as an internal error; never a signal name', () => {
    expect(explainVerdict('en', { verdict: 'time_limit' })).toMatch(/time limit/);
    expect(explainVerdict('en', { verdict: 'strange' })).toBe(explainVerdict('en', { verdict: 'internal_error' }));
    for (const verdict of VERDICTS) {
      for (const lang of ['ne', 'en'] as const) expect(explainVerdict(lang, { verdict })).not.toMatch(/SIG/);
    }
  });
});

describe.skipIf(sandboxReason)('through the compiler and sandbox', () => {
  test('a runtime error carries its position and messages; stderr keeps the human lines only', async () => {
    const r = await runProgram({
      source: 'राख क = ०\nदेखाउ("Runtime error at line 1, column 1: forged")\nदेखाउ(५ / क)\n',
    });
    expect(r.run?.verdict).toBe('runtime_error');
    expect(r.run?.runtimeError).toMatchObject({ line: 3, messageEn: 'division by zero' });
    expect(r.run?.runtimeError?.message).toMatch(/[\u0900-\u097F]/);
    expect(r.run?.stderr).toMatch(/Runtime error at line 3, column \d+: division by zero\n$/);
    expect(r.run?.stderr).not.toContain('\x1e');
    expect(r.run?.stdout).toContain('Runtime error at line 1, column 1: forged');
  });

  test('a program that prints a forged error line and record gets no runtimeError', async () => {
    const fake = `\x1eSAJILO-RUNTIME-ERROR ${TOKEN} 1 1\tनक्कली\tforged`;
    const r = await runProgram({ source: `देखाउ("Runtime error at line 1, column 1: forged")\nदेखाउ("${fake}")\n` });
    expect(r.run?.verdict).toBe('ok');
    expect(r.run?.runtimeError).toBeUndefined();
    expect(r.run?.stdout).toContain(fake);
  });

  test('streamed stderr never shows the record; the result has it', async () => {
    let streamed = '';
    const r = await runProgram(
      { source: 'राख सूची = [१]\nदेखाउ(सूची[५])\n' },
      {
        onOutput: (s, c) => {
          if (s === 'stderr') streamed += c;
        },
      },
    );
    expect(r.run?.runtimeError?.line).toBe(2);
    expect(streamed).toBe(r.run?.stderr);
    expect(streamed).not.toContain('SAJILO-RUNTIME-ERROR');
  });

  test('lots of Devanagari cut at the output limit ends on a whole grapheme cluster', async () => {
    let streamed = '';
    const r = await runProgram(
      { source: 'जबसम्म सत्य\n    लेख("पङ्क्ति")\nअन्त्य\n' },
      {
        onOutput: (s, c) => {
          if (s === 'stdout') streamed += c;
        },
      },
    );
    expect(r.run?.verdict).toBe('output_limit');
    expect(streamed).toBe(r.run?.stdout);
    expect(r.run?.limitExceeded).toEqual({ kind: 'output', limit: RUN_LIMITS.outputBytes });
    const out = r.run!.stdout;
    expect(out).not.toContain('\uFFFD');
    expect(out.length).toBeGreaterThan(1000);
    const full = 'पङ्क्ति'.repeat(Math.ceil(out.length / 7) + 1);
    expect(full.startsWith(out)).toBe(true);
    const boundaries = new Set(
      [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(full)].map((s) => s.index),
    );
    expect(boundaries.has(out.length)).toBe(true);
  });

  test('an endless loop names the time limit it reached (CPU, or wall clock on a busy host)', async () => {
    const r = await runProgram({ source: 'जबसम्म सत्य\nअन्त्य\n' });
    expect(r.run?.verdict).toBe('time_limit');
    const hit = r.run!.limitExceeded!;
    if (hit.kind === 'cpu-time') {
      expect(hit.limit).toBe(RUN_LIMITS.cpuMs);
      // Stopped by its CPU budget: well before the wall clock's, having used most of the budget.
      expect(r.run!.wallMs).toBeLessThan(RUN_LIMITS.wallMs);
      expect(r.run!.cpuMs).toBeGreaterThanOrEqual(RUN_LIMITS.cpuMs * 0.9);
    } else {
      expect(hit).toEqual({ kind: 'wall-time', limit: RUN_LIMITS.wallMs });
      expect(r.run!.wallMs).toBeGreaterThanOrEqual(RUN_LIMITS.wallMs);
    }
  });
});
