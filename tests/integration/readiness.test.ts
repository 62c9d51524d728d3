import { describe, expect, it } from "vitest";

import { transports } from "./helpers/environment";
import { toResult } from "./helpers/http";

describe.each(transports())("GET /api/ready ($transport transport)", ({ baseUrl }) => {
  it("answers 200 once the database and the failure counters both answer", async () => {
    const result = await toResult(await fetch(`${baseUrl}/api/ready`));

    expect(result.status).toBe(200);
    expect(result.json).toEqual({ ok: true });
    expect(result.headers.get("cache-control")).toBe("no-store");
  });
});
