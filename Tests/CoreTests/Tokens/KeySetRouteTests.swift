import Crypto
import Deployment
import Foundation
import LambdaEvents
import Logging
import NIOPosix
import Runtime
import TestSupport
import Testing

@testable import Core

/// `GET /.well-known/jwks.json` as the Sessions function serves it (API.md 1.1).
@Suite struct KeySetRouteTests {
    /// Sessions' routes over a database that is never connected to: the key set needs none.
    static func sessionsRoutes(tokens: TokenSettings) async throws -> [String: Endpoint] {
        let settings = ChronoViewSettings(
            database: try DatabaseSettings(url: "postgres://nobody@127.0.0.1:1/none"), tokens: tokens)
        let database = try Database(
            settings: settings.database, timeout: .seconds(1), eventLoopGroup: MultiThreadedEventLoopGroup.singleton,
            waitingOn: DatabaseWaits.threadPool, logger: Logger(label: "key-set-route"))
        return APIFunction.sessions.routes(await ChronoViewServices(settings: settings, database: database))
    }

    @Test func publishesTheCurrentAndPreviousPublicKeysAsExactJWKs() async throws {
        let current = ES256TestKeys()
        let previous = ES256TestKeys()
        let routes = try await Self.sessionsRoutes(tokens: try current.issuerSettings(verifyingOnly: [previous]))
        let response = await TestEvent("GET", "/.well-known/jwks.json").send(to: routes)
        #expect(response.status == 200)
        #expect(response.header("content-type") == "application/json")
        #expect(response.header("cache-control") == "public, max-age=300")
        #expect(Set(response.json.keys) == ["keys"])
        let published = try #require(response.json["keys"] as? [[String: Any]])
        #expect(published.map { $0["kid"] as? String } == [current.thumbprint, previous.thumbprint])
        for (jwk, key) in zip(published, [current, previous]) {
            #expect(Set(jwk.keys) == ["kty", "crv", "x", "y", "kid", "alg", "use"], "no d, nothing else")
            #expect(jwk["kty"] as? String == "EC")
            #expect(jwk["crv"] as? String == "P-256")
            #expect(jwk["alg"] as? String == "ES256")
            #expect(jwk["use"] as? String == "sig")
            let x = try #require(jwk["x"] as? String)
            let y = try #require(jwk["y"] as? String)
            let base64URL = /[A-Za-z0-9_-]{43}/
            #expect(x.wholeMatch(of: base64URL) != nil && y.wholeMatch(of: base64URL) != nil, "\(x) \(y)")
            let point = Array(key.privateKey.publicKey.x963Representation)
            #expect(Base64URL.decode(x) == Array(point[1...32]))
            #expect(Base64URL.decode(y) == Array(point[33...64]))
        }
    }

    @Test func isEmptyUnderHS256() async throws {
        let routes = try await Self.sessionsRoutes(
            tokens: try TokenSettings(environment: EnvironmentVariables(["JWT_SECRET": TestDatabase.jwtSecret])))
        let response = await TestEvent("GET", "/.well-known/jwks.json").send(to: routes)
        #expect(response.status == 200)
        #expect(response.body == #"{"keys":[]}"#)
        #expect(response.header("cache-control") == "public, max-age=300")
    }

    /// What the template hands the verifying functions is what Sessions serves.
    @Test func thePublisherPublishesWhatSessionsServes() async throws {
        let current = ES256TestKeys()
        let publisher = PublicKeysPublisher(environment: EnvironmentVariables(["JWT_PRIVATE_KEY": current.pem]))
        let context = LambdaContext(
            metadata: InvocationMetadata(
                requestID: "publish", deadlineMilliseconds: Int64(Date().timeIntervalSince1970 * 1000) + 30_000,
                invokedFunctionARN: "arn:aws:lambda:us-east-1:123456789012:function:PublishKeys"),
            logger: Logger(label: "publish-keys"), eventLoop: MultiThreadedEventLoopGroup.singleton.next())
        let published = try await publisher.handle(.object([:]), context: context)
        #expect(published == (try current.issuerSettings().keys.publicKeySet))
        #expect(published?.keys.map(\.kid) == [current.thumbprint])
    }
}
