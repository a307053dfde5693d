/// A route's resource path, such as `/api/charts/{id}` or `/api/{proxy+}`, split into segments.
public struct RoutePath: Sendable, Hashable, CustomStringConvertible {
    public enum Segment: Sendable, Hashable {
        case literal(String)
        /// `{name}`: exactly one path segment.
        case parameter(String)
        /// `{name+}`: the rest of the path, one or more segments (the empty one a trailing `/`
        /// leaves included); only last.
        case greedy(String)
    }

    public let segments: [Segment]

    /// Parses a path as API Gateway accepts it: it starts with `/`, variables are whole segments,
    /// and a greedy variable can only end the path.
    public init(_ path: String) throws {
        guard path.hasPrefix("/") else {
            throw TemplateError("a route path must start with /: \(path)")
        }
        var segments: [Segment] = []
        let parts = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        for (index, part) in parts.enumerated() {
            if part.isEmpty {
                // `/` alone is the root; anywhere else an empty segment is a typo (`//`, trailing `/`).
                guard parts.count == 1 else { throw TemplateError("a route path has an empty segment: \(path)") }
                continue
            }
            if part.hasPrefix("{") && part.hasSuffix("}") {
                var name = part.dropFirst().dropLast()
                let greedy = name.hasSuffix("+")
                if greedy { name = name.dropLast() }
                guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
                    throw TemplateError("a route path has a malformed variable \(part): \(path)")
                }
                if greedy {
                    guard index == parts.count - 1 else {
                        throw TemplateError("a greedy variable must end the route path: \(path)")
                    }
                    segments.append(.greedy(String(name)))
                } else {
                    segments.append(.parameter(String(name)))
                }
            } else if part.contains("{") || part.contains("}") {
                throw TemplateError("a path variable must be a whole segment: \(path)")
            } else {
                segments.append(.literal(String(part)))
            }
        }
        self.segments = segments
    }

    public var description: String {
        "/"
            + segments.map { segment in
                switch segment {
                case .literal(let text): text
                case .parameter(let name): "{\(name)}"
                case .greedy(let name): "{\(name)+}"
                }
            }.joined(separator: "/")
    }

    /// Matches decoded request path segments; returns the path parameters, or `nil` when the path does not match.
    func match(_ requestSegments: [String]) -> [String: String]? {
        var parameters: [String: String] = [:]
        for (index, segment) in segments.enumerated() {
            switch segment {
            case .literal(let text):
                guard index < requestSegments.count, requestSegments[index] == text else { return nil }
            case .parameter(let name):
                guard index < requestSegments.count, !requestSegments[index].isEmpty else { return nil }
                parameters[name] = requestSegments[index]
            case .greedy(let name):
                // As on API Gateway's HTTP APIs, `/api/{proxy+}` catches `/api/` (a route path
                // cannot end in `/`, so nothing else could) but never `/api` itself.
                let rest = requestSegments.dropFirst(index)
                guard !rest.isEmpty else { return nil }
                parameters[name] = rest.joined(separator: "/")
                return parameters
            }
        }
        return segments.count == requestSegments.count ? parameters : nil
    }
}
