import Foundation

/// Environment overrides in the format of `sam local --env-vars`:
///
/// ```json
/// {"Parameters": {"LOG_LEVEL": "debug"}, "LoginFunction": {"BCRYPT_COST": "4"}}
/// ```
///
/// `Parameters` apply to every function; a function's own section, named by its logical id
/// (`LoginFunction`) or its name (`Login`), applies to it and wins over `Parameters`. Unlike
/// `sam local`, a variable the template does not declare is still set: locally it is often
/// exactly the one a developer wants to add.
public struct EnvironmentOverrides: Sendable, Hashable {
    public var global: [String: String]
    public var perFunction: [String: [String: String]]

    public init(global: [String: String] = [:], perFunction: [String: [String: String]] = [:]) {
        self.global = global
        self.perFunction = perFunction
    }

    public init(contentsOfFile path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TemplateError("cannot read the environment file \(path)")
        }
        try self.init(json: data, source: path)
    }

    public init(json: Data, source: String = "the environment file") throws {
        guard let object = try? JSONSerialization.jsonObject(with: json) as? [String: Any] else {
            throw TemplateError("\(source) must hold a JSON object of sections")
        }
        var global: [String: String] = [:]
        var perFunction: [String: [String: String]] = [:]
        for (section, value) in object {
            guard let variables = value as? [String: Any] else {
                throw TemplateError("\(source): section \(section) must be an object of variables")
            }
            var strings: [String: String] = [:]
            for (name, value) in variables {
                switch value {
                case let text as String: strings[name] = text
                case let number as NSNumber: strings[name] = number.stringValue
                default: throw TemplateError("\(source): \(section).\(name) must be a string, number or boolean")
                }
            }
            if section == "Parameters" {
                global = strings
            } else {
                perFunction[section] = strings
            }
        }
        self.init(global: global, perFunction: perFunction)
    }

    /// The overrides for one function, its own section winning over `Parameters`.
    public func variables(for function: TemplateFunction) -> [String: String] {
        global
            .merging(perFunction[function.name] ?? [:]) { $1 }
            .merging(perFunction[function.logicalID] ?? [:]) { $1 }
    }
}
