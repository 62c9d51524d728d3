import { beforeAll, describe, expect, it } from "vitest";

import { execute } from "../helpers/database";
import { environment } from "../helpers/environment";
import type { JsonObject } from "../helpers/http";
import { signIn, type PortalClient } from "../helpers/portal-client";

async function addMerchants(merchantNames: string[]): Promise<void> {
  const suffix = Math.random().toString(36).slice(2);

  for (const [index, name] of merchantNames.entries()) {
    await execute(`INSERT INTO "Merchant" (id, name, "createdAt") VALUES (?, ?, ?)`, [
      `search-${suffix}-${index}`,
      name,
      new Date(),
    ]);
  }
}

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

  it("matches names beyond ASCII in any case", async () => {
    await addMerchants(["Ärger GmbH", "Çafé Ltd"]);

    expect(await names("ärger")).toEqual(["Ärger GmbH"]);
    expect(await names("ÇAFÉ")).toEqual(["Çafé Ltd"]);
    expect(await names("Çafé Ltd")).toEqual(["Çafé Ltd"]);
  });

  it("finds a literal _ even when over a thousand names match the text around it", async () => {
    await addMerchants([
      ...Array.from(
        { length: 450 },
        (_, index) => `Bulk ab shop ${String(index).padStart(4, "0")}`,
      ),
      "Zeta a_b Ltd",
    ]);

    expect(await names("a_b")).toEqual(["Zeta a_b Ltd"]);
  });

  it("lists the first 100 matches by name and says when more match", async () => {
    const tag = `Paged${Math.random().toString(36).slice(2, 8)}`;

    await addMerchants(
      Array.from({ length: 101 }, (_, index) => `${tag} ${String(index).padStart(3, "0")}`),
    );

    const search = async (q: string) => {
      const result = await support.get(`/api/support/merchants?q=${encodeURIComponent(q)}`);
      const merchants = result.json.merchants as JsonObject[];

      return { names: merchants.map((merchant) => merchant.name), hasMore: result.json.has_more };
    };
    const all = await search(tag);
    const fewer = await search(`${tag} 0`);

    expect(all.names).toHaveLength(100);
    expect(all.names[99]).toBe(`${tag} 099`);
    expect(all.hasMore).toBe(true);
    expect(fewer.names).toHaveLength(100);
    expect(fewer.hasMore).toBe(false);
  });

  it("finds a merchant by its exact id", async () => {
    const [merchant] = (await support.get("/api/support/merchants?q=Merchant%20B")).json
      .merchants as JsonObject[];

    expect(await names(String(merchant?.id))).toEqual(["Merchant B"]);
  });
});
