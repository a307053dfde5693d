/// Reading a template's nodes as the harness and the deployment tests do: the one
/// CloudFormation YAML reader of the package.
extension TemplateNode: CustomStringConvertible {
    /// Follows `keys` through nested mappings.
    public subscript(path keys: String...) -> TemplateNode? {
        keys.reduce(Optional(self)) { node, key in node?[key] }
    }

    /// A sequence's items.
    public var items: [TemplateNode]? {
        if case .sequence(let items) = self { return items }
        return nil
    }

    /// A mapping's values by key.
    public var members: [String: TemplateNode]? {
        entries.map { Dictionary($0.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first }) }
    }

    /// The logical id or parameter of `!Ref X`.
    public var referenced: String? {
        if case .intrinsic("Ref", .scalar(let target)) = self { return target }
        return nil
    }

    /// `Resource.Attribute` of `!GetAtt Resource.Attribute` or `!GetAtt [Resource, Attribute]`.
    public var attribute: String? {
        guard case .intrinsic("Fn::GetAtt", let argument) = self else { return nil }
        switch argument {
        case .scalar(let dotted): return dotted
        case .sequence(let parts): return parts.compactMap(\.scalar).joined(separator: ".")
        default: return nil
        }
    }

    /// A scalar's text, or the template of `!Sub template`.
    public var text: String? {
        if case .intrinsic("Fn::Sub", .scalar(let template)) = self { return template }
        return scalar
    }

    /// The names of a `DependsOn`, which may be one name or a list of them.
    public var names: [String] {
        scalar.map { [$0] } ?? items?.compactMap(\.scalar) ?? []
    }

    public var isIntrinsic: Bool {
        if case .intrinsic = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .null: "null"
        case .scalar(let text): text
        case .sequence(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .mapping(let entries): "{" + entries.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        case .intrinsic(let name, let argument): "{\(name): \(argument)}"
        }
    }
}
