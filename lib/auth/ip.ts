// The client's address for rate limits: the socket's peer, or behind SAJILO_TRUSTED_PROXIES
// proxies the address the outermost one saw (the rule lives in lib/http/client.ts).
export { clientIp } from '@/lib/http/client';
