import type { z } from "zod";

import { AppError } from "../errors";

export const MAX_BODY_BYTES = 16 * 1024;

export function assertBodySize(byteLength: number): void {
  if (byteLength > MAX_BODY_BYTES) {
    throw new AppError("payload_too_large", `The request body exceeds ${MAX_BODY_BYTES} bytes.`);
  }
}

/** Parses a body as JSON whatever its Content-Type says, then validates it against the schema. */
export function parseJsonBody<T extends z.ZodType>(raw: string, schema: T): z.infer<T> {
  assertBodySize(Buffer.byteLength(raw, "utf8"));

  let value: unknown;

  try {
    value = raw.trim() === "" ? undefined : JSON.parse(raw);
  } catch {
    throw new AppError("invalid_request", "The request body is not valid JSON.");
  }

  if (value === undefined || value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new AppError("invalid_request", "The request body must be a JSON object.");
  }

  const parsed = schema.safeParse(value);

  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) =>
      issue.path.length > 0 && !issue.message.startsWith(String(issue.path[0]))
        ? `${issue.path.join(".")}: ${issue.message}`
        : issue.message,
    );

    throw new AppError("invalid_request", problems.join("; "));
  }

  return parsed.data;
}
