import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

extension HTTPClient {
    /// A request to a running `serve` at `base`, with a bearer `token` and a JSON `body` when
    /// given; the answer's status and JSON object (empty when it is none).
    func callAPI(_ method: HTTPMethod, _ base: String, _ path: String, token: String? = nil, body: String? = nil)
        async throws -> (status: Int, json: [String: Any])
    {
        var request = HTTPClientRequest(url: base + path)
        request.method = method
        if let token { request.headers.add(name: "authorization", value: "Bearer \(token)") }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 1 << 22)
        let json = (try? JSONSerialization.jsonObject(with: Data(bytes.readableBytesView))) as? [String: Any] ?? [:]
        return (Int(response.status.code), json)
    }
}
