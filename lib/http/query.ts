import type { z } from "zod";

import { AppError } from "../errors";

/** Validates a URL's query string; empty values count as absent, so blank filters are ignored. */
export function parseQuery<T extends z.ZodType>(url: string, schema: T): z.infer<T> {
  const entries = [...new URL(url).searchParams].filter(([, value]) => value.trim() !== "");
  const parsed = schema.safeParse(Object.fromEntries(entries));

  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) =>
      issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message,
    );

    throw new AppError("invalid_request", problems.join("; "));
  }

  return parsed.data;
}
