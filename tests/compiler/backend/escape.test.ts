import { describe, expect, it } from 'vitest';
import { cBytes, cDouble, cInt, cUtf8 } from '../../../lib/compiler/backend/escape';
import { builtinC } from '../../../lib/compiler/backend/builtins';

describe('C literals', () => {
  it('escapes every byte as three octal digits, including ASCII', () => {
    expect(cBytes(new Uint8Array([0x41, 0x22, 0x5c, 0x00, 0xff]))).toBe('"\\101\\042\\134\\000\\377"');
    const { literal, length } = cUtf8('क"');
    expect(length).toBe(4);
    expect(literal).toBe('"\\340\\244\\225\\042"');
  });
  it('writes integers through INT64_C, and INT64_MIN by name', () => {
    expect(cInt(42n)).toBe('42');
    expect(cInt(-(2n ** 31n) + 1n)).toBe('-2147483647');
    expect(cInt(2n ** 31n)).toBe('INT64_C(2147483648)');
    expect(cInt(-(2n ** 63n))).toBe('INT64_MIN');
    expect(cInt(2n ** 63n - 1n)).toBe('INT64_C(9223372036854775807)');
  });
  it('writes doubles that read back exactly', () => {
    for (const v of [0.1, 3, 1e21, 5e-324, 1.7976931348623157e308, -2.5]) {
      const c = cDouble(v);
      expect(c).toMatch(/[.e]/);
      expect(Number(c)).toBe(v);
    }
  });
  it('keeps the sign of negative zero (String(-0) is "0")', () => {
    expect(cDouble(-0)).toBe('(-0.0)');
    expect(Object.is(Number(cDouble(-0).slice(1, -1)), -0)).toBe(true);
    expect(cDouble(0)).toBe('0.0');
  });
});

describe('builtin names', () => {
  it('finds a builtin by either nasal spelling and with joiners', () => {
    expect(builtinC('सङ्ख्या')).toBe(builtinC('संख्या'));
    expect(builtinC('कुंजीहरू').roman).toBe('kunjiharu');
    expect(builtinC('पूर्णाङ्क').roman).toBe('purnanka');
    expect(builtinC('देखाउ')).toMatchObject({ variadic: true });
    expect(() => builtinC('नभएको')).toThrow();
  });
});
