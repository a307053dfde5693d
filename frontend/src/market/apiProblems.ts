// What the market screens need to know about a failed request.
import { ApiError } from "../api/ApiError";

export function hasStatus(error: unknown, status: number): boolean {
  return error instanceof ApiError && error.status === status;
}

/** Whether `error` is a 422 about `fields` only, each message already shown next to its field. */
export function isFieldProblem(error: unknown, fields: readonly string[]): boolean {
  if (!(error instanceof ApiError) || error.status !== 422) return false;
  const named = error.problem.errors ?? [];
  return named.length > 0 && named.every((problem) => fields.includes(problem.field));
}
