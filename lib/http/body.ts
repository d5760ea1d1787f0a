export type BodyResult = { ok: true; text: string } | { ok: false; tooLarge: true };
export type BytesResult = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; tooLarge: true };

/**
 * Reads a request body, stopping as soon as it passes `maxBytes` (a Content-Length that says
 * so is refused without reading), so an oversized body — chunked ones included — is never
 * held in memory. A body that breaks off midway rejects.
 */
export async function readBytesLimited(req: Request, maxBytes: number): Promise<BytesResult> {
  const declared = Number(req.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, tooLarge: true };
  if (!req.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return { ok: false, tooLarge: true };
    }
    chunks.push(value);
  }
  const all = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) { all.set(c, offset); offset += c.byteLength; }
  return { ok: true, bytes: all };
}

/** The same, decoded as UTF-8 text. Shared by every route handler that takes a body. */
export async function readBodyLimited(req: Request, maxBytes: number): Promise<BodyResult> {
  const body = await readBytesLimited(req, maxBytes);
  return body.ok ? { ok: true, text: new TextDecoder().decode(body.bytes) } : body;
}
