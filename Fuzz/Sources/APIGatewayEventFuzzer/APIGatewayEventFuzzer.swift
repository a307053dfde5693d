import Core
import Foundation
import FuzzSupport
import LambdaEvents
import Runtime

/// Bytes as the Runtime API delivers an event → `APIGatewayV2Request`, decoded the way
/// `CodableHandlerAdapter` decodes it, then everything a function reads before its own logic.
@main
enum APIGatewayEventFuzzer {
    static func run(_ bytes: [UInt8]) {
        guard let event = try? JSONDecoder().decode(APIGatewayV2Request.self, from: Data(bytes)) else {
            return
        }
        checkBody(event)
        checkHeaders(event)
        let request = HTTPRequest(event: event)
        _ = request.routeKey
        _ = request.requestID
        _ = try? request.jsonObject()
        checkRoundTrip(event)
    }

    /// A plain body is its UTF-8; a base64 one decodes to bytes that encode back to an equivalent text.
    static func checkBody(_ event: APIGatewayV2Request) {
        let bytes = event.bodyBytes
        guard let body = event.body else {
            expect(bytes == [], "a missing body must read as no bytes")
            return
        }
        if !event.isBase64Encoded {
            expect(bytes == Array(body.utf8), "a plain body must read as its UTF-8")
        } else if let bytes {
            let again = Data(base64Encoded: Data(bytes).base64EncodedString()).map(Array.init)
            expect(again == bytes, "base64 bytes must survive encoding and decoding again")
        }
    }

    /// `header(_:)` finds a value exactly when some header has that name up to case.
    static func checkHeaders(_ event: APIGatewayV2Request) {
        let names = Array(event.headers.keys.prefix(8)) + ["content-type", "Content-Length", "AUTHORIZATION"]
        let spellings = names + names.map { $0.uppercased() }
        for name in spellings {
            let matching = event.headers.filter { $0.key == name || $0.key.lowercased() == name.lowercased() }
            if let value = event.header(name) {
                expect(matching.values.contains(value), "header(\(name)) returned a value no such header has")
            } else {
                expect(matching.isEmpty, "header(\(name)) missed a header of that name")
            }
        }
    }

    /// What decodes must encode and decode to the same request: the test harness and logs rely on
    /// events surviving JSON, and `JSONValue` promises numbers keep their digits.
    static func checkRoundTrip(_ event: APIGatewayV2Request) {
        let encoded: Data
        do {
            encoded = try JSONEncoder().encode(event)
        } catch {
            expect(false, "a decoded event does not encode: \(error)")
            return
        }
        let again = try? JSONDecoder().decode(APIGatewayV2Request.self, from: encoded)
        expect(again == event, "an event changed through JSON: \(String(decoding: encoded, as: UTF8.self))")
    }
}

extension APIGatewayEventFuzzer: FuzzTarget {
    static func fuzz(_ input: [UInt8]) -> String {
        run(input)
        return "no property broken"
    }
}
