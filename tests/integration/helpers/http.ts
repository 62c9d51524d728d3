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
