/**
 * The headers next.config.js puts on every response Next serves; Keyward's own Node server adds
 * them to what it answers itself.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "same-origin",
};
