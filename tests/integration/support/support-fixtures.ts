import { expect } from "vitest";

import { environment } from "../helpers/environment";
import { provisionKey, type ProvisionedKey } from "../helpers/fixtures";
import { objectField, stringField, type JsonObject } from "../helpers/http";
import type { PortalClient } from "../helpers/portal-client";
import { publicApi } from "../helpers/public-api";

export type MerchantKey = ProvisionedKey & { merchantId: string; tokenSetId: string };

/** A provisioned key of the merchant behind `portal`, with the ids support screens address. */
export async function provisionForSupport(
  portal: PortalClient,
  support: PortalClient,
  merchantName = environment().merchantAName,
): Promise<MerchantKey> {
  const key = await provisionKey(portal);
  const search = await support.get(`/api/support/merchants?q=${encodeURIComponent(merchantName)}`);
  const merchants = search.json.merchants as JsonObject[];
  const merchant = merchants.find((entry) => entry.name === merchantName);

  expect(merchant, `merchant ${merchantName} in ${search.text}`).toBeDefined();

  const merchantId = stringField(merchant ?? {}, "id");
  const detail = await support.get(`/api/support/merchants/${merchantId}`);
  const keys = detail.json.keys as JsonObject[];
  const supportKey = keys.find((entry) => entry.id === key.keyId) ?? {};
  const [set] = supportKey.token_sets as JsonObject[];

  return { ...key, merchantId, tokenSetId: stringField(set ?? {}, "id") };
}

export function api() {
  return publicApi(environment().servers.node);
}

export function requestIdOf(result: { headers: Headers; json: JsonObject }): string {
  return result.headers.get("x-request-id") ?? stringField(result.json, "request_id");
}

export { objectField, stringField };
