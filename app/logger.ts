import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs; personal data is never passed to the logger, and headers that carry secrets are censored if it is. */
export function createLogger(level: pino.LevelWithSilent): Logger {
  return pino({ level, redact: { paths: ['req.headers.authorization', 'headers.authorization', '*.accessCode'], censor: '[redacted]' } });
}
