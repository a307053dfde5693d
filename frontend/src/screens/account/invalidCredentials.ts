import { ApiError } from "../../api/ApiError";

/** A 403 invalid_credentials: the current password given was wrong, said next to its field. */
export function isWrongPassword(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403 && error.code === "invalid_credentials";
}

export const WRONG_PASSWORD = "Current password is wrong.";
