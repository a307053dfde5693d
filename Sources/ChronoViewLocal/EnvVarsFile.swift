import ArgumentParser
import Foundation

/// Environment variables in the form `sam local invoke --env-vars` reads:
/// `{"Parameters": {...for every function...}, "<FunctionName>": {...for that one...}}`.
struct EnvVarsFile {
    private var sections: [String: [String: String]]

    init(contentsOf path: String) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ValidationError("Cannot read \(path): \(error.localizedDescription)")
        }
        try self.init(json: data, source: path)
    }

    init(json: Data, source: String = "--env-vars") throws {
        do {
            sections = try JSONDecoder().decode([String: [String: Scalar]].self, from: json).mapValues { section in
                section.mapValues(\.text)
            }
        } catch {
            throw ValidationError("\(source) is not a JSON object of objects of strings, numbers or booleans")
        }
    }

    /// A variable's value: SAM accepts numbers and booleans too, but the environment only has strings.
    private struct Scalar: Decodable {
        var text: String

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let string = try? container.decode(String.self) {
                text = string
            } else if let bool = try? container.decode(Bool.self) {
                text = bool ? "true" : "false"
            } else if let integer = try? container.decode(Int64.self) {
                text = String(integer)
            } else {
                text = String(try container.decode(Double.self))
            }
        }
    }

    /// The variables for `function`: `Parameters` first, the function's own section over them.
    func variables(for function: String) -> [String: String] {
        (sections["Parameters"] ?? [:]).merging(sections[function] ?? [:]) { _, own in own }
    }
}
