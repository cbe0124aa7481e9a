import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEV_TOKEN_ALGORITHM, readDevSigningKey, type DevSigningKey } from '../auth/devSigningKey';
import { mintToken } from '../auth/mintToken';
import { TokenClaims } from '../auth/tokenClaims';
import { loadConfig } from '../config';
import { UsageError, type Subcommand } from './subcommand';

const Ttl = z.coerce.number().int().min(60).max(30 * 24 * 3600);

function devKeyIn(dataDir: string): DevSigningKey {
  try {
    return readDevSigningKey(dataDir);
  } catch {
    throw new UsageError(`no development key in ${dataDir}: run npm start once (with the same DATA_DIR) to generate it`);
  }
}

/** Mints a development token with the embedded key pair that `npm start` generated in DATA_DIR. */
export const tokenCommand: Subcommand = {
  summary: 'mint a development token',
  usage: 'token --role <admin|agency_officer|reporter|ombudsman|channel_gateway|system> [--agency <agency id>] [--sub <id>] [--ttl <seconds>]',
  async run(args) {
    const { values } = parseArgs({
      args: [...args],
      options: { role: { type: 'string' }, agency: { type: 'string' }, sub: { type: 'string' }, ttl: { type: 'string', default: '3600' } },
      strict: true,
    });
    const config = loadConfig();
    if (config.JWT_PUBLIC_KEY !== undefined || config.JWT_JWKS_URL !== undefined) {
      throw new UsageError('this server verifies tokens of a configured issuer (JWT_PUBLIC_KEY / JWT_JWKS_URL); get a token there');
    }
    const claims = TokenClaims.safeParse({ sub: values.sub ?? `dev-${values.role ?? 'user'}`, role: values.role, agency_id: values.agency });
    if (!claims.success) throw new UsageError(claims.error.issues.map((i) => `${i.path.join('.') || 'claims'}: ${i.message}`).join('; '));
    const ttl = Ttl.safeParse(values.ttl);
    if (!ttl.success) throw new UsageError('--ttl: between 60 seconds and 30 days');
    const key = devKeyIn(config.DATA_DIR);
    const token = await mintToken({
      claims: claims.data,
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      ttlSeconds: ttl.data,
      algorithm: DEV_TOKEN_ALGORITHM,
      privateKey: key.privateKey,
    });
    process.stdout.write(`${token}\n`);
    return 0;
  },
};
