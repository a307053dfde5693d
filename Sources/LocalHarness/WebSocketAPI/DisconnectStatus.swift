/// Why a connection ended: the WebSocket close code and reason that its `$disconnect` event
/// carries as `disconnectStatusCode` and `disconnectReason`.
public struct DisconnectStatus: Sendable, Hashable {
    /// The close code (RFC 6455, section 7.4): 1000 for a normal close, 1001 going away...
    public var code: UInt16
    /// The close frame's reason, or the emulator's own words when no frame said why.
    public var reason: String

    public init(code: UInt16, reason: String) {
        self.code = code
        self.reason = reason
    }

    /// `DELETE @connections/{id}`, or a client closing without a reason of its own.
    static let normal = DisconnectStatus(code: 1000, reason: "Connection Closed Normally")
    /// The client went away without a close frame: its TCP connection reset or ended.
    static let abnormal = DisconnectStatus(code: 1006, reason: "Connection Closed Abnormally")
    /// A frame over 32 KB, or a message over 128 KB.
    static let messageTooBig = DisconnectStatus(code: 1009, reason: "Message Too Big")
    /// API Gateway takes no binary frames.
    static let binaryFrame = DisconnectStatus(code: 1003, reason: "Unsupported Data")
    /// A frame that breaks the protocol.
    static let protocolError = DisconnectStatus(code: 1002, reason: "Protocol Error")
    // API Gateway documents no reasons for its own timeouts; these tell the two apart in the
    // `$disconnect` event and the log, where a shared "Going Away" would not.
    /// No frame from the client within the idle timeout.
    static let idle = DisconnectStatus(code: 1001, reason: "Idle timeout")
    /// The connection reached its maximum duration.
    static let expired = DisconnectStatus(code: 1001, reason: "Maximum connection duration")
    /// The emulator is stopping.
    static let shutdown = DisconnectStatus(code: 1001, reason: "Going Away")
    /// The client stopped reading and the messages for it outgrew their buffer: the connection
    /// is dropped without a close frame, which could not reach the client either.
    static let notReading = DisconnectStatus(code: 1006, reason: "Client not reading")
}
