import NIOHTTP1

/// One of the Runtime API's resources, addressed under an environment's path prefix:
/// `/<environment-id>/2018-06-01/runtime/...`.
enum RuntimeAPIRoute: Sendable, Hashable {
    /// `GET /runtime/invocation/next`
    case next
    /// `POST /runtime/invocation/{AwsRequestId}/response`
    case response(requestID: String)
    /// `POST /runtime/invocation/{AwsRequestId}/error`
    case error(requestID: String)
    /// `POST /runtime/init/error`
    case initError

    /// The environment a request is for, and the resource it asks for.
    struct Target: Sendable, Hashable {
        var environmentID: String
        var route: RuntimeAPIRoute
    }

    enum ParseFailure: Error, Sendable {
        case notFound
        case methodNotAllowed
    }

    static let version = "2018-06-01"

    /// Parses a request line's method and URI.
    static func parse(method: HTTPMethod, uri: String) -> Result<Target, ParseFailure> {
        // Split on the UTF-8 view: this runs for every request, and the path is ASCII.
        var path = Substring(uri).utf8
        if let query = path.firstIndex(of: UInt8(ascii: "?")) { path = path[..<query] }
        let parts = path.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true).map {
            Substring($0)
        }
        guard parts.count >= 4, parts[1] == version, parts[2] == "runtime" else { return .failure(.notFound) }
        let environmentID = String(parts[0])
        let rest = parts[3...]
        let route: RuntimeAPIRoute
        let expectedMethod: HTTPMethod
        switch (rest.count, rest.first) {
        case (2, "invocation") where rest.last == "next":
            route = .next
            expectedMethod = .GET
        case (3, "invocation") where rest.last == "response":
            route = .response(requestID: String(rest[rest.startIndex + 1]))
            expectedMethod = .POST
        case (3, "invocation") where rest.last == "error":
            route = .error(requestID: String(rest[rest.startIndex + 1]))
            expectedMethod = .POST
        case (2, "init") where rest.last == "error":
            route = .initError
            expectedMethod = .POST
        default:
            return .failure(.notFound)
        }
        guard method == expectedMethod else { return .failure(.methodNotAllowed) }
        return .success(Target(environmentID: environmentID, route: route))
    }
}
