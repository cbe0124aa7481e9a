import { clientAddressOf, type RateLimitCheck } from '../../app/http/rateLimit';
import { hourly } from '../../app/http/rateLimitRules';
import { contactBlindIndex } from '../reporter/contactBlindIndex';
import { SIGN_IN_CODE_MAX_TRIES } from '../reporter/signInCode';
import { contactOf, SignInRequestBody, SignInVerifyBody } from './reporterSignInRouter';

const perAddress = (name: string, perHour: number): RateLimitCheck => ({ rule: hourly(name, perHour), subjectsOf: (req) => [clientAddressOf(req)] });

/**
 * Code requests per client address and per contact: an SMS costs money and reaches a person,
 * and each new code brings new tries. The contact counts by its blind index, so the limit
 * table holds no guessable hash of a phone number.
 */
export function signInRequestChecks(perHour: number, contactIndexKey: Uint8Array): RateLimitCheck[] {
  return [
    perAddress('sign-in-address', perHour),
    {
      rule: hourly('sign-in-contact', perHour),
      subjectsOf: (req) => {
        const parsed = SignInRequestBody.safeParse(req.body);
        return parsed.success ? [contactBlindIndex(contactIndexKey, contactOf(parsed.data))] : [];
      },
    },
  ];
}

/**
 * Failed code tries per contact per day, whoever sends them. Codes per hour times tries per
 * code alone would let one patient guesser try 50 codes an hour against one account, about a
 * one-in-three chance in a year; 10 a day makes it about 1 in 270.
 */
export const SIGN_IN_TRIES_PER_CONTACT_PER_DAY = 2 * SIGN_IN_CODE_MAX_TRIES;

/** Code tries per client address (as many as the codes it may ask for allow) and per contact (see above); a right code gives its try back. */
export function signInVerifyChecks(perHour: number, contactIndexKey: Uint8Array): RateLimitCheck[] {
  return [
    perAddress('sign-in-verify-address', perHour * SIGN_IN_CODE_MAX_TRIES),
    {
      rule: { name: 'sign-in-verify-contact', limit: SIGN_IN_TRIES_PER_CONTACT_PER_DAY, periodSeconds: 86_400 },
      subjectsOf: (req) => {
        const parsed = SignInVerifyBody.safeParse(req.body);
        return parsed.success ? [contactBlindIndex(contactIndexKey, contactOf(parsed.data))] : [];
      },
    },
  ];
}

/** Registrations per client address: a 409 tells whether a contact has an account, so trying many contacts is held back. */
export const registrationChecks = (perHour: number): RateLimitCheck[] => [perAddress('register-address', perHour)];
