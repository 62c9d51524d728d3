const VIEWER_FIELDS: Intl.DateTimeFormatOptions = {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZoneName: "short",
};

type Zone = { locale?: string; timeZone?: string };

const formatters = new Map<string, Intl.DateTimeFormat>();

function viewerFormat({ locale, timeZone }: Zone): Intl.DateTimeFormat {
  const cacheKey = `${locale ?? ""}|${timeZone ?? ""}`;
  let format = formatters.get(cacheKey);

  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...VIEWER_FIELDS, timeZone });
    formatters.set(cacheKey, format);
  }

  return format;
}

/** The exact instant, as the API and the CSV export write it: `2026-12-04T15:55:51.123Z`. */
export function toUtcIso(iso: string): string {
  return new Date(iso).toISOString();
}

/** `2026-12-04 15:55 UTC`: the same text in every locale and zone. */
export function formatUtcTime(iso: string): string {
  return `${toUtcIso(iso).slice(0, 16).replace("T", " ")} UTC`;
}

/** In the viewer's locale and zone unless given, naming the zone: `Dec 4, 2026, 4:55 PM GMT+1`. */
export function formatZonedTime(iso: string, zone: Zone = {}): string {
  return viewerFormat(zone).format(new Date(iso));
}
