import ipaddr from "ipaddr.js";

type Address = ipaddr.IPv4 | ipaddr.IPv6;
type Range = [Address, number];

export type AllowlistValidation =
  { ok: true; entries: string[] } | { ok: false; invalidEntries: string[] };

/** Strict forms only: dotted-quad IPv4, IPv6 without a zone, each optionally with a prefix. */
function parseAddress(text: string): Address | null {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) {
    return ipaddr.IPv4.parse(text);
  }

  if (!text.includes("%") && ipaddr.IPv6.isValid(text)) {
    return ipaddr.IPv6.parse(text);
  }

  return null;
}

/** Parses one entry into a range; a single address is a full-length range. Null when invalid. */
export function parseAllowlistEntry(entry: string): Range | null {
  const [addressText, prefixText, ...rest] = entry.trim().split("/");
  const address = addressText ? parseAddress(addressText) : null;

  if (!address || rest.length > 0) {
    return null;
  }

  const maxBits = address.kind() === "ipv4" ? 32 : 128;

  if (prefixText === undefined) {
    return [address, maxBits];
  }

  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > maxBits) {
    return null;
  }

  return [address, Number(prefixText)];
}

function formatRange([address, bits]: Range): string {
  const isV4 = address.kind() === "ipv4";

  if (bits === (isV4 ? 32 : 128)) {
    return address.toString();
  }

  const cidr = `${address.toString()}/${bits}`;
  const network = isV4
    ? ipaddr.IPv4.networkAddressFromCIDR(cidr)
    : ipaddr.IPv6.networkAddressFromCIDR(cidr);

  return `${network.toString()}/${bits}`;
}

/**
 * An IPv4-mapped entry (::ffff:1.2.3.4, or a range of them) is kept as the IPv4 address or range
 * it carries: callers are matched that way, and `::ffff:102:304` would read as something else.
 */
function unmapped([address, bits]: Range): Range {
  if (address.kind() === "ipv6" && bits >= 96 && (address as ipaddr.IPv6).isIPv4MappedAddress()) {
    return [(address as ipaddr.IPv6).toIPv4Address(), bits - 96];
  }

  return [address, bits];
}

/** Validates every entry and normalises the valid ones; reports each invalid entry by name. */
export function validateAllowlist(entries: string[]): AllowlistValidation {
  const cleaned = entries.map((entry) => entry.trim()).filter(Boolean);
  const invalidEntries = cleaned.filter((entry) => parseAllowlistEntry(entry) === null);

  if (invalidEntries.length > 0) {
    return { ok: false, invalidEntries };
  }

  const normalized = cleaned.map((entry) =>
    formatRange(unmapped(parseAllowlistEntry(entry) as Range)),
  );

  return { ok: true, entries: [...new Set(normalized)] };
}

/** IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) are compared as the IPv4 address they carry. */
export function parseClientAddress(text: string): Address | null {
  const address = parseAddress(text.trim());

  if (address?.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress()) {
    return (address as ipaddr.IPv6).toIPv4Address();
  }

  return address;
}

function rangeContains([network, bits]: Range, address: Address): boolean {
  if (network.kind() === address.kind()) {
    return address.match(network, bits);
  }

  if (network.kind() === "ipv6" && address.kind() === "ipv4") {
    return (address as ipaddr.IPv4).toIPv4MappedAddress().match(network, bits);
  }

  return false;
}

/** An empty allowlist admits any caller; otherwise an unknown address is refused. */
export function isAddressAllowed(clientAddress: string | null, entries: string[]): boolean {
  if (entries.length === 0) {
    return true;
  }

  const address = clientAddress ? parseClientAddress(clientAddress) : null;

  if (!address) {
    return false;
  }

  return entries.some((entry) => {
    const range = parseAllowlistEntry(entry);

    return range !== null && rangeContains(range, address);
  });
}
