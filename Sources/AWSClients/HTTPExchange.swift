import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import Runtime

/// Sends one request and reads its whole answer, abandoning it at a deadline: the client's own
/// deadline stops waiting for the response head only, and a server may stall in the body.
public struct HTTPExchange: Sendable {
    /// Why an exchange brought no answer.
    public enum Failure: Error, CustomStringConvertible {
        case timedOut
        case transport(String)

        public var description: String {
            switch self {
            case .timedOut: "no answer in time"
            case .transport(let problem): problem
            }
        }
    }

    public let client: HTTPClient
    /// Where the deadline's timer runs.
    public let eventLoop: any EventLoop

    /// Larger than any answer expected (1,000 klines are about 150 KB).
    public static let maximumBodyBytes = 4 << 20

    public init(client: HTTPClient, eventLoop: any EventLoop) {
        self.client = client
        self.eventLoop = eventLoop
    }

    public func perform(_ request: HTTPClientRequest, deadline: NIODeadline) async throws(Failure) -> HTTPAnswer {
        let client = client
        do {
            return try await withThrowingTaskGroup(of: HTTPAnswer?.self) { group in
                group.addTask {
                    let response = try await client.execute(request, deadline: deadline)
                    let body = try await response.body.collect(upTo: Self.maximumBodyBytes)
                    return HTTPAnswer(status: Int(response.status.code), headers: response.headers, body: body)
                }
                group.addTask { [eventLoop] in
                    try await eventLoop.sleep(until: deadline)
                    return nil
                }
                defer { group.cancelAll() }
                guard let answer = try await group.next() ?? nil else { throw Failure.timedOut }
                return answer
            }
        } catch let failure as Failure {
            throw failure
        } catch let error as HTTPClientError where error == .deadlineExceeded {
            throw .timedOut
        } catch {
            throw .transport(String(describing: error))
        }
    }
}
