import { clientAddressOf, type RateLimitCheck } from '../../app/http/rateLimit';
import { hourly } from '../../app/http/rateLimitRules';
import { contactBlindIndex } from '../reporter/contactBlindIndex';
import { SIGN_IN_CODE_MAX_TRIES } from '../reporter/signInCode';
import { contactOf, SignInRequestBody } from './reporterSignInRouter';

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

/** Code tries per client address (every code's own tries are capped too): as many as the codes it may ask for allow. */
export const signInVerifyChecks = (perHour: number): RateLimitCheck[] => [perAddress('sign-in-verify-address', perHour * SIGN_IN_CODE_MAX_TRIES)];

/** Registrations per client address: a 409 tells whether a contact has an account, so trying many contacts is held back. */
export const registrationChecks = (perHour: number): RateLimitCheck[] => [perAddress('register-address', perHour)];
