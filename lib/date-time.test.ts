import { describe, expect, it } from "vitest";

import { formatUtcTime, formatZonedTime, toUtcIso } from "./date-time";

const WINTER = "2026-01-15T17:05:09.250Z";
const SUMMER = "2026-07-15T17:05:09.250Z";

describe("formatZonedTime", () => {
  it.each([
    ["America/New_York", WINTER, /^Jan 15, 2026, 12:05\sPM EST$/],
    ["America/New_York", SUMMER, /^Jul 15, 2026, 1:05\sPM EDT$/],
    ["Asia/Kolkata", WINTER, /^Jan 15, 2026, 10:35\sPM GMT\+5:30$/],
    ["Asia/Tokyo", WINTER, /^Jan 16, 2026, 2:05\sAM GMT\+9$/],
    ["UTC", WINTER, /^Jan 15, 2026, 5:05\sPM UTC$/],
  ])("shows the time in %s with its zone (%s)", (timeZone, iso, expected) => {
    expect(formatZonedTime(iso, { locale: "en-US", timeZone })).toMatch(expected);
  });

  it("reads an offset timestamp as the same instant", () => {
    const zone = { locale: "en-US", timeZone: "UTC" };

    expect(formatZonedTime("2026-01-15T18:05:09.250+01:00", zone)).toBe(
      formatZonedTime(WINTER, zone),
    );
  });
});

describe("formatUtcTime", () => {
  it("is the UTC minute, marked UTC, whatever the process's zone", () => {
    expect(formatUtcTime(WINTER)).toBe("2026-01-15 17:05 UTC");
    expect(formatUtcTime("2026-01-15T18:05:09+01:00")).toBe("2026-01-15 17:05 UTC");
  });
});

describe("toUtcIso", () => {
  it("is the exact instant in UTC, to the millisecond", () => {
    expect(toUtcIso("2026-01-15T18:05:09.250+01:00")).toBe(WINTER);
  });
});
