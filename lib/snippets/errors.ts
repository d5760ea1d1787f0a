// Domain errors carry their HTTP status and their text in English and Nepali; route handlers
// answer {"error": English text, "message": Nepali text, "messageEn": English text}.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
    /** The same text in Nepali; without it the answer carries a generic Nepali text for the status. */
    readonly messageNe?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = () => new ApiError(404, 'snippet not found', {}, 'प्रोग्राम भेटिएन।');
export const signedOut = () => new ApiError(401, 'sign in first', {}, 'पहिले साइन इन गर्नुहोस्।');
export const notOwner = () => new ApiError(403, 'this snippet is not yours', {}, 'यो प्रोग्राम तपाईँको होइन।');
export const anonymousImmutable = () =>
  new ApiError(403, 'an anonymous share can never change', {}, 'साइन इन नगरी साझा गरेको प्रोग्राम बदल्न मिल्दैन।');
export const staleVersion = (current: number) =>
  new ApiError(409, `stale version: the snippet is at version ${current}; reload it and try again`, {},
    `यो प्रोग्राम अर्कै ठाउँमा बदलिएको छ (संस्करण ${current}); पृष्ठ नयाँ खोलेर फेरि प्रयास गर्नुहोस्।`);
export const tooMany = (retryAfterSeconds: number) =>
  new ApiError(429, 'too many requests; try again later', {
    'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))),
  }, 'धेरै अनुरोध भए; केही बेरपछि फेरि प्रयास गर्नुहोस्।');

/** Nepali text for errors that were given none, by status. */
export const GENERIC_NE: Record<number, string> = {
  400: 'अनुरोध मिलेन।',
  401: 'पहिले साइन इन गर्नुहोस्।',
  403: 'यो अनुमति छैन।',
  404: 'भेटिएन।',
  409: 'अनुरोध अहिलेको अवस्थासँग मिलेन।',
  413: 'अनुरोध धेरै ठूलो छ।',
  429: 'धेरै अनुरोध भए; केही बेरपछि फेरि प्रयास गर्नुहोस्।',
  500: 'सर्भरमा समस्या आयो।',
};
