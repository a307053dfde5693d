import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A swift-log handler that writes Lambda's log formats to standard output, one line a record,
/// which Lambda forwards to CloudWatch Logs.
public struct LambdaLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let format: LambdaLogFormat
    private let output: @Sendable (String) -> Void

    /// - Parameters:
    ///   - output: receives each complete line, newline included; standard output by default.
    public init(
        label: String,
        format: LambdaLogFormat,
        level: Logger.Level,
        output: @escaping @Sendable (String) -> Void = LambdaLogHandler.writeToStandardOutput
    ) {
        self.label = label
        self.format = format
        self.logLevel = level
        self.output = output
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        let requestID = merged.removeValue(forKey: "requestId").map { "\($0)" }
        output(line(level: event.level, message: "\(event.message)", requestID: requestID, metadata: merged))
    }

    func line(level: Logger.Level, message: String, requestID: String?, metadata: Logger.Metadata) -> String {
        let timestamp = UTCTimestamp.now()
        switch format {
        case .text:
            var line = timestamp + "\t" + (requestID ?? "undefined") + "\t" + level.lambdaName + "\t" + message
            if !metadata.isEmpty {
                line += " " + metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            }
            return line + "\n"
        case .json:
            var json = JSONWriter()
            json.beginObject()
            json.key("timestamp")
            json.string(timestamp)
            json.key("level")
            json.string(level.lambdaName)
            json.key("message")
            json.string(message)
            json.key("logger")
            json.string(label)
            if let requestID {
                json.key("requestId")
                json.string(requestID)
            }
            for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
                json.key(key)
                Self.write(value, to: &json)
            }
            json.endObject()
            return json.output + "\n"
        }
    }

    private static func write(_ value: Logger.Metadata.Value, to json: inout JSONWriter) {
        switch value {
        case .string(let string): json.string(string)
        case .stringConvertible(let convertible): json.string(convertible.description)
        case .array(let values):
            json.beginArray()
            for value in values { write(value, to: &json) }
            json.endArray()
        case .dictionary(let dictionary):
            json.beginObject()
            for (key, value) in dictionary.sorted(by: { $0.key < $1.key }) {
                json.key(key)
                write(value, to: &json)
            }
            json.endObject()
        }
    }

    /// Writes a whole line with one `write(2)`, so that lines from several threads never interleave.
    public static let writeToStandardOutput: @Sendable (String) -> Void = { line in
        var line = line
        line.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(1, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 {
                    if written < 0 && errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}
