// Literals as C source. User text never reaches the C file as text: every byte of a string
// becomes a three-digit octal escape, so no sequence in a Sajilo program (quotes, `*/`,
// trigraphs like `??/`, backslashes, newlines, `#include`, NUL, bidi marks) can close the C
// string, start a comment or a directive, or change what the C compiler reads.

const encoder = new TextEncoder();

/** A C string literal holding exactly these bytes, every byte octal-escaped. */
export function cBytes(bytes: Uint8Array): string {
  let out = '"';
  for (const b of bytes) out += `\\${b.toString(8).padStart(3, '0')}`;
  return `${out}"`;
}

/** The UTF-8 bytes of `text` as a C string literal, and their count. */
export function cUtf8(text: string): { literal: string; length: number } {
  const bytes = encoder.encode(text);
  return { literal: cBytes(bytes), length: bytes.length };
}

/** A 64-bit integer constant; INT64_MIN has no literal form in C. */
export function cInt(value: bigint): string {
  if (value === -(2n ** 63n)) return 'INT64_MIN';
  // Small constants are plain int literals; larger ones need the 64-bit suffix.
  if (value >= -(2n ** 31n) + 1n && value < 2n ** 31n) return value.toString();
  return `INT64_C(${value.toString()})`;
}

/**
 * A double constant that reads back as exactly `value`: JavaScript's shortest round-trip
 * form is also valid C (`0.1`, `1e+21`, `5e-324`); negative zero keeps its sign.
 */
export function cDouble(value: number): string {
  if (Number.isNaN(value)) return '(0.0/0.0)';
  if (!Number.isFinite(value)) return value > 0 ? '(1.0/0.0)' : '(-1.0/0.0)';
  if (Object.is(value, -0)) return '(-0.0)'; // String(-0) is "0": the sign would be lost
  const s = String(value);
  return /[.e]/.test(s) ? s : `${s}.0`;
}
