const ORIGIN = "http://keyward.invalid";

/**
 * Where sign-in may send the user back to: a path on this site, nothing else. Browsers drop tabs
 * and newlines from a URL and read "\" as "/", so "/\t/evil.example" would leave the site; such
 * characters are refused outright, and what is left must resolve to this origin.
 */
export function safeCallbackUrl(value: string | string[] | undefined): string {
  const raw = Array.isArray(value) ? value[0] : value;

  if (!raw?.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(raw)) {
    return "/";
  }

  const url = new URL(raw, ORIGIN);

  return url.origin === ORIGIN ? `${url.pathname}${url.search}${url.hash}` : "/";
}
