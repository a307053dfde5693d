// Reading an error response: its problem+json body (or a stand-in when a proxy answered
// with something else) and its retry-after header.
import type { FieldProblem, Problem } from "./types";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isFieldProblem(value: unknown): value is FieldProblem {
  return (
    isRecord(value) &&
    typeof value.field === "string" &&
    typeof value.code === "string" &&
    typeof value.message === "string"
  );
}

/** The body's problem details, or one made from the status when the body is not one. */
export function readProblem(status: number, statusText: string, body: unknown): Problem {
  if (isRecord(body) && typeof body.title === "string" && typeof body.code === "string") {
    return {
      type: typeof body.type === "string" ? body.type : "about:blank",
      title: body.title,
      status,
      code: body.code,
      detail: typeof body.detail === "string" ? body.detail : undefined,
      errors: Array.isArray(body.errors) ? body.errors.filter(isFieldProblem) : undefined,
    };
  }
  // API Gateway's own errors ({"message": ...}) and HTML from a proxy land here.
  return { type: "about:blank", title: statusText || `HTTP ${status}`, status, code: "http_error" };
}

/** Seconds to wait, from a retry-after of either delta-seconds or an HTTP date. */
export function readRetryAfter(header: string | null): number | null {
  if (header === null || header.trim() === "") return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
