import Core
import Foundation
import FuzzSupport
import LambdaEvents
import Logging
import NIOPosix

/// Bytes as a request body → `HTTPRequest.jsonObject()` → the reader of every route that reads
/// one, walked from the functions' real route tables.
///
/// The body arrives both ways API Gateway can deliver it: as text when it is UTF-8, and always
/// base64-encoded too, so that bytes that are not UTF-8 reach the readers as well.
@main
enum RequestBodyFuzzer {
    /// Every route that reads its request, by route key, from every function's table; built once
    /// over services whose database is never connected to (no reader touches it).
    static let readers: [(route: String, read: @Sendable (HTTPRequest) throws -> any Sendable)] = runBlocking {
        let settings = try! ChronoViewSettings(
            environment: EnvironmentVariables([
                "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none", "JWT_SECRET": String(repeating: "k", count: 32),
            ]))
        let database = try! Database(
            settings: settings.database, timeout: .seconds(1), eventLoopGroup: MultiThreadedEventLoopGroup.singleton,
            logger: Logger(label: "fuzz"))
        let services = await ChronoViewServices(settings: settings, database: database)
        return APIFunction.allCases.flatMap { $0.routes(services) }.compactMap { route, endpoint in
            endpoint.readRequest.map { (route, $0) }
        }.sorted { $0.route < $1.route }
    }

    static func run(_ bytes: [UInt8]) {
        checkParser(bytes)
        if let text = String(validating: bytes, as: UTF8.self) {
            readEveryRoute(body: text, isBase64Encoded: false, byteCount: bytes.count)
        }
        readEveryRoute(body: Data(bytes).base64EncodedString(), isBase64Encoded: true, byteCount: bytes.count)
    }

    /// What the strict parser reads is UTF-8, and writes back as text that reads as the same value
    /// (numbers included, digit for digit); what it refuses, it refuses with a place in the text.
    static func checkParser(_ bytes: [UInt8]) {
        do {
            let value = try JSONValue(parsing: bytes)
            expect(String(validating: bytes, as: UTF8.self) != nil, "parsed bytes that are not UTF-8")
            let text = value.jsonText
            expect(
                (try? JSONValue(parsing: text.utf8)) == value, "\(text) does not read back as what it was written from")
        } catch {
            expect((0...bytes.count).contains(error.offset), "\(error) is outside the \(bytes.count) bytes")
        }
    }

    static func readEveryRoute(body: String, isBase64Encoded: Bool, byteCount: Int) {
        expect(readers.count >= 7, "only \(readers.map(\.route)) read a body")
        for (route, read) in readers {
            let request = HTTPRequest(event: event(route: route, body: body, isBase64Encoded: isBase64Encoded))
            do {
                let accepted = try read(request)
                expect(byteCount <= HTTPRequest.maximumBodySize, "\(route) accepted a body over the limit")
                check(route: route, accepted: accepted)
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
    static func check(route: String, accepted: any Sendable) {
        switch accepted {
        case let signUp as AccountRequests.SignUp:
            checkNewPassword(signUp.password, route: route)
            expect(
                isAcceptableEmail(signUp.email.value), "\(route) accepted email \(signUp.email.value.debugDescription)")
            if let name = signUp.displayName {
                expect(isAcceptableDisplayName(name), "\(route) accepted display name \(name.debugDescription)")
            }
        case let change as AccountRequests.PasswordChange:
            checkNewPassword(change.new, route: route)
        case let change as AccountRequests.DisplayNameChange:
            expect(
                isAcceptableDisplayName(change.displayName),
                "\(route) accepted display name \(change.displayName.debugDescription)")
        default:
            break
        }
    }

    static func checkNewPassword(_ password: String, route: String) {
        let bytes = Array(password.utf8)
        expect((8...72).contains(bytes.count) && !bytes.contains(0), "\(route) accepted password \(bytes)")
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
            pathParameters: parts[1].contains("{id}") ? ["id": "0193a000-0000-7000-8000-000000000000"] : nil,
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
