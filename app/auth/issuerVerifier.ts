import { decodeJwt } from 'jose';
import { InvalidToken, type TokenVerifier } from './tokenVerifier';

/**
 * One verifier per trusted issuer (the staff SSO, the API's own reporter sign-in): the
 * unverified `iss` only chooses which verifier checks the token, and that verifier pins the
 * issuer, key and algorithms again, so a token cannot pick a laxer one.
 */
export function verifierByIssuer(verifiers: ReadonlyMap<string, TokenVerifier>): TokenVerifier {
  return async (token) => {
    let issuer: unknown;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      throw new InvalidToken('the token is malformed or not verifiable');
    }
    const verify = typeof issuer === 'string' ? verifiers.get(issuer) : undefined;
    if (verify === undefined) throw new InvalidToken("the token's iss claim is not accepted");
    return verify(token);
  };
}
