import AWSSigning
import Testing

@Suite struct SignableRequestTests {
    @Test func aURLGivesThePathTheQueryAndTheHostHeader() throws {
        let request = try #require(
            SignableRequest(method: "POST", url: "https://sqs.eu-west-1.amazonaws.com:8443/a%20b/?x=1&y#fragment"))
        #expect(request.path == "/a%20b/")
        #expect(request.query == "x=1&y")
        #expect(request.headers == [SignableRequest.Header("host", "sqs.eu-west-1.amazonaws.com:8443")])
    }

    @Test func aURLWithoutAPathIsTheRoot() throws {
        let request = try #require(SignableRequest(method: "GET", url: "http://127.0.0.1:4566"))
        #expect(request.path == "/")
        #expect(request.query == "")
    }

    @Test func aHostHeaderGivenIsKept() throws {
        let request = try #require(
            SignableRequest(method: "GET", url: "https://example.com/", headers: [.init("Host", "other.example")]))
        #expect(request.headers == [SignableRequest.Header("Host", "other.example")])
    }

    @Test(arguments: [
        "sqs.us-east-1.amazonaws.com", "ftp://example.com/", "https:///path", "https://user@example.com/",
    ])
    func onlyAbsoluteHTTPURLsAreAccepted(_ url: String) {
        #expect(SignableRequest(method: "GET", url: url) == nil)
    }
}
