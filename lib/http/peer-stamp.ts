// Puts the socket's peer address where route handlers (and next-auth's authorize) can read it:
// Next.js hands them a Request built from the Node request's headers, never the socket. Every
// 'request' event of the process's HTTP(S) servers is intercepted before Next.js handles it;
// the client's own copy of PEER_HEADER, if any, is replaced, so the header cannot be spoofed.
// Next.js later sets X-Forwarded-For only when absent, which is why lib/http/client.ts reads
// that header only behind a trusted proxy.
import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage } from 'node:http';
import { normalizeAddress, PEER_HEADER } from './client';

const INSTALLED = Symbol.for('sajilo.peerStamp');

/** Replaces whatever the client sent under PEER_HEADER with the socket's peer address. */
export function stampPeerAddress(req: IncomingMessage): void {
  delete req.headers[PEER_HEADER];
  const peer = normalizeAddress(req.socket?.remoteAddress);
  if (peer) req.headers[PEER_HEADER] = peer;
}

/** Installs the stamp once per process (idempotent). Requests that reached the server before
 *  this ran carry no stamp and count as the one client 'unknown'. */
export function installPeerStamp(): void {
  for (const Server of [http.Server, https.Server]) {
    const proto = Server.prototype as unknown as Record<symbol, unknown> & {
      emit: (event: string | symbol, ...args: unknown[]) => boolean;
    };
    if (proto[INSTALLED]) continue;
    const emit = proto.emit;
    proto.emit = function emitWithPeer(this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === 'request') stampPeerAddress(args[0] as IncomingMessage);
      return emit.call(this, event, ...args);
    };
    proto[INSTALLED] = true;
  }
}
