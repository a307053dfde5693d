/// The API's routes, matched against requests with API Gateway's priorities.
///
/// API Gateway picks the most specific match: a route without a greedy variable over one with
/// (`/api/charts/{id}` over `/api/{proxy+}`), and then the `$default` route. Among routes of the
/// same kind, a literal segment beats a `{variable}` at the first place where they differ
/// (`/api/charts/export` over `/api/charts/{id}`), and a route's own method beats `ANY`.
public struct RouteTable: Sendable {
    public let routes: [Route]

    /// What a request matched: the route and the path parameters it captured (decoded).
    public struct Match: Sendable, Hashable {
        public var route: Route
        public var pathParameters: [String: String]

        public init(route: Route, pathParameters: [String: String]) {
            self.route = route
            self.pathParameters = pathParameters
        }
    }

    /// Fails when two routes have the same key, as API Gateway refuses to create them.
    public init(_ routes: [Route]) throws {
        var keys: Set<String> = []
        for route in routes where !keys.insert(route.key).inserted {
            throw TemplateError("two routes are declared as \(route.key)")
        }
        self.routes = routes
    }

    /// The route for `method` and a request's raw (percent-encoded) path, or `nil` for API Gateway's 404.
    public func match(method: String, rawPath: String) -> Match? {
        let segments = Self.decodedSegments(of: rawPath)
        var best: (match: Match, rank: [Int])?
        for route in routes {
            guard let path = route.path, let routeMethod = route.method else { continue }
            guard routeMethod == "ANY" || routeMethod == method else { continue }
            guard let parameters = path.match(segments) else { continue }
            let rank = Self.rank(path) + [routeMethod == "ANY" ? 0 : 1]
            if best == nil || best!.rank.lexicographicallyPrecedes(rank) {
                best = (Match(route: route, pathParameters: parameters), rank)
            }
        }
        if let best { return best.match }
        if let fallback = routes.first(where: { $0.path == nil }) {
            return Match(route: fallback, pathParameters: [:])
        }
        return nil
    }

    /// Splits a raw path into segments, each percent-decoded as API Gateway decodes path parameters.
    static func decodedSegments(of rawPath: String) -> [String] {
        let parts = rawPath.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        if parts == [""] { return [] }
        return parts.map { PercentDecoding.decode($0, plusAsSpace: false) }
    }

    /// Higher is more specific: no greedy variable first, then literal > variable > greedy, segment by segment.
    private static func rank(_ path: RoutePath) -> [Int] {
        let hasGreedy = path.segments.contains { if case .greedy = $0 { true } else { false } }
        return [hasGreedy ? 0 : 1]
            + path.segments.map { segment in
                switch segment {
                case .literal: 2
                case .parameter: 1
                case .greedy: 0
                }
            }
    }
}
