// The snippet and account rules' refusals, as ApiErrors of the API's one error shape
// (lib/api/errors.ts; their texts are in lib/i18n, `api.<code>`).
import { ApiError } from '@/lib/api/errors';

export { ApiError };

export const notFound = () => new ApiError('snippet_not_found');
export const signedOut = () => new ApiError('signed_out');
export const notOwner = () => new ApiError('not_owner');
export const anonymousImmutable = () => new ApiError('anonymous_immutable');
export const staleVersion = (current: number) => new ApiError('stale_version', { vars: { current } });
export const retryAfter = (seconds: number) => ({ 'Retry-After': String(Math.max(1, Math.ceil(seconds))) });
export const tooMany = (retryAfterSeconds: number) =>
  new ApiError('rate_limited', { headers: retryAfter(retryAfterSeconds) });
