import Yams

/// A template's YAML as plain, sendable values, with CloudFormation's intrinsic functions
/// recognised in their short (`!Ref Name`) and long (`{Ref: Name}`, `{Fn::GetAtt: ...}`) forms.
///
/// Scalars keep their text (`30`, `true`): CloudFormation itself treats them as strings until
/// a property says otherwise.
public indirect enum TemplateNode: Sendable, Hashable {
    case null
    case scalar(String)
    case sequence([TemplateNode])
    case mapping([Entry])
    /// `name` is the long form: `Ref`, `Condition`, or `Fn::<Name>`.
    case intrinsic(name: String, argument: TemplateNode)

    public struct Entry: Sendable, Hashable {
        public var key: String
        public var value: TemplateNode

        public init(key: String, value: TemplateNode) {
            self.key = key
            self.value = value
        }
    }

    /// Parses YAML (JSON is YAML too) into nodes.
    public static func parse(yaml: String) throws -> TemplateNode {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw TemplateError("not valid YAML: \(error)")
        }
        guard let root else { throw TemplateError("the template is empty") }
        return try TemplateNode(root, at: "")
    }

    private init(_ node: Node, at location: String) throws {
        switch node {
        case .scalar(let scalar):
            if let function = Self.intrinsicName(forTag: scalar.tag.rawValue) {
                self = .intrinsic(name: function, argument: .scalar(scalar.string))
            } else if node.tag.rawValue == Tag.Name.null.rawValue {
                self = .null
            } else {
                self = .scalar(scalar.string)
            }
        case .sequence(let sequence):
            let items = try sequence.enumerated().map { index, item in
                try TemplateNode(item, at: "\(location)[\(index)]")
            }
            if let function = Self.intrinsicName(forTag: sequence.tag.rawValue) {
                self = .intrinsic(name: function, argument: .sequence(items))
            } else {
                self = .sequence(items)
            }
        case .mapping(let mapping):
            var entries: [Entry] = []
            var seen: Set<String> = []
            for (keyNode, valueNode) in mapping {
                guard let key = keyNode.scalar?.string else {
                    throw TemplateError("a mapping key must be a plain string", at: location)
                }
                let path = location.isEmpty ? key : "\(location).\(key)"
                guard seen.insert(key).inserted else {
                    throw TemplateError("duplicate key \(key)", at: location)
                }
                entries.append(Entry(key: key, value: try TemplateNode(valueNode, at: path)))
            }
            let value = TemplateNode.mapping(entries)
            if let function = Self.intrinsicName(forTag: mapping.tag.rawValue) {
                self = .intrinsic(name: function, argument: value)
            } else if entries.count == 1, entries[0].key == "Ref" || entries[0].key.hasPrefix("Fn::") {
                self = .intrinsic(name: entries[0].key, argument: entries[0].value)
            } else {
                self = value
            }
        case .alias:
            throw TemplateError("YAML aliases are not supported in templates", at: location)
        }
    }

    /// `!Ref` → `Ref`, `!Condition` → `Condition`, `!GetAtt` → `Fn::GetAtt`; `nil` for YAML's own tags.
    private static func intrinsicName(forTag tag: String) -> String? {
        guard tag.hasPrefix("!"), tag.count > 1, !tag.hasPrefix("!!") else { return nil }
        let name = String(tag.dropFirst())
        return name == "Ref" || name == "Condition" ? name : "Fn::\(name)"
    }

    /// The value of `key` in a mapping; `nil` when absent or when this is not a mapping.
    public subscript(key: String) -> TemplateNode? {
        guard case .mapping(let entries) = self else { return nil }
        return entries.first { $0.key == key }?.value
    }

    public var entries: [Entry]? {
        if case .mapping(let entries) = self { return entries }
        return nil
    }

    public var scalar: String? {
        if case .scalar(let value) = self { return value }
        return nil
    }
}
