import { describe, expect, it } from "vitest";

import { timeOrderedId } from "./ids";

describe("timeOrderedId", () => {
  it("is a version 7 UUID whose text order follows creation order", () => {
    const ids = Array.from({ length: 1000 }, () => timeOrderedId());

    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
