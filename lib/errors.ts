export const ERROR_STATUS = {
  invalid_request: 400,
  invalid_grant: 400,
  unauthorized: 401,
  invalid_client: 401,
  invalid_token: 401,
  token_expired: 401,
  enhanced_security_required: 401,
  forbidden: 403,
  ip_not_allowed: 403,
  key_not_active: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  server_error: 500,
  not_ready: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type ErrorBody = {
  error: ErrorCode;
  error_description: string;
  request_id: string;
} & Record<string, unknown>;

/** The one error type: a code from the table above, a caller-safe description, optional extras. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly extra: Record<string, unknown>;

  constructor(code: ErrorCode, description: string, extra: Record<string, unknown> = {}) {
    super(description);
    this.name = "AppError";
    this.code = code;
    this.extra = extra;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function errorBody(error: AppError, requestId: string): ErrorBody {
  return {
    error: error.code,
    error_description: error.message,
    request_id: requestId,
    ...error.extra,
  };
}

/** The error as a JSON response, with its request id in the body and the X-Request-Id header. */
export function errorResponse(error: AppError, requestId: string): Response {
  return Response.json(errorBody(error, requestId), {
    status: error.status,
    headers: { "x-request-id": requestId },
  });
}

/** Anything that is not an AppError becomes a generic 500: its details go to the log only. */
export function toAppError(cause: unknown): AppError {
  if (cause instanceof AppError) {
    return cause;
  }

  return new AppError("server_error", "The server could not complete the request.");
}
