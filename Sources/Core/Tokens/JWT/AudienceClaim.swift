/// A JWT's `aud` (RFC 7519, section 4.1.3): the recipients the token is meant for, written as one
/// string or as an array of strings.
struct AudienceClaim: Codable, Sendable, Hashable {
    var values: [String]

    init(_ values: [String]) {
        self.values = values
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let single = try? container.decode(String.self) {
            values = [single]
        } else {
            values = try container.decode([String].self)
        }
    }

    /// A single audience as a plain string, the form nearly every reader expects.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if values.count == 1 {
            try container.encode(values[0])
        } else {
            try container.encode(values)
        }
    }
}
