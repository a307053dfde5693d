/** The request never got an HTTP answer: offline, DNS, CORS or a dropped connection. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : "Network request failed");
    this.name = "NetworkError";
  }
}
