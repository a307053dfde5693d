import Foundation

/// Whether API Gateway passes a request body to the function as text or as base64.
///
/// Text media types (`text/*`, JSON, XML, form data, JavaScript) go as they are, so that
/// functions read them directly; anything else, or a body that is not valid UTF-8, goes
/// base64-encoded with `isBase64Encoded: true`, as binary content must to fit in a JSON event.
enum BodyEncoding {
    static func isText(contentType: String?) -> Bool {
        guard let contentType else { return false }
        let mediaType = contentType.prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces).lowercased()
        if mediaType.hasPrefix("text/") { return true }
        let textTypes: Set = [
            "application/json", "application/xml", "application/x-www-form-urlencoded", "application/javascript",
        ]
        return textTypes.contains(mediaType) || mediaType.hasSuffix("+json") || mediaType.hasSuffix("+xml")
    }

    /// The event's `body` and `isBase64Encoded` for these bytes; no body at all when empty.
    static func eventBody(_ bytes: [UInt8], contentType: String?) -> (body: String?, isBase64Encoded: Bool) {
        if bytes.isEmpty { return (nil, false) }
        if isText(contentType: contentType), let text = String(validating: bytes, as: UTF8.self) {
            return (text, false)
        }
        return (Data(bytes).base64EncodedString(), true)
    }
}
