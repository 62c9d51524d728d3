import { describe, expect, it } from "vitest";

import { checkReadiness } from "./readiness";

describe("checkReadiness", () => {
  it("is ready when every check answers", async () => {
    await expect(
      checkReadiness({ database: async () => 1, failure_counters: async () => null }),
    ).resolves.toEqual({ ok: true });
  });

  it("names each check that fails or does not answer in time", async () => {
    const readiness = await checkReadiness(
      {
        database: () => new Promise(() => undefined),
        failure_counters: async () => {
          throw new Error("ECONNREFUSED");
        },
        other: async () => "fine",
      },
      50,
    );

    expect(readiness).toEqual({ ok: false, failing: ["database", "failure_counters"] });
  });
});
