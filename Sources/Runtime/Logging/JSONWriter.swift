/// A minimal streaming JSON writer for log lines and error reports, where a full encoder's
/// cost per line is not worth paying.
struct JSONWriter {
    private(set) var output = ""
    private var needsComma = false

    init() {
        output.reserveCapacity(256)
    }

    mutating func beginObject() { open("{") }

    mutating func endObject() { close("}") }

    mutating func beginArray() { open("[") }

    mutating func endArray() { close("]") }

    mutating func key(_ key: String) {
        separate()
        appendEscaped(key)
        output.append(":")
        needsComma = false
    }

    mutating func string(_ value: String) {
        separate()
        appendEscaped(value)
        needsComma = true
    }

    /// Appends already-valid JSON.
    mutating func raw(_ json: String) {
        separate()
        output.append(json)
        needsComma = true
    }

    private mutating func separate() {
        if needsComma { output.append(",") }
    }

    /// Opens an object or an array: its first member takes no comma before it.
    private mutating func open(_ bracket: Character) {
        separate()
        output.append(bracket)
        needsComma = false
    }

    /// Closes an object or an array, which then counts as one value: what follows takes a comma.
    private mutating func close(_ bracket: Character) {
        output.append(bracket)
        needsComma = true
    }

    private mutating func appendEscaped(_ value: String) {
        output.append("\"")
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output.append("\\\"")
            case "\\": output.append("\\\\")
            case "\n": output.append("\\n")
            case "\r": output.append("\\r")
            case "\t": output.append("\\t")
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{2028}" || scalar == "\u{2029}":
                output.append("\\u")
                let hex = String(scalar.value, radix: 16)
                output.append(String(repeating: "0", count: 4 - hex.count))
                output.append(hex)
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        output.append("\"")
    }
}
