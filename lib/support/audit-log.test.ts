import { describe, expect, it } from "vitest";

import { AppError } from "../errors";
import { auditPageSchema, auditWhere, decodeCursor, encodeCursor } from "./audit-log";

describe("audit log queries", () => {
  it("round-trips a cursor and refuses one it did not issue", () => {
    const cursor = { createdAt: new Date("2026-12-10T10:00:00.123Z"), id: "abc" };

    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(() => decodeCursor("garbage")).toThrow(AppError);
  });

  it("reads a bare end date as the whole of that day", () => {
    const filter = auditPageSchema.parse({ from: "2026-12-01", to: "2026-12-10" });

    expect(auditWhere(filter).createdAt).toEqual({
      gte: new Date("2026-12-01T00:00:00.000Z"),
      lt: new Date("2026-12-11T00:00:00.000Z"),
    });
  });

  it("keeps the ends of a range within years 1 to 9999, whatever the offset", () => {
    const filter = auditPageSchema.parse({
      from: "0001-01-01T00:00:00+05:00",
      to: "9999-12-31",
    });

    expect(auditWhere(filter).createdAt).toEqual({
      gte: new Date("0001-01-01T00:00:00.000Z"),
      lt: new Date("9999-12-31T23:59:59.999Z"),
    });
  });

  it("refuses a cursor whose instant it could not have issued", () => {
    const farFuture = Buffer.from("+275760-09-13T00:00:00.000Z|x").toString("base64url");
    const noMillis = Buffer.from("2026-12-10T10:00:00Z|x").toString("base64url");

    expect(() => decodeCursor(farFuture)).toThrow(AppError);
    expect(() => decodeCursor(noMillis)).toThrow(AppError);
  });

  it("continues strictly after the cursor row, ties broken by id", () => {
    const at = new Date("2026-12-10T10:00:00.000Z");

    expect(auditWhere({}, { createdAt: at, id: "m" })).toEqual({
      AND: [
        expect.any(Object),
        { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: "m" } }] },
      ],
    });
  });

  it("rejects an unknown event type, outcome or page size", () => {
    expect(auditPageSchema.safeParse({ type: "key.deleted" }).success).toBe(false);
    expect(auditPageSchema.safeParse({ outcome: "maybe" }).success).toBe(false);
    expect(auditPageSchema.safeParse({ limit: "1000" }).success).toBe(false);
  });
});
