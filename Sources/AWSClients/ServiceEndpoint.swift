/// A service's base URL, to which a client appends its paths.
enum ServiceEndpoint {
    /// `endpoint` without a final `/`, so that appending `/path` never doubles it.
    static func withoutTrailingSlash(_ endpoint: String) -> String {
        endpoint.hasSuffix("/") ? String(endpoint.dropLast()) : endpoint
    }
}
