import AWSSigning
import NIOCore
import NIOHTTP1

/// Lambda's `Invoke` with `InvocationType` `Event`: hands a payload to a function and returns
/// once Lambda has queued it, without waiting for the function.
public struct LambdaInvoker: Sendable {
    /// Why a payload was not handed over.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    let exchange: HTTPExchange
    /// `https://lambda.us-east-1.amazonaws.com`, or `AWS_ENDPOINT_URL_LAMBDA` (the local Invoke API).
    let endpoint: String
    /// For service `lambda`, in the function's region.
    let signer: SigV4Signer

    public init(exchange: HTTPExchange, endpoint: String, signer: SigV4Signer) {
        self.exchange = exchange
        self.endpoint = ServiceEndpoint.withoutTrailingSlash(endpoint)
        self.signer = signer
    }

    /// Queues an invocation of `function` (its name or ARN) with `payload`.
    public func invokeAsynchronously(_ function: String, payload: [UInt8], deadline: NIODeadline)
        async throws(Failure)
    {
        let url = "\(endpoint)/2015-03-31/functions/\(URIEncoding.encode(function.utf8))/invocations"
        let headers = [
            SignableRequest.Header("content-type", "application/json"),
            SignableRequest.Header("x-amz-invocation-type", "Event"),
        ]
        guard let request = signer.signedRequest(.POST, url: url, headers: headers, body: payload) else {
            throw Failure(description: "the Lambda endpoint \(endpoint) is not an http or https URL")
        }
        let answer: HTTPAnswer
        do {
            answer = try await exchange.perform(request, deadline: deadline)
        } catch {
            throw Failure(description: "the invocation of \(function) failed: \(error)")
        }
        // 202 Accepted: queued. Anything else (throttling, a payload over 1 MB) is refused.
        guard answer.status == 202 else {
            throw Failure(description: "Lambda answered \(answer.status) for \(function): \(answer.bodyExcerpt)")
        }
    }
}
