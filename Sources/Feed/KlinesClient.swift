import AWSClients
import AsyncHTTPClient
import Logging
import NIOCore
import NIOHTTP1
import Runtime

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Binance's `GET /api/v3/klines`, tried again after network errors, 5xx answers, and the
/// rate limiter's 429 and 418 (an IP ban for ignoring 429s), as their `retry-after` says.
struct KlinesClient: Sendable {
    let exchange: HTTPExchange
    /// `https://api.binance.com`, say.
    let baseURL: String
    var pacing = RetryPacing()
    /// The longest one attempt may take, so that a stalled connection leaves time to retry.
    var attemptTimeout: TimeAmount = .seconds(5)

    /// The 1-minute klines of `symbol`'s latest `limit` minutes, the one still open included.
    func klines(of symbol: String, limit: Int, deadline: NIODeadline, logger: Logger) async throws(FeedError)
        -> [Kline]
    {
        var request = HTTPClientRequest(url: "\(baseURL)/api/v3/klines?symbol=\(symbol)&interval=1m&limit=\(limit)")
        request.headers.add(name: "accept", value: "application/json")
        var attempt = 0
        while true {
            attempt += 1
            let (problem, retryAfter): (String, TimeAmount?)
            switch try await send(request, deadline: min(deadline, .now() + attemptTimeout)) {
            case .rows(let rows): return rows
            case .retry(let reason, let wait): (problem, retryAfter) = (reason, wait)
            }
            logger.warning(
                "a klines attempt failed",
                metadata: ["symbol": "\(symbol)", "attempt": "\(attempt)", "problem": "\(problem)"])
            guard await pacing.pause(after: attempt, retryAfter: retryAfter, deadline: deadline, on: exchange.eventLoop)
            else {
                throw FeedError("\(problem) (gave up after attempt \(attempt): no time left before the deadline)")
            }
        }
    }

    private enum Outcome {
        case rows([Kline])
        case retry(String, retryAfter: TimeAmount?)
    }

    /// One attempt: the rows, or why it is worth trying again; throws when it is not.
    private func send(_ request: HTTPClientRequest, deadline: NIODeadline) async throws(FeedError) -> Outcome {
        let answer: HTTPAnswer
        do {
            answer = try await exchange.perform(request, deadline: deadline)
        } catch {
            return .retry("the klines request failed: \(error)", retryAfter: nil)
        }
        switch answer.status {
        case 200:
            return .rows(try Self.rows(answer))
        case 418, 429, 500...599:
            let asked = answer.retryAfter.map { " (retry-after \($0.nanoseconds / 1_000_000_000) s)" } ?? ""
            return .retry(
                "Binance answered \(answer.status)\(asked): \(answer.bodyExcerpt)", retryAfter: answer.retryAfter)
        default:
            // A bad symbol (400) or a changed API: trying again would only fail again.
            throw FeedError("Binance answered \(answer.status): \(answer.bodyExcerpt)")
        }
    }

    private static func rows(_ answer: HTTPAnswer) throws(FeedError) -> [Kline] {
        do {
            return try JSONDecoder().decode([Kline].self, from: Data(answer.body.readableBytesView))
        } catch {
            throw FeedError("Binance's klines answer is not the expected JSON: \(answer.bodyExcerpt)")
        }
    }
}
