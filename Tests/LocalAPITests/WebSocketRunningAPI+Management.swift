import AsyncHTTPClient
import LambdaEvents
import NIOCore
import NIOHTTP1
import Testing

/// An `@connections` API answer, as the tests read it.
struct ManagementReply {
    var status: Int
    var headers: HTTPHeaders
    var body: String
}

extension WebSocketRunningAPI {
    /// An `@connections` request, with a SigV4-shaped `Authorization` header unless `signed` is false.
    func manage(
        _ method: HTTPMethod, _ path: String, body: String? = nil, signed: Bool = true
    ) async throws -> ManagementReply {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = method
        if signed {
            request.headers.add(name: "X-Amz-Date", value: "20260101T000000Z")
            request.headers.add(
                name: "Authorization",
                value: "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/execute-api/aws4_request, "
                    + "SignedHeaders=host;x-amz-date, Signature=0123456789abcdef")
        }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return ManagementReply(
            status: Int(response.status.code), headers: response.headers, body: String(buffer: bytes))
    }

    /// The id of the connection whose `$connect` the function saw; with `client`, of the one
    /// whose handshake had that `X-Client` header.
    func connectionID(client: String? = nil) async throws -> String {
        let connects = try await events.of(.connect, atLeast: client == nil ? 1 : 2)
        let connect = try #require(connects.first { client == nil || $0.header("x-client") == client })
        return connect.requestContext.connectionId
    }

    /// Waits for `$disconnect`, checks its code, and that no second one follows.
    func expectOneDisconnect(code: Int) async throws {
        let first = try await events.of(.disconnect)
        try await Task.sleep(for: .milliseconds(300))
        let disconnects = try await events.of(.disconnect)
        #expect(first.count == 1 && disconnects.count == 1)
        #expect(disconnects.first?.requestContext.disconnectStatusCode == code)
        #expect(disconnects.first?.requestContext.disconnectReason != nil)
        #expect(disconnects.first?.requestContext.routeKey == "$disconnect")
    }
}
