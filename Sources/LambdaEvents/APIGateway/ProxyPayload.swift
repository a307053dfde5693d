#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// How API Gateway's proxy integrations carry a request, whatever the API (HTTP or WebSocket):
/// the body as text or as base64 of its bytes, and headers whose names a client may write in
/// any case.
enum ProxyPayload {
    /// The body's bytes, base64-decoded when API Gateway encoded it; `nil` when it is not valid
    /// base64, and empty without a body.
    static func bytes(of body: String?, isBase64Encoded: Bool) -> [UInt8]? {
        guard let body else { return [] }
        if isBase64Encoded {
            return Data(base64Encoded: body).map(Array.init)
        }
        return Array(body.utf8)
    }

    /// A header's value by case-insensitive name.
    static func header(_ name: String, in headers: [String: String]) -> String? {
        if let value = headers[name] { return value }
        let lowered = name.lowercased()
        return headers.first { $0.key.lowercased() == lowered }?.value
    }
}
