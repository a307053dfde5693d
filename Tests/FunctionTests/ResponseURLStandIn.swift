import Foundation
import NIOCore
import NIOHTTP1
import Synchronization
import TestSupport
import Testing

/// Plays the S3 object behind a CloudFormation custom resource's pre-signed `ResponseURL`:
/// it accepts every `PUT` with 200 and keeps what was sent.
final class ResponseURLStandIn: Sendable {
    struct Upload: Sendable {
        var uri: String
        var body: String
    }

    /// The path and query of the pre-signed URL the tests hand out.
    static let responsePath = "/stack-response?X-Amz-Signature=abc"

    private let received = Mutex<[Upload]>([])

    /// The `PUT`s received, in order.
    var uploads: [Upload] { received.withLock { $0 } }

    /// Runs `body` with a stand-in listening on a free port of 127.0.0.1, and its response URL.
    static func with(_ body: (_ responseURL: String, ResponseURLStandIn) async throws -> Void) async throws {
        let standIn = ResponseURLStandIn()
        let server = try await LoopbackHTTPServer.start { [standIn] request in
            guard request.method == .PUT else { return nil }
            standIn.received.withLock { $0.append(Upload(uri: request.uri, body: request.body)) }
            return LoopbackReply(status: .ok)
        }
        let port = try #require(server.localAddress?.port)
        do {
            try await body("http://127.0.0.1:\(port)\(responsePath)", standIn)
        } catch {
            try? await server.close()
            throw error
        }
        try await server.close()
    }

    /// A CloudFormation custom resource request for `function`'s resource `logicalID`.
    static func event(
        _ requestType: String, responseURL: String, logicalID: String, function: String,
        physicalID: String? = nil
    ) -> ByteBuffer {
        var event: [String: Any] = [
            "RequestType": requestType, "ResponseURL": responseURL,
            "StackId": "arn:aws:cloudformation:us-east-1:123456789012:stack/chronoview/1",
            "RequestId": "request-1", "LogicalResourceId": logicalID, "ResourceType": "Custom::\(logicalID)",
            "ResourceProperties": ["ServiceToken": "arn:aws:lambda:us-east-1:123456789012:function:\(function)"],
        ]
        if let physicalID { event["PhysicalResourceId"] = physicalID }
        return ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: event))
    }

    /// The one answer sent to the response URL, decoded.
    func answer() throws -> [String: Any] {
        let uploads = self.uploads
        try #require(uploads.count == 1, "\(uploads.count) answers were sent to the response URL")
        #expect(uploads[0].uri == Self.responsePath)
        return try #require(try JSONSerialization.jsonObject(with: Data(uploads[0].body.utf8)) as? [String: Any])
    }
}
