import { randomInt } from "node:crypto";
import http from "node:http";

export type JsonObject = Record<string, unknown>;

export type HttpResult = {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body when it is a JSON object, else an empty object. */
  json: JsonObject;
};

export async function toResult(response: Response): Promise<HttpResult> {
  const text = await response.text();
  let json: JsonObject = {};

  try {
    const parsed: unknown = JSON.parse(text);

    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
      json = parsed as JsonObject;
    }
  } catch {
    json = {};
  }

  return { status: response.status, headers: response.headers, text, json };
}

export function stringField(object: JsonObject, name: string): string {
  const value = object[name];

  if (typeof value !== "string") {
    throw new Error(`Expected "${name}" to be a string in ${JSON.stringify(object)}`);
  }

  return value;
}

export function objectField(object: JsonObject, name: string): JsonObject {
  const value = object[name];

  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(`Expected "${name}" to be an object in ${JSON.stringify(object)}`);
  }

  return value as JsonObject;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type RequestInit = { method: string; headers?: Record<string, string>; body?: string };

/**
 * A request sent from the given local address. fetch cannot choose one, and failure counters
 * are kept per client address: a test that counts failures needs an address no other test uses.
 */
export function requestFrom(localAddress: string, url: string, init: RequestInit) {
  return new Promise<HttpResult>((resolve, reject) => {
    const request = http.request(url, { ...init, localAddress }, (response) => {
      const chunks: Buffer[] = [];

      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => {
        const headers = new Headers();

        for (const [name, value] of Object.entries(response.headersDistinct)) {
          value?.forEach((item) => headers.append(name, item));
        }

        const body = Buffer.concat(chunks);

        resolve(
          toResult(
            new Response(body.length > 0 ? body : null, { headers, status: response.statusCode }),
          ),
        );
      });
    });

    request.on("error", reject);
    request.end(init.body);
  });
}

/** A loopback address of 127.0.0.0/8 other than 127.0.0.1, fresh for each call. */
export function uniqueLoopbackAddress(): string {
  return `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}
