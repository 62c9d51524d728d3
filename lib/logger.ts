import pino from "pino";

import { env } from "./env";

/** Never pass request bodies or headers to the logger; the redaction list is only a backstop. */
export const logger = pino({
  level: env().LOG_LEVEL,
  base: { service: "keyward" },
  redact: {
    paths: [
      "password",
      "*.password",
      "apiKey",
      "*.apiKey",
      "api_key",
      "client_secret",
      "*.client_secret",
      "access_token",
      "refresh_token",
      "headers",
      "*.headers",
      "body",
      "*.body",
    ],
    censor: "[redacted]",
  },
});
