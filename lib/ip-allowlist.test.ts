import { describe, expect, it } from "vitest";

import { isAddressAllowed, validateAllowlist } from "./ip-allowlist";

describe("validateAllowlist", () => {
  it("accepts IPv4, IPv6 and CIDR ranges and normalises them", () => {
    const result = validateAllowlist([
      " 203.0.113.7 ",
      "10.1.2.3/8",
      "2001:DB8::1",
      "2001:db8::/32",
    ]);

    expect(result).toEqual({
      ok: true,
      entries: ["203.0.113.7", "10.0.0.0/8", "2001:db8::1", "2001:db8::/32"],
    });
  });

  it("keeps IPv4-mapped entries as the IPv4 address or range they carry", () => {
    const result = validateAllowlist([
      "::ffff:1.2.3.4",
      "::ffff:198.51.100.0/120",
      "::ffff:0:0/80",
    ]);

    expect(result).toEqual({ ok: true, entries: ["1.2.3.4", "198.51.100.0/24", "::/80"] });
    expect(isAddressAllowed("1.2.3.4", result.ok ? result.entries : [])).toBe(true);
    expect(isAddressAllowed("::ffff:198.51.100.9", result.ok ? result.entries : [])).toBe(true);
  });

  it("names every invalid entry and accepts none of them", () => {
    const result = validateAllowlist(["1.2.3.4", "10.0.0.300", "abc", "1.2.3.4/33", "::1/129"]);

    expect(result).toEqual({
      ok: false,
      invalidEntries: ["10.0.0.300", "abc", "1.2.3.4/33", "::1/129"],
    });
  });

  it.each([
    "0x7f.0.0.1",
    "127.1",
    "017.0.0.1.",
    "fe80::1%eth0",
    "1.2.3.4/",
    "1.2.3.4/8/8",
    "1.2.3.4/-1",
  ])("refuses the loose or ambiguous form %s", (entry) => {
    expect(validateAllowlist([entry]).ok).toBe(false);
  });

  it("drops blank lines and duplicates", () => {
    expect(validateAllowlist(["", "  ", "1.1.1.1", "1.1.1.1"])).toEqual({
      ok: true,
      entries: ["1.1.1.1"],
    });
  });
});

describe("isAddressAllowed", () => {
  const cases: [string | null, string[], boolean][] = [
    ["198.51.100.4", [], true],
    [null, [], true],
    [null, ["198.51.100.4"], false],
    ["198.51.100.4", ["198.51.100.4"], true],
    ["198.51.100.5", ["198.51.100.4"], false],
    ["10.200.3.4", ["10.0.0.0/8"], true],
    ["11.0.0.1", ["10.0.0.0/8"], false],
    ["2001:db8::abcd", ["2001:db8::/32"], true],
    ["2001:db9::1", ["2001:db8::/32"], false],
    ["::ffff:203.0.113.7", ["203.0.113.7"], true],
    ["::ffff:203.0.113.8", ["203.0.113.0/30"], false],
    ["203.0.113.7", ["::ffff:203.0.113.7"], true],
    ["::1", ["127.0.0.1"], false],
    ["not-an-ip", ["0.0.0.0/0"], false],
    ["8.8.8.8", ["0.0.0.0/0"], true],
  ];

  it.each(cases)("address %s against %j is allowed: %s", (address, entries, expected) => {
    expect(isAddressAllowed(address, entries)).toBe(expected);
  });
});
