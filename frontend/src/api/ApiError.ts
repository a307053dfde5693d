import { NetworkError } from "./NetworkError";
import { readProblem, readRetryAfter } from "./problem";
import type { Problem } from "./types";

/** An HTTP error answer from ChronoView's API, with its problem details. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  /** Seconds to wait before trying again, from retry-after (429 and 503). */
  readonly retryAfter: number | null;

  constructor(problem: Problem, retryAfter: number | null = null) {
    super(problem.detail ?? problem.title);
    this.name = "ApiError";
    this.status = problem.status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  static async fromResponse(response: Response): Promise<ApiError> {
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      // Not JSON: readProblem makes a problem from the status alone.
    }
    const problem = readProblem(response.status, response.statusText, body);
    return new ApiError(problem, readRetryAfter(response.headers.get("retry-after")));
  }

  get code(): string {
    return this.problem.code;
  }

  /** The 422 message for one field, matched on `errors[].field`. */
  fieldMessage(field: string): string | undefined {
    return this.problem.errors?.find((error) => error.field === field)?.message;
  }
}

function seconds(count: number): string {
  return count === 1 ? "1 second" : `${count} seconds`;
}

function tryAgain(retryAfter: number | null): string {
  return retryAfter === null || retryAfter <= 0
    ? "Try again in a moment."
    : `Try again in ${seconds(retryAfter)}.`;
}

const conflicts: Record<string, string> = {
  email_taken: "An account with this email already exists. Log in instead?",
  name_taken: "That name is already in use. Choose another one.",
  limit_reached: "You've reached the limit for these. Delete some to make room.",
};

/** What went wrong, as a sentence for the person using the app. */
export function describeError(error: unknown): string {
  if (error instanceof NetworkError) return "Can't reach ChronoView. Check your connection.";
  if (!(error instanceof ApiError)) return "Something went wrong. Try again.";
  const { status, code } = error;
  switch (status) {
    case 401:
      return code === "invalid_credentials"
        ? "Email or password is wrong."
        : "Your session ended; log in again.";
    case 403:
      return code === "invalid_credentials" ? "Current password is wrong." : "You can't do that.";
    case 404:
      return "This wasn't found. It may have been deleted.";
    case 409:
      return conflicts[code] ?? error.problem.detail ?? error.problem.title;
    case 412:
      return "This was changed elsewhere; reload it.";
    case 413:
      return "That's too large to save.";
    case 429:
      return `Too many attempts. ${tryAgain(error.retryAfter)}`;
    case 500:
      return "Something went wrong at ChronoView. Try again.";
    case 503:
      return `ChronoView can't reach its database right now. ${tryAgain(error.retryAfter)}`;
    default:
      return error.problem.detail ?? error.problem.title;
  }
}
