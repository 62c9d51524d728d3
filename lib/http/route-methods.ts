import { randomUUID } from "node:crypto";

import { AppError, errorResponse } from "../errors";

/** Every method Next.js routes to a route handler; a route file exports all of them. */
export const HTTP_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"] as const;

export type HttpMethod = (typeof HTTP_METHODS)[number];

type Handler = (request: Request, context: never) => Promise<Response> | Response;

type ServedMethods = Partial<Record<HttpMethod, Handler>>;

type Generated = (request: Request) => Response;

export type RouteMethods<S extends ServedMethods> = {
  [M in HttpMethod]: M extends keyof S
    ? S[M]
    : M extends "HEAD"
      ? "GET" extends keyof S
        ? S["GET"]
        : Generated
      : Generated;
};

function methodNotAllowed(request: Request, served: string, allow: string): Response {
  const { pathname } = new URL(request.url);
  const error = new AppError("method_not_allowed", `Use ${served} for ${pathname}.`);
  const response = errorResponse(error, randomUUID());

  response.headers.set("allow", allow);

  return response;
}

/**
 * All the handlers of a route file, from the ones it serves: HEAD answers like GET, OPTIONS
 * lists the served methods, and every other method gets the JSON 405 with an Allow header
 * instead of Next's empty one.
 */
export function routeMethods<S extends ServedMethods>(served: S): RouteMethods<S> {
  const handlers: ServedMethods = { ...served };
  const use = Object.keys(served).join(" or ");

  handlers.HEAD ??= handlers.GET;

  const allow = HTTP_METHODS.filter((method) => method === "OPTIONS" || handlers[method])
    .sort()
    .join(", ");

  handlers.OPTIONS ??= () => new Response(null, { status: 204, headers: { allow } });

  for (const method of HTTP_METHODS) {
    handlers[method] ??= (request: Request) => methodNotAllowed(request, use, allow);
  }

  return handlers as RouteMethods<S>;
}

/** One handler for every method, for routes that decide about the method themselves. */
export function everyMethod<H extends Handler>(handler: H): Record<HttpMethod, H> {
  const entries = HTTP_METHODS.map((method) => [method, handler] as const);

  return Object.fromEntries(entries) as Record<HttpMethod, H>;
}
