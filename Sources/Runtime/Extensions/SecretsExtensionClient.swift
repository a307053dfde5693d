import NIOCore
import NIOHTTP1

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Reads secrets through the AWS Parameters and Secrets Lambda extension's local HTTP endpoint,
/// which caches them, so a function fetches its secrets at initialisation without an AWS SDK.
public struct SecretsExtensionClient: Sendable {
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// `AWS_SESSION_TOKEN` is missing: the extension requires it to authenticate callers.
        case missingSessionToken
        case status(Int, String)
        case malformedResponse

        public var description: String {
            switch self {
            case .missingSessionToken: "AWS_SESSION_TOKEN is not set"
            case .status(let status, let body): "the secrets extension answered \(status): \(body.prefix(200))"
            case .malformedResponse: "the secrets extension's answer has no SecretString"
            }
        }
    }

    private let port: Int
    private let sessionToken: String?

    /// Uses `PARAMETERS_SECRETS_EXTENSION_HTTP_PORT` (2773 by default) and `AWS_SESSION_TOKEN`.
    public init(
        port: Int = LambdaEnvironment.variable("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT").flatMap { Int($0) } ?? 2773,
        sessionToken: String? = LambdaEnvironment.variable("AWS_SESSION_TOKEN")
    ) {
        self.port = port
        self.sessionToken = sessionToken
    }

    /// The secret's `SecretString`, at `versionStage` (`AWSCURRENT` when nil).
    public func secretString(id: String, versionStage: String? = nil, on eventLoop: any EventLoop) async throws
        -> String
    {
        guard let sessionToken else { throw Failure.missingSessionToken }
        let endpoint = RuntimeAPIEndpoint(host: "127.0.0.1", port: port)
        let connection = try await RuntimeAPIConnection.connect(to: endpoint, on: eventLoop)
        defer { Task { await connection.close() } }
        var headers = HTTPHeaders()
        headers.add(name: "host", value: endpoint.hostHeader)
        headers.add(name: "x-aws-parameters-secrets-token", value: sessionToken)
        var query = Self.percentEncoded(id)
        if let versionStage { query += "&versionStage=" + Self.percentEncoded(versionStage) }
        let head = HTTPRequestHead(
            version: .http1_1, method: .GET, uri: "/secretsmanager/get?secretId=\(query)", headers: headers)
        let response = try await connection.send(head, body: nil)
        let body = response.body.map { String(buffer: $0) } ?? ""
        guard response.status == HTTPResponseStatus.ok else { throw Failure.status(Int(response.status.code), body) }
        struct Answer: Decodable { var SecretString: String? }
        guard let secret = try? JSONDecoder().decode(Answer.self, from: Data(body.utf8)).SecretString else {
            throw Failure.malformedResponse
        }
        return secret
    }

    /// Percent-encodes everything but RFC 3986's unreserved characters, for a query value.
    static func percentEncoded(_ value: String) -> String {
        var encoded = ""
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (byte < 16 ? "0" : "") + hex
            }
        }
        return encoded
    }
}
