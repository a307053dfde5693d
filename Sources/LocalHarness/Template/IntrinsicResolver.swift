import Foundation

/// Resolves CloudFormation's intrinsic functions the way a deployment would, as far as a
/// local run can: parameters take their defaults, pseudo parameters take fixed local values,
/// conditions and mappings are evaluated, a function's `!Ref` is its local name, and anything
/// else that names a resource of the stack (`!GetAtt`, `!Ref` to a resource, `!ImportValue`)
/// stays ``TemplateValue/unresolved(_:)``.
struct IntrinsicResolver {
    /// Parameter values by name.
    var parameters: [String: TemplateValue]
    /// Logical ids of the template's resources: a `!Ref` to one of them is legitimate but unresolvable.
    var resourceIDs: Set<String>
    var conditions: [String: TemplateNode]
    var mappings: TemplateNode?
    /// The local names of the template's functions by logical id: a `!Ref` to a function is its
    /// name, which is the local Lambda service's too.
    var functionNames: [String: String] = [:]

    /// What the pseudo parameters are locally; names that only a real account has stay unresolved.
    static let pseudoParameters: [String: TemplateValue] = [
        "AWS::Region": .string("us-east-1"),
        "AWS::AccountId": .string("123456789012"),
        "AWS::Partition": .string("aws"),
        "AWS::URLSuffix": .string("amazonaws.com"),
        "AWS::StackName": .string("chronoview-local"),
        "AWS::StackId": .unresolved("!Ref AWS::StackId"),
        "AWS::NotificationARNs": .list([]),
    ]

    /// Reads the `Parameters` section: each parameter's `Default`, shaped by its `Type`.
    static func parameterDefaults(_ section: TemplateNode?) throws -> [String: TemplateValue] {
        var values: [String: TemplateValue] = [:]
        for entry in section?.entries ?? [] {
            let location = "Parameters.\(entry.key)"
            guard let defaultValue = entry.value["Default"] else {
                // Without a default, a deployment needs a value from its caller; locally there is none.
                values[entry.key] = .unresolved("!Ref \(entry.key) (a parameter without a Default)")
                continue
            }
            let type = entry.value["Type"]?.scalar ?? "String"
            switch defaultValue {
            case .scalar(let text):
                if type == "CommaDelimitedList" || type.hasPrefix("List<") {
                    let items = text.split(separator: ",", omittingEmptySubsequences: false)
                    values[entry.key] = .list(
                        items.map { .string($0.trimmingCharacters(in: .whitespaces)) }
                    )
                } else {
                    values[entry.key] = .string(text)
                }
            case .sequence(let items):
                values[entry.key] = .list(items.map { .string($0.scalar ?? "") })
            default:
                throw TemplateError("a parameter's Default must be a plain value", at: location)
            }
        }
        return values
    }

    /// Resolves `node`; `nil` means `AWS::NoValue`, which removes the property that holds it.
    func resolve(_ node: TemplateNode, at location: String) throws -> TemplateValue? {
        switch node {
        case .null:
            return .null
        case .scalar(let value):
            return .string(value)
        case .sequence(let items):
            return .list(
                try items.enumerated().compactMap { index, item in try resolve(item, at: "\(location)[\(index)]") }
            )
        case .mapping(let entries):
            var map: [String: TemplateValue] = [:]
            for entry in entries {
                map[entry.key] = try resolve(entry.value, at: location.isEmpty ? entry.key : "\(location).\(entry.key)")
            }
            return .map(map)
        case .intrinsic(let name, let argument):
            return try resolveFunction(name, argument, at: location)
        }
    }

    /// Resolves a value that must be present.
    func require(_ node: TemplateNode, at location: String) throws -> TemplateValue {
        guard let value = try resolve(node, at: location) else {
            throw TemplateError("AWS::NoValue is not allowed here", at: location)
        }
        return value
    }

    private func resolveFunction(_ name: String, _ argument: TemplateNode, at location: String) throws
        -> TemplateValue?
    {
        switch name {
        case "Ref":
            guard let target = argument.scalar else { throw TemplateError("!Ref takes a name", at: location) }
            return try reference(target, at: location)
        case "Fn::GetAtt":
            let target: String
            switch argument {
            case .scalar(let text): target = text
            case .sequence(let parts): target = parts.compactMap(\.scalar).joined(separator: ".")
            default: throw TemplateError("!GetAtt takes Resource.Attribute", at: location)
            }
            let resource = String(target.prefix { $0 != "." })
            guard resourceIDs.contains(resource) else {
                throw TemplateError("!GetAtt names \(resource), which is not a resource of this template", at: location)
            }
            return .unresolved("!GetAtt \(target)")
        case "Fn::Sub":
            return try substitute(argument, at: location)
        case "Fn::Join":
            guard case .sequence(let parts) = argument, parts.count == 2, let delimiter = parts[0].scalar else {
                throw TemplateError("!Join takes [delimiter, [values]]", at: location)
            }
            let list = try require(parts[1], at: location)
            guard let items = list.list else {
                return list.isResolved ? list : .unresolved("!Join with \(list.summary)")
            }
            let strings = items.compactMap(\.string)
            guard strings.count == items.count else {
                return .unresolved("!Join [\(delimiter), \(list.summary)]")
            }
            return .string(strings.joined(separator: delimiter))
        case "Fn::Select":
            guard case .sequence(let parts) = argument, parts.count == 2,
                let index = try require(parts[0], at: location).string.flatMap({ Int($0) })
            else {
                throw TemplateError("!Select takes [index, [values]]", at: location)
            }
            let list = try require(parts[1], at: location)
            guard let items = list.list else { return .unresolved("!Select [\(index), \(list.summary)]") }
            guard items.indices.contains(index) else {
                throw TemplateError("!Select index \(index) is out of range", at: location)
            }
            return items[index]
        case "Fn::Split":
            guard case .sequence(let parts) = argument, parts.count == 2, let delimiter = parts[0].scalar,
                !delimiter.isEmpty
            else {
                throw TemplateError("!Split takes [delimiter, string]", at: location)
            }
            let source = try require(parts[1], at: location)
            guard let text = source.string else { return .unresolved("!Split [\(delimiter), \(source.summary)]") }
            return .list(text.components(separatedBy: delimiter).map { .string($0) })
        case "Fn::If":
            guard case .sequence(let parts) = argument, parts.count == 3, let condition = parts[0].scalar else {
                throw TemplateError("!If takes [condition, value if true, value if false]", at: location)
            }
            let chosen = try evaluateCondition(named: condition, at: location, visiting: []) ? parts[1] : parts[2]
            return try resolve(chosen, at: location)
        case "Fn::FindInMap":
            guard case .sequence(let parts) = argument, parts.count == 3 else {
                throw TemplateError("!FindInMap takes [map, top-level key, second-level key]", at: location)
            }
            let keys = try parts.map { try require($0, at: location).string }
            guard let mapName = keys[0], let top = keys[1], let second = keys[2] else {
                return .unresolved("!FindInMap with a deployed value")
            }
            guard let value = mappings?[mapName]?[top]?[second] else {
                throw TemplateError("!FindInMap [\(mapName), \(top), \(second)] finds nothing", at: location)
            }
            return try resolve(value, at: location)
        case "Fn::Base64":
            let value = try require(argument, at: location)
            guard let text = value.string else { return .unresolved("!Base64 \(value.summary)") }
            return .string(Data(text.utf8).base64EncodedString())
        case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or", "Condition":
            return .string(
                try evaluateCondition(.intrinsic(name: name, argument: argument), at: location, visiting: [])
                    ? "true" : "false")
        default:
            // Fn::ImportValue, Fn::GetAZs, Fn::Cidr and the like ask the deployed account.
            return .unresolved("!\(name.replacingOccurrences(of: "Fn::", with: "")) \(argument)")
        }
    }

    private func reference(_ name: String, at location: String) throws -> TemplateValue? {
        if name == "AWS::NoValue" { return nil }
        if let value = parameters[name] ?? Self.pseudoParameters[name] { return value }
        if name.hasPrefix("AWS::") { return .unresolved("!Ref \(name)") }
        if let function = functionNames[name] { return .string(function) }
        if resourceIDs.contains(name) { return .unresolved("!Ref \(name)") }
        throw TemplateError("!Ref \(name) names neither a parameter nor a resource", at: location)
    }

    /// `!Sub "text ${Name} ${Resource.Attribute} ${!Literal}"`, or `!Sub [text, {Name: value}]`.
    private func substitute(_ argument: TemplateNode, at location: String) throws -> TemplateValue {
        let text: String
        var variables: [String: TemplateValue] = [:]
        switch argument {
        case .scalar(let value):
            text = value
        case .sequence(let parts) where parts.count == 2 && parts[0].scalar != nil:
            text = parts[0].scalar!
            for entry in parts[1].entries ?? [] {
                variables[entry.key] = try require(entry.value, at: "\(location).\(entry.key)")
            }
        default:
            throw TemplateError("!Sub takes a string or [string, {variables}]", at: location)
        }
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "${") {
            result += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
                throw TemplateError("!Sub has an unclosed ${", at: location)
            }
            let name = String(rest[start.upperBound..<end])
            rest = rest[rest.index(after: end)...]
            if name.hasPrefix("!") {
                result += "${\(name.dropFirst())}"
                continue
            }
            let value: TemplateValue
            if let given = variables[name] {
                value = given
            } else if name.contains(".") {
                value = try resolveFunction("Fn::GetAtt", .scalar(name), at: location) ?? .null
            } else {
                value = try reference(name, at: location) ?? .string("")
            }
            guard let string = value.string else {
                return .unresolved("!Sub \(text)")
            }
            result += string
        }
        result += rest
        return .string(result)
    }

    /// Evaluates a condition expression: `!Equals`, `!Not`, `!And`, `!Or`, `!Condition`.
    private func evaluateCondition(_ node: TemplateNode, at location: String, visiting: Set<String>) throws -> Bool {
        switch node {
        case .intrinsic("Condition", let argument):
            guard let name = argument.scalar else { throw TemplateError("!Condition takes a name", at: location) }
            return try evaluateCondition(named: name, at: location, visiting: visiting)
        case .mapping(let entries) where entries.count == 1 && entries[0].key == "Condition":
            guard let name = entries[0].value.scalar else {
                throw TemplateError("Condition takes a name", at: location)
            }
            return try evaluateCondition(named: name, at: location, visiting: visiting)
        case .intrinsic("Fn::Equals", .sequence(let operands)) where operands.count == 2:
            let left = try require(operands[0], at: location)
            let right = try require(operands[1], at: location)
            guard left.isResolved, right.isResolved else {
                throw TemplateError(
                    "!Equals compares \(left.summary) with \(right.summary), which only a deployment knows",
                    at: location)
            }
            return left == right
        case .intrinsic("Fn::Not", .sequence(let operands)) where operands.count == 1:
            return try !evaluateCondition(operands[0], at: location, visiting: visiting)
        case .intrinsic("Fn::And", .sequence(let operands)):
            return try operands.allSatisfy { try evaluateCondition($0, at: location, visiting: visiting) }
        case .intrinsic("Fn::Or", .sequence(let operands)):
            return try operands.contains { try evaluateCondition($0, at: location, visiting: visiting) }
        case .scalar("true"), .scalar("True"):
            return true
        case .scalar("false"), .scalar("False"):
            return false
        default:
            throw TemplateError("not a condition: \(node)", at: location)
        }
    }

    private func evaluateCondition(named name: String, at location: String, visiting: Set<String>) throws -> Bool {
        guard let definition = conditions[name] else {
            throw TemplateError("condition \(name) is not defined under Conditions", at: location)
        }
        guard !visiting.contains(name) else {
            throw TemplateError("condition \(name) refers to itself", at: "Conditions.\(name)")
        }
        return try evaluateCondition(definition, at: "Conditions.\(name)", visiting: visiting.union([name]))
    }
}
