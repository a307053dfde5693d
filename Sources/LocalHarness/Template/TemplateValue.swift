/// A template value after its intrinsic functions have been resolved as far as a local run can.
public indirect enum TemplateValue: Sendable, Hashable {
    case null
    /// Every scalar: CloudFormation reads numbers and booleans from their text too.
    case string(String)
    case list([TemplateValue])
    case map([String: TemplateValue])
    /// A value that only exists once the stack is deployed (a resource's id or attribute, an
    /// imported export). `description` says what it was, as the template wrote it: `!GetAtt Db.Endpoint`.
    case unresolved(String)

    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var list: [TemplateValue]? {
        if case .list(let value) = self { return value }
        return nil
    }

    public var map: [String: TemplateValue]? {
        if case .map(let value) = self { return value }
        return nil
    }

    public subscript(key: String) -> TemplateValue? {
        map?[key]
    }

    /// Whether any part of the value depends on the deployed stack.
    public var isResolved: Bool {
        switch self {
        case .null, .string: true
        case .unresolved: false
        case .list(let items): items.allSatisfy(\.isResolved)
        case .map(let entries): entries.values.allSatisfy(\.isResolved)
        }
    }

    /// How the template wrote an unresolved value, or the value itself.
    public var summary: String {
        switch self {
        case .null: "null"
        case .string(let value): value
        case .unresolved(let description): description
        case .list(let items): "[" + items.map(\.summary).joined(separator: ", ") + "]"
        case .map(let entries):
            "{" + entries.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.summary)" }.joined(separator: ", ")
                + "}"
        }
    }
}
