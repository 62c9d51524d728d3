import { describe, expect, it } from "vitest";

import { resolveClientAddress } from "./client-address";

describe("resolveClientAddress", () => {
  it("takes the TCP peer and ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(
      resolveClientAddress({
        peerAddress: "198.51.100.9",
        forwardedFor: "203.0.113.7",
        trustedProxies: [],
      }),
    ).toBe("198.51.100.9");
  });

  it("ignores X-Forwarded-For sent by a peer that is not a trusted proxy", () => {
    expect(
      resolveClientAddress({
        peerAddress: "198.51.100.9",
        forwardedFor: "203.0.113.7",
        trustedProxies: ["10.0.0.0/8"],
      }),
    ).toBe("198.51.100.9");
  });

  it("takes the right-most untrusted hop when the peer is a trusted proxy", () => {
    expect(
      resolveClientAddress({
        peerAddress: "10.0.0.2",
        forwardedFor: "203.0.113.7, 198.51.100.9, 10.0.0.5",
        trustedProxies: ["10.0.0.0/8"],
      }),
    ).toBe("198.51.100.9");
  });

  it("unwraps IPv4-mapped IPv6 peers", () => {
    expect(
      resolveClientAddress({
        peerAddress: "::ffff:127.0.0.1",
        forwardedFor: null,
        trustedProxies: [],
      }),
    ).toBe("127.0.0.1");
  });

  it("makes the caller unknown when a trusted proxy forwards garbage", () => {
    expect(
      resolveClientAddress({
        peerAddress: "10.0.0.2",
        forwardedFor: "evil, 10.0.0.5",
        trustedProxies: ["10.0.0.0/8"],
      }),
    ).toBeNull();
  });

  it("knows no caller without a peer", () => {
    expect(
      resolveClientAddress({ peerAddress: null, forwardedFor: "1.2.3.4", trustedProxies: [] }),
    ).toBeNull();
  });
});
