import Foundation

/// An HTTP route as API Gateway and the OpenAPI document name it: `GET /api/charts/{id}`.
struct Route: Hashable, Comparable, CustomStringConvertible {
    var method: String
    var path: String

    init(_ method: String, _ path: String) {
        self.method = method.uppercased()
        self.path = path
    }

    var description: String { "\(method) \(path)" }

    static func < (lhs: Route, rhs: Route) -> Bool {
        (lhs.path, lhs.method) < (rhs.path, rhs.method)
    }
}

/// `template.yaml` as the tests read it.
struct SAMTemplate {
    let root: YAMLValue

    static func load() throws -> SAMTemplate {
        SAMTemplate(root: try YAMLValue.load("template.yaml"))
    }

    var resources: [String: YAMLValue] { root["Resources"]?.entries ?? [:] }
    var parameters: [String: YAMLValue] { root["Parameters"]?.entries ?? [:] }

    func resources(ofType type: String) -> [String: YAMLValue] {
        resources.filter { $0.value["Type"]?.string == type }
    }

    /// Logical id → resource of every `AWS::Serverless::Function`.
    var functions: [String: YAMLValue] { resources(ofType: "AWS::Serverless::Function") }

    /// A function's properties after SAM applies `Globals.Function`: nested mappings merge with
    /// the function's value winning, lists concatenate, except `Architectures`, which the
    /// function's value replaces (SAM's documented merge rules).
    func effectiveProperties(ofFunction logicalId: String) -> YAMLValue {
        let own = resources[logicalId]?["Properties"] ?? .map([:])
        guard let globals = root[path: "Globals", "Function"] else { return own }
        return Self.merge(global: globals, local: own, key: nil)
    }

    private static func merge(global: YAMLValue, local: YAMLValue, key: String?) -> YAMLValue {
        switch (global, local) {
        case (.map(let globalEntries), .map(let localEntries)):
            var merged = globalEntries
            for (name, value) in localEntries {
                merged[name] = globalEntries[name].map { merge(global: $0, local: value, key: name) } ?? value
            }
            return .map(merged)
        case (.list(let globalItems), .list(let localItems)) where key != "Architectures":
            return .list(globalItems + localItems)
        default:
            return local
        }
    }

    /// Every `HttpApi` event of every function, with the function's logical id.
    var httpRoutes: [(route: Route, function: String, event: YAMLValue)] {
        functions.sorted { $0.key < $1.key }.flatMap { id, function in
            (function[path: "Properties", "Events"]?.entries ?? [:])
                .filter { $0.value["Type"]?.string == "HttpApi" }
                .sorted { $0.key < $1.key }
                .compactMap { _, event in
                    guard let method = event[path: "Properties", "Method"]?.string,
                        let path = event[path: "Properties", "Path"]?.string
                    else { return nil }
                    return (Route(method, path), id, event)
                }
        }
    }

    /// The function targets: one directory per executable target under `Sources/Functions`.
    static func functionTargetsOnDisk() -> Set<String> {
        let directory = YAMLValue.repositoryRoot.appendingPathComponent("Sources/Functions")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return Set(
            names.filter { name in
                var isDirectory: ObjCBool = false
                return !name.hasPrefix(".")
                    && FileManager.default.fileExists(
                        atPath: directory.appendingPathComponent(name).path, isDirectory: &isDirectory)
                    && isDirectory.boolValue
            })
    }

    /// `CreateUserFunction` → `CreateUser`; nil when the id does not follow the convention.
    static func targetName(ofFunction logicalId: String) -> String? {
        guard logicalId.hasSuffix("Function"), logicalId.count > "Function".count else { return nil }
        return String(logicalId.dropLast("Function".count))
    }
}
