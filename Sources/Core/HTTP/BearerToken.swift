/// Reads the access token from `authorization: Bearer <token>`, the only place it is accepted.
enum BearerToken {
    static func from(_ request: HTTPRequest) throws(APIError) -> String {
        guard let header = request.header("authorization") else { throw .unauthorized(tokenSent: false) }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw .unauthorized(tokenSent: true) }
        let token = parts[1].trimmingWhitespace()
        guard !token.isEmpty else { throw .unauthorized(tokenSent: true) }
        return token
    }
}
