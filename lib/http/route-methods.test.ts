import { describe, expect, it } from "vitest";

import { everyMethod, routeMethods } from "./route-methods";

const request = (method: string) => new Request("http://keyward.test/api/things", { method });

describe("routeMethods", () => {
  const list = async () => Response.json({ things: [] });
  const create = async () => Response.json({ thing: {} }, { status: 201 });
  const methods = routeMethods({ GET: list, POST: create });

  it("keeps the served handlers and answers HEAD like GET", () => {
    expect(methods.GET).toBe(list);
    expect(methods.POST).toBe(create);
    expect(methods.HEAD).toBe(list);
  });

  it("answers OPTIONS with 204 and the methods the route serves", () => {
    const response = methods.OPTIONS(request("OPTIONS"));

    expect(response.status).toBe(204);
    expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS, POST");
  });

  it.each(["PUT", "PATCH", "DELETE"] as const)(
    "answers %s with the JSON 405, its request id and an Allow header",
    async (method) => {
      const response = methods[method](request(method));
      const body = (await response.json()) as Record<string, unknown>;

      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS, POST");
      expect(body).toEqual({
        error: "method_not_allowed",
        error_description: "Use GET or POST for /api/things.",
        request_id: response.headers.get("x-request-id"),
      });
    },
  );

  it("refuses HEAD when the route serves no GET", () => {
    const response = routeMethods({ PUT: create }).HEAD(request("HEAD"));

    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("OPTIONS, PUT");
  });
});

describe("everyMethod", () => {
  it("hands every method to the one handler", () => {
    const handler = async () => new Response(null);

    expect(new Set(Object.values(everyMethod(handler)))).toEqual(new Set([handler]));
    expect(Object.keys(everyMethod(handler))).toHaveLength(7);
  });
});
