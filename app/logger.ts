import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs; personal data is never passed to the logger, and headers that carry secrets are censored if it is. */
export function createLogger(level: pino.LevelWithSilent, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = { level, redact: { paths: ['req.headers.authorization', 'headers.authorization', '*.accessCode'], censor: '[redacted]' } };
  // A destination lets tests read the lines; stdout otherwise.
  return destination === undefined ? pino(options) : pino(options, destination);
}
