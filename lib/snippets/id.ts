// Snippet ids: 12 characters of base62 from crypto.randomBytes (about 71 bits), so links
// cannot be guessed or enumerated. Rejection sampling keeps every character uniform.
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const SNIPPET_ID_LENGTH = 12;

export function newSnippetId(length = SNIPPET_ID_LENGTH): string {
  let id = '';
  while (id.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && id.length < length) id += ALPHABET[byte % 62]; // 248 = 4 * 62
    }
  }
  return id;
}
