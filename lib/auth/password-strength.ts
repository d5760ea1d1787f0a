// Refuses passwords an attacker would guess early: zxcvbn-ts estimates how many guesses a
// cracker needs (its common-password lists, English words and names, keyboard patterns,
// repeats, sequences, dates, l33t), also counting the person's own email and name as known
// words. Server only: the dictionaries are large and stay out of the browser bundle.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { ApiError } from '@/lib/snippets/errors';
import { MIN_PASSWORD } from '@/lib/validations/auth';

/** zxcvbn's 0–4 scale; 2 means at least about 10^6 guesses even with the dictionaries. */
export const MIN_PASSWORD_SCORE = 2;

let estimator: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return estimator;
}

/** Throws a 400 ApiError (Nepali and English) when the password is too short or too easy to guess. */
export async function assertStrongPassword(password: string, userInputs: (string | undefined | null)[] = []): Promise<void> {
  // Spaces and other blanks count for nothing: "        " is not eight characters of secret.
  if ([...password.trim()].length < MIN_PASSWORD) {
    throw new ApiError(400,
      `weak password: at least ${MIN_PASSWORD} characters other than spaces are needed`, {},
      `पासवर्ड कमजोर छ: खाली ठाउँ बाहेक कम्तीमा ${MIN_PASSWORD} अक्षर चाहिन्छ।`);
  }
  // The whole email, its local part and each piece of it and of the name.
  const words = userInputs
    .flatMap((s) => (s ? [s, s.split('@')[0], ...s.split(/[@.\s_+-]+/)] : []))
    .filter((s) => s.length >= 3);
  const result = await zxcvbn().check(password, words);
  if (result.score >= MIN_PASSWORD_SCORE) return;
  const why = result.feedback.warning ? ` (${result.feedback.warning.replace(/\.$/, '')})` : '';
  throw new ApiError(400,
    `weak password: too easy to guess${why}; choose a longer, less predictable one`, {},
    'पासवर्ड कमजोर छ: यो सजिलै अनुमान गर्न सकिन्छ (धेरैले प्रयोग गर्ने वा सरल ढाँचा)। अझ लामो र अनौठो पासवर्ड राख्नुहोस्।');
}
