import { z } from 'zod';
import { isValidRegionCode } from '../domain/routing';
import { AttachmentConfig, attachmentConfigProblem } from './attachmentConfig';
import { HttpsOrLoopbackUrl, JwtConfig } from './auth/jwtConfig';
import { ReporterTokenConfig } from './auth/reporterTokenConfig';
import { ReplyConfig, replyConfigProblem } from './replyConfig';

const postgresUrl = /^postgres(ql)?:\/\//;
const esdbUrl = /^esdb(\+discover)?:\/\//;
const mongoUrl = /^mongodb(\+srv)?:\/\//;

/** Everything the system reads from the environment; nothing set means: embedded, in ./data. */
export const Config = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Loopback by default: a development machine does not publish its dev login to the network. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Peers trusted to name the client in X-Forwarded-For (express `trust proxy`: loopback, a subnet list...). The portal calls the API over loopback. */
  TRUST_PROXY: z.string().min(1).default('loopback'),
  DATA_DIR: z.string().min(1).default('./data'),
  EVENTSTORE_URL: z
    .string()
    .refine((url) => postgresUrl.test(url) || esdbUrl.test(url), 'must start with postgres://, postgresql:// or esdb://')
    .optional(),
  READ_STORE_URL: z
    .string()
    .refine((url) => postgresUrl.test(url) || mongoUrl.test(url), 'must start with postgres:// or mongodb://')
    .optional(),
  /** PostgreSQL schema of the ledger, the vault and (by default) the read models. */
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier').default('lapor'),
  /** 32 bytes, base64. Required with a server database; generated into DATA_DIR when embedded. */
  VAULT_MASTER_KEY: z
    .string()
    .refine((key) => Buffer.from(key, 'base64').length === 32, 'must be 32 bytes in base64')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `false` on API nodes when projection workers run as separate processes. */
  RUN_PROJECTIONS: z.enum(['true', 'false']).default('true').transform((value) => value === 'true'),
  /** /readyz answers 503 while any read model trails the ledger by more than this. */
  READY_MAX_LAG_SECONDS: z.coerce.number().positive().default(60),
  /** Shared HMAC secrets of the SMS 1708 gateway and the Twitter/X relay; a channel without one is off. */
  SMS_WEBHOOK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  TWITTER_WEBHOOK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** The SMS gateway's send endpoint for replies (signed with SMS_WEBHOOK_SECRET); without it, replies are only logged. */
  SMS_GATEWAY_URL: HttpsOrLoopbackUrl.optional(),
  /** A webhook delivery signed longer ago than this is refused as a replay. */
  WEBHOOK_MAX_AGE_SECONDS: z.coerce.number().int().positive().max(3600).default(300),
  /** Complaints per hour per client address, phone, reporter account and SMS sender (429 beyond); 0 turns the limits off. */
  INTAKE_RATE_PER_HOUR: z.coerce.number().int().min(0).default(30),
  /** Seconds between scheduler passes (escalations, automatic closing); 0 on nodes that must not run one. Any number may. */
  SCHEDULER_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(60),
  /** How long an Idempotency-Key is remembered. */
  IDEMPOTENCY_RETENTION_HOURS: z.coerce.number().positive().default(24),
  /** On SIGTERM, how long requests in flight may take before their connections are cut. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().positive().default(25),
  /** Access-code tries per hour per client address and per complaint (404 answers a wrong code; 429 beyond). */
  ACCESS_CODE_TRIES_PER_HOUR: z.coerce.number().int().positive().default(10),
  /** Where an SMS or tweet without a region code is filed until the admin routes it (31: DKI Jakarta). */
  GATEWAY_REGION_CODE: z.string().refine(isValidRegionCode, 'no region has this Kemendagri code').default('31'),
  ...AttachmentConfig.shape,
  ...JwtConfig.shape,
  ...ReporterTokenConfig.shape,
  ...ReplyConfig.shape,
});
export type Config = z.infer<typeof Config>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses the environment; the error message is one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = Config.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ConfigError(`configuration error: ${issue.path.join('.')}: ${issue.message}`);
  }
  const config = result.data;
  if (config.EVENTSTORE_URL !== undefined && config.VAULT_MASTER_KEY === undefined) {
    throw new ConfigError('configuration error: VAULT_MASTER_KEY: required when EVENTSTORE_URL points at a server (32 bytes, base64)');
  }
  if (config.EVENTSTORE_URL !== undefined && config.JWT_PUBLIC_KEY === undefined && config.JWT_JWKS_URL === undefined) {
    // The development key pair in DATA_DIR is for a laptop, never for a shared server.
    throw new ConfigError('configuration error: JWT_PUBLIC_KEY: JWT_PUBLIC_KEY or JWT_JWKS_URL is required when EVENTSTORE_URL points at a server');
  }
  if (config.JWT_PUBLIC_KEY !== undefined && config.JWT_JWKS_URL !== undefined) {
    throw new ConfigError('configuration error: JWT_JWKS_URL: set either JWT_PUBLIC_KEY or JWT_JWKS_URL, not both');
  }
  const attachmentProblem = attachmentConfigProblem(config);
  if (attachmentProblem !== undefined) throw new ConfigError(`configuration error: ${attachmentProblem}`);
  const replyProblem = replyConfigProblem(config);
  if (replyProblem !== undefined) throw new ConfigError(`configuration error: ${replyProblem}`);
  return config;
}
