// One schema for the sign-up/sign-in forms and the handlers.
import { z } from 'zod';
import { isStorableText } from './snippet';

export const MIN_PASSWORD = 8;
export const MAX_PASSWORD = 200; // bounds the hashing work an attacker can ask for

// Emails are compared and stored lower-case, so "A@x.org" and "a@x.org" are one account.
export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());

export const signUpSchema = z.object({
  email: emailSchema,
  password: z.string().min(MIN_PASSWORD).max(MAX_PASSWORD),
  name: z
    .string()
    .trim()
    .max(80)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'name has control characters')
    .refine(isStorableText, 'name has an unpaired surrogate')
    .optional(),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(MAX_PASSWORD),
});
