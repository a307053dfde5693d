/// Lambda's limit on a synchronous invocation's request and response payloads.
public enum PayloadLimit {
    /// 6 MB: 6,291,456 bytes. A payload of exactly this size is accepted; one byte more is not.
    public static let bytes = 6 * 1024 * 1024
}
