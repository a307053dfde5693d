import Testing

@testable import Runtime

@Suite struct RuntimeAPIEndpointTests {
    @Test func parsesLambdasHostAndPort() {
        #expect(RuntimeAPIEndpoint("127.0.0.1:9001") == RuntimeAPIEndpoint(host: "127.0.0.1", port: 9001))
        #expect(RuntimeAPIEndpoint("localhost:80") == RuntimeAPIEndpoint(host: "localhost", port: 80))
    }

    @Test func parsesBaseURLWithPathPrefix() {
        #expect(
            RuntimeAPIEndpoint("http://[::]:9000/.rt")
                == RuntimeAPIEndpoint(host: "::1", port: 9000, pathPrefix: "/.rt")
        )
        #expect(
            RuntimeAPIEndpoint("http://127.0.0.1:9001/") == RuntimeAPIEndpoint(host: "127.0.0.1", port: 9001)
        )
        #expect(
            RuntimeAPIEndpoint("HTTP://example:1/a/b/")
                == RuntimeAPIEndpoint(host: "example", port: 1, pathPrefix: "/a/b"))
    }

    @Test func mapsListenAnywhereAddressesToLoopback() {
        #expect(RuntimeAPIEndpoint("0.0.0.0:9001")?.host == "127.0.0.1")
        #expect(RuntimeAPIEndpoint("[::]:9001")?.host == "::1")
    }

    @Test(arguments: ["", "localhost", ":9001", "host:0", "host:70000", "host:abc", "https://host:1", "[::1:9001"])
    func rejectsUnusableValues(_ value: String) {
        #expect(RuntimeAPIEndpoint(value) == nil)
    }

    @Test func formatsHostHeaderWithBracketsForIPv6() {
        #expect(RuntimeAPIEndpoint(host: "::1", port: 9000).hostHeader == "[::1]:9000")
        #expect(RuntimeAPIEndpoint(host: "127.0.0.1", port: 9000).hostHeader == "127.0.0.1:9000")
    }
}
