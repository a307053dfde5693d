import Crypto
import LambdaEvents
import Logging
import NIOCore
import Runtime
import Synchronization

/// Refuses API requests that did not come through the stack's CloudFront distribution.
///
/// An HTTP API has no resource policy, no private integration for this and no WAF of its own,
/// and its `execute-api` URL stays public (CloudFront needs it). So CloudFront adds a secret
/// header, `x-origin-verify`, to every request it sends the API, and every API function compares
/// it before any other work: before its services are built, a token is read or the database is
/// touched. A request without the right value gets the problem+json 404 any unknown route gets,
/// which tells a caller that skipped CloudFront (and its WAF) nothing.
///
/// Configured by the environment, read once when the function starts:
/// - `ORIGIN_VERIFY_SECRET_ARN`: a Secrets Manager secret, read through the secrets extension at
///   the environment's first request (the extension does not answer during init) and kept for the
///   environment's life. Its `AWSCURRENT` value is accepted, and during a rotation its
///   `AWSPENDING` and `AWSPREVIOUS` values too (README.md, "Rotating the origin secret").
/// - `ORIGIN_VERIFY_SECRET`: the value itself, for trying the check locally.
/// - neither (local runs and tests, which call the functions directly): no check.
///
/// Only SHA-256 digests of the accepted values are kept, the presented value is hashed and the
/// digests compared in constant time, and neither value is ever logged.
public final class OriginVerification: Sendable {
    /// The header CloudFront adds to every request it forwards to the API (template.yaml).
    public static let headerName = "x-origin-verify"

    /// Reads one version stage of a secret: the secrets extension in Lambda, a stand-in in tests.
    public typealias SecretReader =
        @Sendable (_ secretID: String, _ versionStage: String, _ eventLoop: any EventLoop) async throws -> String

    private enum Source: Sendable {
        case off
        case value(digest: [UInt8])
        case secret(id: String)
    }

    private let source: Source
    private let readSecret: SecretReader
    /// Digests of the secret's accepted versions, once read.
    private let secretDigests = Mutex<[[UInt8]]?>(nil)

    /// Reads `ORIGIN_VERIFY_SECRET_ARN` (which wins) or `ORIGIN_VERIFY_SECRET`.
    public init(environment: EnvironmentVariables = .process, readSecret: SecretReader? = nil) {
        if let id = environment["ORIGIN_VERIFY_SECRET_ARN"] {
            source = .secret(id: id)
        } else if let value = environment["ORIGIN_VERIFY_SECRET"] {
            source = .value(digest: Self.digest(value))
        } else {
            source = .off
        }
        self.readSecret =
            readSecret ?? { id, stage, eventLoop in
                try await SecretsExtensionClient().secretString(id: id, versionStage: stage, on: eventLoop)
            }
    }

    /// No check at all, whatever the environment says.
    public static let off = OriginVerification(environment: EnvironmentVariables([:]))

    /// Whether requests are checked.
    public var isEnabled: Bool {
        if case .off = source { return false }
        return true
    }

    /// Checks `event` before anything else is done with it: `nil` when it came through CloudFront
    /// (or there is no check), otherwise the error to answer with, a 404 `not_found`, or a 503
    /// while the secret cannot be read (the next request tries again).
    public func refusal(for event: APIGatewayV2Request, logger: Logger, eventLoop: any EventLoop) async -> APIError? {
        let accepted: [[UInt8]]
        switch source {
        case .off:
            return nil
        case .value(let digest):
            accepted = [digest]
        case .secret(let id):
            do {
                accepted = try await digests(ofSecret: id, eventLoop: eventLoop)
            } catch {
                logger.error(
                    "cannot read the origin verification secret; refusing requests until it can be read",
                    metadata: ["error": "\(error)"])
                return .unavailable(retryAfterSeconds: 1)
            }
        }
        let presented = event.header(Self.headerName)
        if let presented, Self.matches(presented, accepted) { return nil }
        logger.warning(
            "refused a request that did not come through CloudFront",
            metadata: [
                "routeKey": .string(event.routeKey),
                "sourceIp": .string(event.requestContext.http.sourceIp),
                "originHeader": .string(presented == nil ? "missing" : "wrong"),
            ])
        return .notFound
    }

    /// Whether `presented` is one of the accepted values: its SHA-256 against each accepted
    /// digest, every byte of every digest compared, so the time taken says nothing of how much of
    /// a value matched or which one did.
    static func matches(_ presented: String, _ accepted: [[UInt8]]) -> Bool {
        let digest = Self.digest(presented)
        var matched: UInt8 = 0
        for candidate in accepted {
            var difference: UInt8 = candidate.count == digest.count ? 0 : 1
            for (left, right) in zip(digest, candidate) {
                difference |= left ^ right
            }
            matched |= difference == 0 ? 1 : 0
        }
        return matched == 1
    }

    private static func digest(_ value: String) -> [UInt8] {
        Array(SHA256.hash(data: Array(value.utf8)))
    }

    /// The secret's `AWSCURRENT` digest, plus `AWSPENDING` and `AWSPREVIOUS` when the secret has
    /// them; read once per execution environment (Lambda runs one request at a time in each, so
    /// two reads never race). A failure is not kept: the next request reads again.
    private func digests(ofSecret id: String, eventLoop: any EventLoop) async throws -> [[UInt8]] {
        if let known = secretDigests.withLock({ $0 }) { return known }
        var digests = [Self.digest(try await readSecret(id, "AWSCURRENT", eventLoop))]
        // A secret that is not being rotated has neither stage, which is not an error.
        for stage in ["AWSPENDING", "AWSPREVIOUS"] {
            if let value = try? await readSecret(id, stage, eventLoop) { digests.append(Self.digest(value)) }
        }
        secretDigests.withLock { $0 = digests }
        return digests
    }
}
