import AWSSigning
import NIOCore
import NIOHTTP1

/// The API Gateway management API of a WebSocket API: `POST @connections/{id}` sends a
/// message to one connected client.
public struct ConnectionsClient: Sendable {
    /// What became of one message.
    public enum Outcome: Sendable, Hashable {
        case delivered
        /// 410: the client is gone; its connection is to be forgotten.
        case gone
        /// Anything else (throttling, a 5xx, no answer in time): the message is lost, the
        /// connection kept.
        case failed(String)
    }

    let exchange: HTTPExchange
    /// The stage's URL: `https://{api-id}.execute-api.{region}.amazonaws.com/{stage}` (locally
    /// the WebSocket API emulator's).
    let endpoint: String
    /// For service `execute-api`, in the API's region.
    let signer: SigV4Signer

    public init(exchange: HTTPExchange, endpoint: String, signer: SigV4Signer) {
        self.exchange = exchange
        self.endpoint = ServiceEndpoint.withoutTrailingSlash(endpoint)
        self.signer = signer
    }

    /// Sends `data` as one message to the connection `id`.
    public func post(_ data: [UInt8], to id: String, deadline: NIODeadline) async -> Outcome {
        let url = "\(endpoint)/@connections/\(URIEncoding.encode(id.utf8))"
        guard let request = signer.signedRequest(.POST, url: url, body: data) else {
            return .failed("the management endpoint \(endpoint) is not an http or https URL")
        }
        do {
            let answer = try await exchange.perform(request, deadline: deadline)
            switch answer.status {
            case 200..<300: return .delivered
            case 410: return .gone
            default: return .failed("API Gateway answered \(answer.status): \(answer.bodyExcerpt)")
            }
        } catch {
            return .failed("\(error)")
        }
    }
}
