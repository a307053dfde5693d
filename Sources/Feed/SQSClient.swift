import AWSClients
import AWSSigning
import AsyncHTTPClient
import NIOCore
import NIOHTTP1

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Amazon SQS's `SendMessageBatch`, one call at a time, over its JSON protocol and signed with
/// Signature Version 4.
struct SQSClient: Sendable {
    /// Why a call failed as a whole.
    struct CallFailure: Error {
        var reason: String
        /// A network error, a 5xx or throttling: the same call may succeed later.
        var isRetryable: Bool
    }

    let exchange: HTTPExchange
    /// The service endpoint requests go to: `https://sqs.us-east-1.amazonaws.com`, say.
    let endpoint: String
    /// For service `sqs`, in the queue's region.
    let signer: SigV4Signer

    func sendMessageBatch(_ batch: SQSSendMessageBatch.Request, deadline: NIODeadline) async throws(CallFailure)
        -> SQSSendMessageBatch.Response
    {
        let body: [UInt8]
        do {
            body = Array(try Self.encoder.encode(batch))
        } catch {
            throw CallFailure(reason: "could not encode the batch: \(error)", isRetryable: false)
        }
        let headers = [
            SignableRequest.Header("content-type", "application/x-amz-json-1.0"),
            SignableRequest.Header("x-amz-target", "AmazonSQS.SendMessageBatch"),
        ]
        guard let request = signer.signedRequest(.POST, url: endpoint, headers: headers, body: body) else {
            throw CallFailure(reason: "the SQS endpoint \(endpoint) is not an http or https URL", isRetryable: false)
        }
        let answer: HTTPAnswer
        do {
            answer = try await exchange.perform(request, deadline: deadline)
        } catch {
            throw CallFailure(reason: "the SQS request failed: \(error)", isRetryable: true)
        }
        guard answer.status == 200 else { throw Self.failure(answer) }
        do {
            return try JSONDecoder().decode(
                SQSSendMessageBatch.Response.self, from: Data(answer.body.readableBytesView))
        } catch {
            throw CallFailure(
                reason: "SQS's answer is not the expected JSON: \(answer.bodyExcerpt)", isRetryable: false)
        }
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return encoder
    }()

    /// An error answer: `AccessDenied`, `QueueDoesNotExist`, a signature SQS refused (these stay
    /// refused), or throttling and service errors (which pass).
    private static func failure(_ answer: HTTPAnswer) -> CallFailure {
        let error = try? JSONDecoder().decode(
            SQSSendMessageBatch.ErrorBody.self, from: Data(answer.body.readableBytesView))
        // `com.amazonaws.sqs#QueueDoesNotExist` names the error after the `#`.
        let type = error?.type.map { String($0.split(separator: "#").last ?? "") }
        let detail = [type, error?.message].compactMap { $0 }.joined(separator: ": ")
        return CallFailure(
            reason: "SQS answered \(answer.status): \(detail.isEmpty ? answer.bodyExcerpt : detail)",
            isRetryable: answer.status >= 500 || answer.status == 429 || type?.contains("Throttl") == true
        )
    }
}
