/// The route table as a developer reads it at start-up: method, path, function, in the order
/// of their paths.
public enum RouteListing {
    /// One line a route, columns aligned; `extra` rows (the OpenAPI document, say) come last.
    public static func lines(for table: RouteTable, extra: [(method: String, path: String, target: String)] = [])
        -> [String]
    {
        var rows =
            table.routes
            .sorted { ($0.path?.description ?? "~", $0.method ?? "") < ($1.path?.description ?? "~", $1.method ?? "") }
            .map { route in
                (method: route.method ?? "*", path: route.path?.description ?? "$default", target: route.functionName)
            }
        rows += extra
        let methodWidth = rows.map(\.method.count).max() ?? 0
        let pathWidth = rows.map(\.path.count).max() ?? 0
        return rows.map { row in
            row.method.padding(methodWidth) + "  " + row.path.padding(pathWidth) + "  " + row.target
        }
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
