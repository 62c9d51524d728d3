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
