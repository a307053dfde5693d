import Core
import Foundation
import FuzzSupport
import Runtime

/// Bytes as a request body → `HTTPRequest.jsonObject()` → every route's reader and validator.
///
/// The body arrives both ways API Gateway can deliver it: as text when it is UTF-8, and always
/// base64-encoded too, so that bytes that are not UTF-8 reach the readers as well.
@main
enum RequestBodyFuzzer {
    static func run(_ bytes: [UInt8]) {
        if let text = String(validating: bytes, as: UTF8.self) {
            readEveryRoute(body: text, isBase64Encoded: false, byteCount: bytes.count)
        }
        readEveryRoute(body: Data(bytes).base64EncodedString(), isBase64Encoded: true, byteCount: bytes.count)
    }

    static func readEveryRoute(body: String, isBase64Encoded: Bool, byteCount: Int) {
        for route in AccountRequestReaders.routeKeys {
            let request = HTTPRequest(event: event(route: route, body: body, isBase64Encoded: isBase64Encoded))
            do {
                let fields = try AccountRequestReaders.read(route, request)
                expect(fields != nil, "\(route) is listed but reads nothing")
                expect(byteCount <= HTTPRequest.maximumBodySize, "\(route) accepted a body over the limit")
                check(route: route, accepted: fields ?? [:])
            } catch let error as APIError {
                check(route: route, refused: error)
            } catch {
                expect(false, "\(route) threw \(error), which is no API error: the client would get a 500")
            }
        }
    }

    /// A body can only be refused as a 400, a 413 or a 422 that names at least one field.
    static func check(route: String, refused error: APIError) {
        switch error {
        case .invalidJSON, .payloadTooLarge: break
        case .validationFailed(let errors):
            expect(!errors.isEmpty, "\(route) answered 422 with no field named")
        default:
            expect(false, "\(route) refused a body with \(error)")
        }
    }

    /// What a reader accepts obeys the contract's rules (shared/API.md), checked here without the
    /// validators themselves.
    static func check(route: String, accepted fields: [String: String]) {
        let newPasswordField: String? =
            switch route {
            case "POST /api/users": "password"
            case "PUT /api/me/password": "new_password"
            default: nil
            }
        if let newPasswordField {
            let password = fields[newPasswordField]
            expect(password != nil, "\(route) accepted no \(newPasswordField)")
            let bytes = Array((password ?? "").utf8)
            expect((8...72).contains(bytes.count) && !bytes.contains(0), "\(route) accepted password \(bytes)")
        }
        if route == "POST /api/users", let email = fields["email"] {
            expect(isAcceptableEmail(email), "\(route) accepted email \(email.debugDescription)")
        }
        if let name = fields["display_name"] {
            expect(isAcceptableDisplayName(name), "\(route) accepted display name \(name.debugDescription)")
        }
    }

    /// Split by scalar: a mark joined to `@` or `.` must not hide it (see EmailAddressRegressionTests).
    static func isAcceptableEmail(_ email: String) -> Bool {
        let scalars = email.unicodeScalars
        let parts = scalars.split(separator: "@", omittingEmptySubsequences: false)
        return email == email.lowercased() && scalars.count <= 254
            && email == email.trimmingCharacters(in: .whitespacesAndNewlines) && parts.count == 2
            && !parts[0].isEmpty
            && parts[1].split(separator: ".", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty }
            && parts[1].contains(".")
            && !scalars.contains { $0.properties.isWhitespace || $0.properties.generalCategory == .control }
    }

    static func isAcceptableDisplayName(_ name: String) -> Bool {
        let scalars = name.unicodeScalars
        return (1...64).contains(scalars.count) && name == name.trimmingCharacters(in: .whitespacesAndNewlines)
            && !scalars.contains { $0.properties.generalCategory == .control }
    }

    static func event(route: String, body: String, isBase64Encoded: Bool) -> APIGatewayV2Request {
        let parts = route.split(separator: " ")
        return APIGatewayV2Request(
            routeKey: route,
            rawPath: String(parts[1]),
            headers: ["content-type": "application/json"],
            requestContext: .init(
                accountId: "123456789012", apiId: "api", domainName: "localhost", domainPrefix: "localhost",
                http: .init(
                    method: String(parts[0]), path: String(parts[1]), protocol: "HTTP/1.1", sourceIp: "127.0.0.1",
                    userAgent: "fuzz"),
                requestId: "fuzz", routeKey: route, stage: "$default", time: "25/Nov/2026:12:00:00 +0000",
                timeEpoch: 1_795_608_000_000),
            body: body,
            isBase64Encoded: isBase64Encoded
        )
    }
}

extension RequestBodyFuzzer: FuzzTarget {
    static func fuzz(_ input: [UInt8]) -> String {
        run(input)
        return "no property broken"
    }
}
