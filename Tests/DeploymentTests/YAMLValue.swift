import Foundation
import Yams

/// A YAML document as plain values, with CloudFormation's intrinsic functions kept as such.
///
/// Yams' `load` would reject the short-form tags (`!Ref`, `!GetAtt`, `!Sub`, ...) that
/// CloudFormation templates use, so documents are composed into `Node`s, which keep any tag,
/// and converted here.
indirect enum YAMLValue: Equatable, CustomStringConvertible {
    case null
    /// Every scalar keeps its text; `30` and `true` are compared as written.
    case scalar(String)
    case list([YAMLValue])
    case map([String: YAMLValue])
    /// `name` is the long form, `Ref` or `Fn::<Name>`; the short form `!GetAtt A.B` becomes
    /// `intrinsic("Fn::GetAtt", .scalar("A.B"))`.
    case intrinsic(String, YAMLValue)

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The repository: three levels above this file (Tests/DeploymentTests/<file>).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Reads and converts a YAML file of the repository, e.g. `template.yaml`.
    static func load(_ relativePath: String) throws -> YAMLValue {
        let url = repositoryRoot.appendingPathComponent(relativePath)
        let text = try String(contentsOf: url, encoding: .utf8)
        guard let node = try Yams.compose(yaml: text) else {
            throw Failure(description: "\(relativePath) is empty")
        }
        return try YAMLValue(node)
    }

    init(_ node: Node) throws {
        let tag = node.tag.description
        // `!Name` is a local tag (an intrinsic function); `!!str` and friends arrive resolved as
        // `tag:yaml.org,2002:...`.
        let function: String? =
            tag.hasPrefix("!") && !tag.hasPrefix("!!") && tag.count > 1
            ? Self.longName(ofShortTag: String(tag.dropFirst())) : nil
        let value: YAMLValue
        switch node {
        case .scalar(let scalar):
            value = tag == Tag.Name.null.rawValue && function == nil ? .null : .scalar(scalar.string)
        case .sequence(let sequence):
            value = .list(try sequence.map(YAMLValue.init))
        case .mapping(let mapping):
            var entries: [String: YAMLValue] = [:]
            for (key, item) in mapping {
                guard let name = key.scalar?.string else {
                    throw Failure(description: "a mapping key is not a string: \(key)")
                }
                guard entries[name] == nil else { throw Failure(description: "duplicate key \(name)") }
                entries[name] = try YAMLValue(item)
            }
            if function == nil, entries.count == 1, let (name, argument) = entries.first,
                name == "Ref" || name.hasPrefix("Fn::")
            {
                self = .intrinsic(name, argument)
                return
            }
            value = .map(entries)
        case .alias:
            throw Failure(description: "YAML aliases are not used in these documents")
        }
        self = function.map { .intrinsic($0, value) } ?? value
    }

    /// `Ref` stays `Ref`; every other short tag is a `Fn::` function.
    private static func longName(ofShortTag name: String) -> String {
        name == "Ref" || name == "Condition" ? name : "Fn::\(name)"
    }

    // MARK: - Reading

    subscript(key: String) -> YAMLValue? {
        if case .map(let entries) = self { return entries[key] }
        return nil
    }

    /// Follows `keys` through nested mappings.
    subscript(path keys: String...) -> YAMLValue? {
        keys.reduce(Optional(self)) { value, key in value?[key] }
    }

    var string: String? {
        if case .scalar(let text) = self { return text }
        return nil
    }

    var list: [YAMLValue]? {
        if case .list(let items) = self { return items }
        return nil
    }

    var entries: [String: YAMLValue]? {
        if case .map(let entries) = self { return entries }
        return nil
    }

    /// The logical id or parameter of `!Ref X`.
    var referenced: String? {
        if case .intrinsic("Ref", .scalar(let target)) = self { return target }
        return nil
    }

    /// `Resource.Attribute` of `!GetAtt Resource.Attribute` or `!GetAtt [Resource, Attribute]`.
    var attribute: String? {
        guard case .intrinsic("Fn::GetAtt", let argument) = self else { return nil }
        switch argument {
        case .scalar(let dotted): return dotted
        case .list(let parts): return parts.compactMap(\.string).joined(separator: ".")
        default: return nil
        }
    }

    /// A scalar's text, or the template of `!Sub template`.
    var text: String? {
        if case .intrinsic("Fn::Sub", .scalar(let template)) = self { return template }
        return string
    }

    /// The names of a `DependsOn`, which may be one name or a list of them.
    var names: [String] {
        string.map { [$0] } ?? list?.compactMap(\.string) ?? []
    }

    var isIntrinsic: Bool {
        if case .intrinsic = self { return true }
        return false
    }

    var description: String {
        switch self {
        case .null: "null"
        case .scalar(let text): text
        case .list(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .map(let entries):
            "{" + entries.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        case .intrinsic(let name, let argument): "{\(name): \(argument)}"
        }
    }
}
