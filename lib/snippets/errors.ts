// Domain errors carry their HTTP status; route handlers turn them into {"error": message}.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = () => new ApiError(404, 'snippet not found');
export const signedOut = () => new ApiError(401, 'sign in first');
export const notOwner = () => new ApiError(403, 'this snippet is not yours');
export const anonymousImmutable = () => new ApiError(403, 'an anonymous share can never change');
export const staleVersion = (current: number) =>
  new ApiError(409, `stale version: the snippet is at version ${current}; reload it and try again`);
export const tooMany = (retryAfterSeconds: number) =>
  new ApiError(429, 'too many requests; try again later', {
    'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))),
  });
