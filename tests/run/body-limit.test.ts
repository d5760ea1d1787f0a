// The request body reader stops at the limit: an oversized body is never read to its end.
import { describe, expect, test } from 'vitest';
import { oversizeFields, MAX_FIELD_BYTES } from '@/lib/validations/run';
import { readBodyLimited } from '@/lib/http/body';

function streamedRequest(chunks: number, chunkBytes: number) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled++;
      controller.enqueue(new Uint8Array(chunkBytes).fill(0x61));
    },
  });
  const req = new Request('http://localhost/api/run', { method: 'POST', body, duplex: 'half' } as RequestInit);
  return { req, pulled: () => pulled };
}

describe('readBodyLimited', () => {
  test('a streamed body without Content-Length is cut off soon after the limit', async () => {
    const { req, pulled } = streamedRequest(1000, 1024); // 1000 KiB offered
    expect(req.headers.get('content-length')).toBeNull();
    const r = await readBodyLimited(req, 10 * 1024);
    expect(r).toEqual({ ok: false, tooLarge: true });
    expect(pulled()).toBeLessThan(20);
  });

  test('a body within the limit is read whole, multi-byte characters across chunks intact', async () => {
    const text = JSON.stringify({ source: 'नमस्ते '.repeat(500) });
    const bytes = new TextEncoder().encode(text);
    let offset = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(offset, offset + 7)); // splits characters
        offset += 7;
      },
    });
    const req = new Request('http://localhost/api/run', { method: 'POST', body, duplex: 'half' } as RequestInit);
    expect(await readBodyLimited(req, bytes.length)).toEqual({ ok: true, text });
  });

  test('a declared Content-Length over the limit is refused without reading', async () => {
    const { req, pulled } = streamedRequest(10, 1024);
    const withLength = new Request(req, { headers: { 'content-length': String(1 << 30) } });
    expect(await readBodyLimited(withLength, 1024)).toEqual({ ok: false, tooLarge: true });
    // Nothing took a reader: the body is neither used nor locked. (The stream itself may pull
    // a chunk or two ahead to fill its queue, whoever reads; that is not our reading.)
    expect(withLength.bodyUsed).toBe(false);
    expect(withLength.body?.locked).toBe(false);
    expect(pulled()).toBeLessThanOrEqual(2);
  });
});

describe('oversizeFields', () => {
  test('counts UTF-8 bytes, not characters', () => {
    const devanagari = 'क'.repeat(Math.ceil(MAX_FIELD_BYTES / 3) + 1);
    expect(oversizeFields({ source: devanagari, stdin: undefined })).toEqual(['source']);
    expect(oversizeFields({ source: 'a'.repeat(MAX_FIELD_BYTES), stdin: 'क'.repeat(100) })).toEqual([]);
    expect(oversizeFields({ source: '', stdin: 'a'.repeat(MAX_FIELD_BYTES + 1) })).toEqual(['stdin']);
  });
});
