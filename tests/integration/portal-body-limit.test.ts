import http from "node:http";

import { beforeAll, describe, expect, it } from "vitest";

import { environment } from "./helpers/environment";
import { signIn, type PortalClient } from "./helpers/portal-client";

/**
 * Sends a body that never ends and resolves with the status of the answer: a server that waits
 * for the whole body before checking its size never answers, and the test times out.
 */
function statusOfEndlessPost(portal: PortalClient, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${portal.baseUrl}${path}`, {
      method: "POST",
      headers: {
        cookie: portal.cookie(),
        origin: portal.baseUrl,
        "content-type": "application/json",
        "transfer-encoding": "chunked",
      },
    });
    const chunk = Buffer.alloc(64 * 1024, "a");
    const pump = () => {
      while (!request.destroyed && request.write(chunk)) {
        // The socket takes more: keep writing until it pushes back.
      }
    };

    request.on("drain", pump);
    request.on("response", (response) => {
      resolve(response.statusCode ?? 0);
      response.resume();
      request.destroy();
    });
    request.on("error", (error) => {
      if (!request.destroyed) {
        reject(error);
      }
    });
    pump();
  });
}

describe("portal request bodies", () => {
  let portal: PortalClient;

  beforeAll(async () => {
    portal = await signIn(environment().servers.node, environment().users.merchantA);
  });

  it("refuses a body over 16 KiB with 413 without reading it to the end", async () => {
    expect(await statusOfEndlessPost(portal, "/api/keys")).toBe(413);
  });
});
