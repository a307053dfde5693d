import Foundation
import LocalHarness

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
    let root: TemplateNode

    static func load() throws -> SAMTemplate {
        SAMTemplate(root: try RepositoryFile.yaml("template.yaml"))
    }

    var resources: [String: TemplateNode] { root["Resources"]?.members ?? [:] }
    var parameters: [String: TemplateNode] { root["Parameters"]?.members ?? [:] }

    func resources(ofType type: String) -> [String: TemplateNode] {
        resources.filter { $0.value["Type"]?.scalar == type }
    }

    /// Logical id → resource of every `AWS::Serverless::Function`.
    var functions: [String: TemplateNode] { resources(ofType: "AWS::Serverless::Function") }

    /// A function's properties after SAM applies `Globals.Function`: nested mappings merge with
    /// the function's value winning, lists concatenate, except `Architectures`, which the
    /// function's value replaces (SAM's documented merge rules).
    func effectiveProperties(ofFunction logicalId: String) -> TemplateNode {
        let own = resources[logicalId]?["Properties"] ?? .mapping([])
        guard let globals = root[path: "Globals", "Function"] else { return own }
        return Self.merge(global: globals, local: own, key: nil)
    }

    private static func merge(global: TemplateNode, local: TemplateNode, key: String?) -> TemplateNode {
        switch (global, local) {
        case (.mapping(let globalEntries), .mapping(let localEntries)):
            var merged = globalEntries
            for entry in localEntries {
                if let index = merged.firstIndex(where: { $0.key == entry.key }) {
                    merged[index].value = merge(global: merged[index].value, local: entry.value, key: entry.key)
                } else {
                    merged.append(entry)
                }
            }
            return .mapping(merged)
        case (.sequence(let globalItems), .sequence(let localItems)) where key != "Architectures":
            return .sequence(globalItems + localItems)
        default:
            return local
        }
    }

    /// Every `HttpApi` event of every function, with the function's logical id.
    var httpRoutes: [(route: Route, function: String, event: TemplateNode)] {
        functions.sorted { $0.key < $1.key }.flatMap { id, function in
            (function[path: "Properties", "Events"]?.members ?? [:])
                .filter { $0.value["Type"]?.scalar == "HttpApi" }
                .sorted { $0.key < $1.key }
                .compactMap { _, event in
                    guard let method = event[path: "Properties", "Method"]?.scalar,
                        let path = event[path: "Properties", "Path"]?.scalar
                    else { return nil }
                    return (Route(method, path), id, event)
                }
        }
    }

    /// The function targets: one directory per executable target under `Sources/Functions`.
    static func functionTargetsOnDisk() -> Set<String> {
        let directory = RepositoryFile.root.appendingPathComponent("Sources/Functions")
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

extension SAMTemplate {
    /// A value and the condition it depends on: `!If [Condition, value, !Ref AWS::NoValue]`
    /// (a property or list item that only exists under `Condition`), or any other value, which
    /// is there unconditionally.
    func unconditional(_ node: TemplateNode) -> (condition: String?, value: TemplateNode) {
        guard case .intrinsic("Fn::If", .sequence(let branches)) = node, branches.count == 3,
            let condition = branches[0].scalar, branches[2].referenced == "AWS::NoValue"
        else {
            return (nil, node)
        }
        return (condition, branches[1])
    }
}
