import type { z } from "zod";

import { AppError } from "../errors";

export const MAX_BODY_BYTES = 16 * 1024;

export function assertBodySize(byteLength: number): void {
  if (byteLength > MAX_BODY_BYTES) {
    throw new AppError("payload_too_large", `The request body exceeds ${MAX_BODY_BYTES} bytes.`);
  }
}

/**
 * Reads a request body as text, stopping one byte past the limit: an oversized body is refused
 * by parseJsonBody without being buffered whole.
 */
export async function readLimitedText(request: Request): Promise<string> {
  if (!request.body) {
    return "";
  }

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;

  while (size <= MAX_BODY_BYTES) {
    const { done, value } = await reader.read();

    if (done) {
      break;
    }

    chunks.push(value);
    size += value.byteLength;
  }

  await reader.cancel().catch(() => undefined);

  return Buffer.concat(chunks)
    .subarray(0, MAX_BODY_BYTES + 1)
    .toString("utf8");
}

/**
 * Parses a body as JSON whatever its Content-Type says, then validates it against the schema. A
 * leading byte-order mark, which some Windows clients send, is skipped as RFC 8259 allows.
 */
export function parseJsonBody<T extends z.ZodType>(raw: string, schema: T): z.infer<T> {
  assertBodySize(Buffer.byteLength(raw, "utf8"));

  const text = raw.startsWith("\uFEFF") ? raw.slice(1) : raw;
  let value: unknown;

  try {
    value = text.trim() === "" ? undefined : JSON.parse(text);
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
