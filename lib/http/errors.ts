// The HTTP layer's own refusals, in the API's one error shape: a code, Nepali and English text.
export type HttpErrorCode = 'too_large' | 'unsupported_media_type' | 'cross_origin' | 'bad_body' | 'bad_host' | 'bad_callback_url' | 'not_found' | 'method_not_allowed' | 'internal';

const STATUS: Record<HttpErrorCode, number> = {
  too_large: 413, unsupported_media_type: 415, cross_origin: 403, bad_body: 400, bad_host: 400, bad_callback_url: 400, not_found: 404, method_not_allowed: 405, internal: 500,
};

const TEXT: Record<HttpErrorCode, { ne: string; en: string }> = {
  too_large: { ne: 'अनुरोध धेरै ठूलो छ।', en: 'The request body is too large.' },
  unsupported_media_type: {
    ne: 'अनुरोधको ढाँचा application/json हुनुपर्छ।',
    en: 'The request body must be application/json.',
  },
  cross_origin: {
    ne: 'अर्को साइटबाट आएको अनुरोध स्वीकार गरिँदैन।',
    en: 'Requests from another site are not accepted.',
  },
  bad_body: { ne: 'अनुरोधको सामग्री पढ्न सकिएन।', en: 'The request body could not be read.' },
  bad_host: { ne: 'अनुरोधको Host मिलेन।', en: 'The request has no valid Host header.' },
  bad_callback_url: {
    ne: 'callbackUrl मान्य http(s) ठेगाना वा यही साइटको बाटो हुनुपर्छ।',
    en: 'callbackUrl must be an http(s) URL or a path on this site.',
  },
  not_found: { ne: 'यो ठेगानामा केही भेटिएन।', en: 'Nothing is found at this address.' },
  method_not_allowed: { ne: 'यो ठेगानाले यो विधि स्वीकार्दैन।', en: 'This address does not accept this method.' },
  internal: { ne: 'सर्भरमा समस्या आयो।', en: 'Something went wrong on the server.' },
};

export function httpError(code: HttpErrorCode, headers: Record<string, string> = {}): Response {
  return Response.json(
    { error: code, message: TEXT[code].ne, messageEn: TEXT[code].en },
    { status: STATUS[code], headers: { 'cache-control': 'no-store', ...headers } },
  );
}
