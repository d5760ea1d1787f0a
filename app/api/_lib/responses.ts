// The JSON error answers of the IDE's API: a code, Nepali and English text, never a stack.
import type { ApiError, ApiErrorCode } from '@/lib/validations/run';
import { MAX_FIELD_BYTES } from '@/lib/validations/run';

const TEXT: Record<ApiErrorCode, { ne: string; en: string }> = {
  bad_json: { ne: 'अनुरोधको JSON मिलेन।', en: 'The request body is not valid JSON.' },
  invalid_request: { ne: 'अनुरोधको ढाँचा मिलेन।', en: 'The request does not have the expected shape.' },
  too_large: {
    ne: `स्रोत वा इनपुट धेरै ठूलो छ (हरेक बढीमा ${MAX_FIELD_BYTES / 1024} KiB)।`,
    en: `The source or the input is too large (${MAX_FIELD_BYTES / 1024} KiB each at most).`,
  },
  overloaded: { ne: 'सर्भर व्यस्त छ; केही बेरपछि फेरि प्रयास गर्नुहोस्।', en: 'The server is busy; try again shortly.' },
  internal: { ne: 'सर्भरमा समस्या आयो।', en: 'Something went wrong on the server.' },
};

const STATUS: Record<ApiErrorCode, number> = {
  bad_json: 400, invalid_request: 400, too_large: 413, overloaded: 429, internal: 500,
};

export function apiErrorBody(code: ApiErrorCode, issues?: ApiError['issues']): ApiError {
  return { error: code, message: TEXT[code].ne, messageEn: TEXT[code].en, ...(issues ? { issues } : {}) };
}

export function apiError(code: ApiErrorCode, extra?: { issues?: ApiError['issues']; headers?: Record<string, string> }): Response {
  const body = apiErrorBody(code, extra?.issues);
  return Response.json(body, { status: STATUS[code], headers: { 'cache-control': 'no-store', ...extra?.headers } });
}

export function zodIssues(issues: readonly { path: PropertyKey[]; message: string }[]): ApiError['issues'] {
  return issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}
