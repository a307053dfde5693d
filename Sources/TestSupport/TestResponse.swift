import Foundation
import LambdaEvents
import NIOCore

/// A function's answer to an API Gateway event: the one way tests and benchmarks read it, with
/// JSON access for assertions.
public struct TestResponse: Sendable {
    public var response: APIGatewayV2Response
    /// The request id of the event answered, when the sender knows it.
    public var requestID: String?

    public init(_ response: APIGatewayV2Response, requestID: String? = nil) {
        self.response = response
        self.requestID = requestID
    }

    /// Reads the payload a function returned through the Runtime API.
    public init(payload: some Collection<UInt8>) throws {
        response = try JSONDecoder().decode(APIGatewayV2Response.self, from: Data(payload))
    }

    /// Reads an invocation's result payload from the local Lambda service.
    public init(payload: ByteBuffer) throws {
        try self.init(payload: payload.readableBytesView)
    }

    public var status: Int { response.statusCode }
    public var body: String? { response.body }

    /// A header by name, case-insensitively, as HTTP names are.
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return response.headers?.first { $0.key.lowercased() == lowered }?.value
    }

    /// The body as a JSON object (empty when there is none or it is not an object).
    public var json: [String: Any] {
        guard let bytes = response.bodyBytes,
            let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
        else {
            return [:]
        }
        return object
    }

    /// The problem's `code`, for error responses.
    public var code: String? { json["code"] as? String }

    /// The fields named in a 422's `errors`.
    public var errorFields: [String] {
        (json["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
    }
}
