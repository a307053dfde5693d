import Foundation
import LocalHarness

/// `openapi.yaml` as the tests read it.
struct OpenAPIDocument {
    struct Operation {
        var route: Route
        /// The operation object merged with nothing: path-level parameters are in `pathParameters`.
        var object: TemplateNode
        var pathParameters: [TemplateNode]
    }

    let root: TemplateNode

    static func load() throws -> OpenAPIDocument {
        OpenAPIDocument(root: try RepositoryFile.yaml("openapi.yaml"))
    }

    static let httpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    var operations: [Operation] {
        (root["paths"]?.members ?? [:]).sorted { $0.key < $1.key }.flatMap { path, item in
            Self.httpMethods.compactMap { method in
                item[method].map {
                    Operation(
                        route: Route(method, path), object: $0,
                        pathParameters: item["parameters"]?.items ?? [])
                }
            }
        }
    }

    /// Follows a local `$ref` (`#/components/...`) if `value` is one.
    func resolve(_ value: TemplateNode) -> TemplateNode {
        guard let reference = value["$ref"]?.scalar, reference.hasPrefix("#/") else { return value }
        let keys = reference.dropFirst(2).split(separator: "/").map(String.init)
        return keys.reduce(Optional(root)) { $0?[$1] }.map(resolve) ?? value
    }

    /// Whether the operation needs a bearer token: the document's `security` applies unless
    /// the operation overrides it with an empty list.
    func requiresAuthentication(_ operation: Operation) -> Bool {
        let security = operation.object["security"] ?? root["security"]
        return !(security?.items?.isEmpty ?? true)
    }

    /// The names (lower-cased) of the operation's parameters in `location` (`query`, `header`, `path`).
    func parameterNames(of operation: Operation, in location: String) -> Set<String> {
        let parameters = operation.pathParameters + (operation.object["parameters"]?.items ?? [])
        return Set(
            parameters.map(resolve).filter { $0["in"]?.scalar == location }.compactMap {
                $0["name"]?.scalar?.lowercased()
            }
        )
    }
}
