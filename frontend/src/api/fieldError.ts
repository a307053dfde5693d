import { ApiError } from "./ApiError";

/** The 422 message for `field` when `error` is an ApiError that names it. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldMessage(field) : undefined;
}
