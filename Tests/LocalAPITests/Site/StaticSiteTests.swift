import Foundation
import LocalHarness
import Testing

/// The built app as `serve` answers it: what the template's bucket, viewer-request function and
/// response headers policy do in AWS.
@Suite struct StaticSiteTests {
    /// A built app in a new folder: a page, a hashed asset, and a file beside the folder that
    /// no request may reach.
    static func withSite(_ body: (StaticSite) throws -> Void) throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("site-\(UUID().uuidString)")
        let root = parent.appendingPathComponent("app")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("assets"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: parent) }
        try Data("<!doctype html><title>app</title>".utf8).write(to: root.appendingPathComponent("index.html"))
        try Data("console.log(1)".utf8).write(to: root.appendingPathComponent("assets/main-ABC.js"))
        try Data("secret".utf8).write(to: parent.appendingPathComponent("secret.txt"))
        try body(StaticSite(root: root.path, webSocketPort: 3002))
    }

    static func get(_ site: StaticSite, _ target: String, host: String = "127.0.0.1:3000") -> GatewayResponse {
        site.respond(to: GatewayRequest(method: "GET", target: target, headers: [("host", host)]))
    }

    @Test func theAppsRoutesAreAnsweredWithThePageWhichIsRevalidatedOnEveryVisit() throws {
        try Self.withSite { site in
            for path in ["/", "/charts", "/charts/0193f5a0-7b1c-7000-8000-000000000000", "/login?next=/alerts"] {
                let response = Self.get(site, path)
                #expect(response.status == 200, "\(path)")
                #expect(String(decoding: response.body, as: UTF8.self).contains("<title>app</title>"), "\(path)")
                #expect(response.headers["content-type"] == "text/html; charset=utf-8", "\(path)")
                #expect(response.headers["cache-control"] == "no-cache", "\(path)")
            }
        }
    }

    @Test func hashedAssetsAreCachedForGood() throws {
        try Self.withSite { site in
            let response = Self.get(site, "/assets/main-ABC.js")
            #expect(response.status == 200)
            #expect(response.body == Array("console.log(1)".utf8))
            #expect(response.headers["content-type"] == "text/javascript; charset=utf-8")
            #expect(response.headers["cache-control"] == "public, max-age=31536000, immutable")
        }
    }

    @Test func aMissingFileIsANotFoundNotThePage() throws {
        try Self.withSite { site in
            for path in ["/assets/main-OLD.js", "/favicon.ico"] {
                let response = Self.get(site, path)
                #expect(response.status == 404, "\(path)")
                #expect(response.headers["cache-control"] == nil, "\(path)")
            }
        }
    }

    @Test func noPathReachesAFileOutsideTheApp() throws {
        try Self.withSite { site in
            for path in ["/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2F..%2Fsecret.txt", "//secret.txt"] {
                let response = Self.get(site, path)
                #expect(response.status == 404, "\(path)")
                #expect(!String(decoding: response.body, as: UTF8.self).contains("secret"), "\(path)")
            }
        }
    }

    @Test func onlyReadsAreServed() throws {
        try Self.withSite { site in
            let post = site.respond(to: GatewayRequest(method: "POST", target: "/charts"))
            #expect(post.status == 403)
            let head = site.respond(to: GatewayRequest(method: "HEAD", target: "/assets/main-ABC.js"))
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
        }
    }

    @Test func theConfigurationNamesTheRealtimeAPIOnThePagesOwnHost() throws {
        try Self.withSite { site in
            let local = Self.get(site, "/config.json", host: "localhost:3000")
            #expect(local.status == 200)
            #expect(local.headers["content-type"] == "application/json")
            let object = try JSONSerialization.jsonObject(with: Data(local.body)) as? [String: String]
            #expect(object == ["realtimeUrl": "ws://localhost:3002/"])
            #expect(
                local.headers["content-security-policy"]?.contains("connect-src 'self' ws://localhost:3002;") == true)

            // A Host header that is not a host name changes nothing but falls back to loopback.
            let hostile = Self.get(site, "/config.json", host: "evil\"}; script-src *")
            let fallback = try JSONSerialization.jsonObject(with: Data(hostile.body)) as? [String: String]
            #expect(fallback == ["realtimeUrl": "ws://127.0.0.1:3002/"])
        }
    }

    @Test func withoutAWebSocketAPITheConfigurationHasNoRealtime() throws {
        try Self.withSite { site in
            var site = site
            site.webSocketPort = nil
            #expect(Self.get(site, "/config.json").body == Array("{}".utf8))
        }
    }

    @Test func everyAnswerCarriesTheDistributionsSecurityHeaders() throws {
        try Self.withSite { site in
            for path in ["/", "/assets/main-ABC.js", "/missing.js"] {
                let headers = Self.get(site, path).headers
                let policy = try #require(headers["content-security-policy"], "\(path)")
                #expect(policy.contains("script-src 'self'"), "\(path)")
                #expect(policy.contains("style-src 'self'"), "\(path)")
                #expect(policy.contains("frame-ancestors 'none'"), "\(path)")
                #expect(headers["x-content-type-options"] == "nosniff", "\(path)")
            }
        }
    }

    /// The policy's directives as a set, without connect-src, whose origins differ by where
    /// the realtime API is.
    static func directives(_ policy: String) -> Set<String> {
        Set(
            policy.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("connect-src") })
    }

    @Test func theLocalPolicyIsTheDistributionsOwn() throws {
        let template = try TemplateNode.parse(
            yaml: try String(contentsOfFile: DatabaseBackedAPI.templatePath, encoding: .utf8))
        let join = try #require(
            template[
                path: "Resources", "SecurityHeadersPolicy", "Properties", "ResponseHeadersPolicyConfig",
                "SecurityHeadersConfig", "ContentSecurityPolicy", "ContentSecurityPolicy"])
        guard case .intrinsic("Fn::Join", let argument) = join, let parts = argument.items?.last?.items else {
            Issue.record("the template's Content-Security-Policy is no longer a !Join: \(join)")
            return
        }
        // The literal parts; the intrinsics among them only add connect-src origins.
        let deployed = parts.compactMap(\.scalar).joined()
        try Self.withSite { site in
            let local = try #require(Self.get(site, "/").headers["content-security-policy"])
            #expect(Self.directives(local) == Self.directives(deployed))
        }
    }

    @Test func theAPIsPathsGoToTheAPIAndTheRestToTheApp() {
        for path in ["/api", "/api/", "/api/charts/1", "/.well-known/jwks.json"] {
            #expect(DistributionBehaviors.routesToAPI(path), "\(path)")
        }
        for path in ["/", "/apis", "/charts", "/.well-known/other", "/index.html", "/config.json"] {
            #expect(!DistributionBehaviors.routesToAPI(path), "\(path)")
        }
    }
}
