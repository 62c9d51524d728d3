import { beforeAll, describe, expect, it } from "vitest";

import { environment } from "../helpers/environment";
import type { JsonObject } from "../helpers/http";
import { signIn, type PortalClient } from "../helpers/portal-client";

describe("support merchant search", () => {
  let support: PortalClient;

  beforeAll(async () => {
    support = await signIn(environment().servers.node, environment().users.support);
  });

  const names = async (q: string) => {
    const result = await support.get(`/api/support/merchants?q=${encodeURIComponent(q)}`);

    expect(result.status).toBe(200);

    return (result.json.merchants as JsonObject[]).map((merchant) => merchant.name);
  };

  it("matches names and user emails in any case, on every database", async () => {
    expect(await names("merchant a")).toEqual(["Merchant A"]);
    expect(await names("MERCHANT")).toEqual(["Merchant A", "Merchant B"]);
    expect(await names(environment().users.merchantB.email.toUpperCase())).toEqual(["Merchant B"]);
  });

  it("takes % and _ as literal characters, not wildcards", async () => {
    expect(await names("Merchant_A")).toEqual([]);
    expect(await names("%")).toEqual([]);
    expect(await names("Mer%A")).toEqual([]);
  });

  it("finds a merchant by its exact id", async () => {
    const [merchant] = (await support.get("/api/support/merchants?q=Merchant%20B")).json
      .merchants as JsonObject[];

    expect(await names(String(merchant?.id))).toEqual(["Merchant B"]);
  });
});
