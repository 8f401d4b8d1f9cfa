import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';

export type { Logger };

/** Structured JSON logs; personal data (NIR, names, tokens, cookies) never reaches them. */
export const createLogger = (config: Pick<Config, 'LOG_LEVEL'>): Logger =>
  pino(
    {
      level: config.LOG_LEVEL,
      redact: {
        paths: [
          'req.headers.cookie',
          'req.headers.authorization',
          'req.headers["x-csrf-token"]',
          'res.headers["set-cookie"]',
          // A failed query's parameters may hold anything a person gave (NIRs, names): never logged.
          'err.params',
          '*.nir',
          '*.password',
          '*.token',
          '*.secret',
        ],
        censor: '[masqué]',
      },
    },
    // Written asynchronously, so a slow disk does not hold the event loop; lines that come while a
    // write is under way are joined into the next. Flushed at exit (not after a kill -9).
    pino.destination({ dest: 1, sync: false }),
  );
