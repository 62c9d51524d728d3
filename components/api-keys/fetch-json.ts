type ErrorPayload = {
  error?: unknown;
  error_description?: unknown;
  invalid_entries?: unknown;
  request_id?: unknown;
};

export class ApiError extends Error {
  readonly status: number;
  readonly error: string;
  readonly error_description: string;
  readonly invalid_entries: string[];
  readonly request_id: string | null;

  constructor(status: number, payload: ErrorPayload) {
    const description =
      typeof payload.error_description === "string" && payload.error_description
        ? payload.error_description
        : "Something went wrong. Please try again.";
    super(description);
    this.name = "ApiError";
    this.status = status;
    this.error = typeof payload.error === "string" ? payload.error : "server_error";
    this.error_description = description;
    this.invalid_entries = Array.isArray(payload.invalid_entries)
      ? payload.invalid_entries.filter((entry): entry is string => typeof entry === "string")
      : [];
    this.request_id = typeof payload.request_id === "string" ? payload.request_id : null;
  }
}

export function errorDescription(error: unknown): string {
  if (error instanceof ApiError) {
    return error.error_description;
  }
  return "Something went wrong. Please try again.";
}

type FetchJsonInit = { method?: "GET" | "POST" | "PUT" | "DELETE"; json?: unknown };

export async function fetchJson<T>(url: string, init: FetchJsonInit = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (init.json !== undefined) {
    headers["Content-Type"] = "application/json";
  }

  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? "GET",
      headers,
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch {
    throw new ApiError(0, {
      error: "network_error",
      error_description: "Could not reach Keyward. Check your connection and try again.",
    });
  }

  const body: unknown = await response.json().catch(() => null);

  if (!response.ok) {
    const payload = body && typeof body === "object" ? (body as ErrorPayload) : {};
    throw new ApiError(response.status, payload);
  }

  return body as T;
}
