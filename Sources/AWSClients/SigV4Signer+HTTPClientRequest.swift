import AWSSigning
import AsyncHTTPClient
import NIOCore
import NIOHTTP1

extension SigV4Signer {
    /// `method url` with `headers` and `body`, signed now, as AsyncHTTPClient sends it; `nil` when
    /// `url` is not an http or https URL.
    ///
    /// The `host` header goes out as well: what is sent must be what was signed.
    public func signedRequest(
        _ method: HTTPMethod, url: String, headers: [SignableRequest.Header] = [], body: [UInt8] = []
    ) -> HTTPClientRequest? {
        guard let signable = SignableRequest(method: method.rawValue, url: url, headers: headers, body: body) else {
            return nil
        }
        var request = HTTPClientRequest(url: url)
        request.method = method
        for header in signable.headers + sign(signable).headers {
            request.headers.add(name: header.name, value: header.value)
        }
        if !body.isEmpty { request.body = .bytes(ByteBuffer(bytes: body)) }
        return request
    }
}
