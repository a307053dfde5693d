import LambdaEvents

/// Where an alert stands. The client arms (`active`) and disarms (`disabled`) it; only the
/// system that watches prices sets `triggered`, together with `triggered_at`.
public enum AlertStatus: String, Sendable, Hashable, CaseIterable, Encodable {
    case active
    case disabled
    case triggered

    /// A status set by the client in a body: `active` or `disabled`, never `triggered`.
    static func parseClientSet(_ value: JSONValue) throws(FieldError) -> AlertStatus {
        let text = try value.string(field: "status")
        guard let status = AlertStatus(rawValue: text) else {
            throw FieldError(field: "status", code: "invalid", message: "must be active or disabled")
        }
        guard status != .triggered else {
            throw FieldError(field: "status", code: "invalid", message: "triggered is set only by the system")
        }
        return status
    }

    /// The `?status=` filter of a listing: any of the three.
    static func parseFilter(_ text: String) throws(FieldError) -> AlertStatus {
        guard let status = AlertStatus(rawValue: text) else {
            throw FieldError(field: "status", code: "invalid", message: "must be active, disabled or triggered")
        }
        return status
    }
}
