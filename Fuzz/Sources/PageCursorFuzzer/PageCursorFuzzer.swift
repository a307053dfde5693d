import Core
import Foundation
import FuzzSupport
import LambdaEvents

/// Text as a client's `?cursor=` (and `?limit=`) → `PageCursor(text:)` and `PageRequest`.
///
/// A cursor is canonical: every decoded one must encode back to the very text it came from, so
/// that no two texts name one position and no edited text slips through the checksum unnoticed.
@main
enum PageCursorFuzzer {
    static func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        if let cursor = PageCursor(text: text) {
            expect(cursor.text == text, "cursor \(text) reads as one that writes \(cursor.text)")
            expect(cursor.createdMicroseconds >= 0, "cursor \(text) has a negative timestamp")
            expect(PageCursor(text: cursor.text) == cursor, "cursor \(text) does not read back")
        }
        var errors = ValidationErrors()
        let page = PageRequest(request(query: ["cursor": text, "limit": text]), errors: &errors)
        expect(errors.errors.allSatisfy { ["cursor", "limit"].contains($0.field) }, "errors name \(errors.errors)")
        expect((1...PageRequest.maximumLimit).contains(page.limit), "limit \(page.limit) from \(text.debugDescription)")
        if !errors.errors.contains(where: { $0.field == "limit" }) {
            expect(
                text.utf8.allSatisfy { (0x30...0x39).contains($0) } && Int(text) == page.limit,
                "limit \(text.debugDescription) accepted")
        }
    }

    static func request(query: [String: String]) -> HTTPRequest {
        HTTPRequest(
            event: APIGatewayV2Request(
                routeKey: "GET /api/charts", rawPath: "/api/charts", queryStringParameters: query,
                requestContext: .init(
                    accountId: "123456789012", apiId: "api", domainName: "localhost", domainPrefix: "localhost",
                    http: .init(
                        method: "GET", path: "/api/charts", protocol: "HTTP/1.1", sourceIp: "127.0.0.1",
                        userAgent: "fuzz"),
                    requestId: "fuzz", routeKey: "GET /api/charts", stage: "$default",
                    time: "25/Nov/2026:12:00:00 +0000", timeEpoch: 1_795_608_000_000)))
    }
}

extension PageCursorFuzzer: FuzzTarget {
    static func fuzz(_ input: [UInt8]) -> String {
        run(input)
        return "no property broken"
    }
}
