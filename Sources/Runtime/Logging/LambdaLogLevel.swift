import Logging

extension Logger.Level {
    /// Parses `AWS_LAMBDA_LOG_LEVEL` (`TRACE`, `DEBUG`, `INFO`, `WARN`, `ERROR`, `FATAL`).
    init?(lambdaLogLevel value: String) {
        switch value.uppercased() {
        case "TRACE": self = .trace
        case "DEBUG": self = .debug
        case "INFO": self = .info
        case "WARN", "WARNING": self = .warning
        case "ERROR": self = .error
        case "FATAL", "CRITICAL": self = .critical
        default: return nil
        }
    }

    /// The level's name in Lambda's log lines.
    var lambdaName: String {
        switch self {
        case .trace: "TRACE"
        case .debug: "DEBUG"
        case .info, .notice: "INFO"
        case .warning: "WARN"
        case .error: "ERROR"
        case .critical: "FATAL"
        }
    }
}
