import Core
import LambdaEvents
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

@Suite struct PushBatchChunkTests {
    @Test func aSmallBatchStaysWhole() {
        let batch = PushBatch(messages: [.init(connectionIds: ["a", "b"], data: "1")])
        #expect(batch.chunked(maximumBytes: 1_000) == [batch])
        #expect(PushBatch(messages: []).chunked(maximumBytes: 1_000).isEmpty)
    }

    @Test func eachConnectionKeepsAllItsMessagesInOrderInExactlyOneChunk() {
        let batch = PushBatch(messages: [
            .init(connectionIds: ["a", "b", "c"], data: "1"),
            .init(connectionIds: ["c", "d"], data: "2"),
            .init(connectionIds: ["a", "d", "e"], data: "3"),
        ])
        let chunks = batch.chunked(maximumBytes: 100)
        #expect(chunks.count > 1)
        for id in ["a", "b", "c", "d", "e"] {
            let holding = chunks.filter { $0.messages.contains { $0.connectionIds.contains(id) } }
            #expect(holding.count == 1, "\(id)")
            let expected = batch.messages.filter { $0.connectionIds.contains(id) }.map(\.data)
            #expect(holding.first?.messages.filter { $0.connectionIds.contains(id) }.map(\.data) == expected)
        }
    }

    /// Many candles for many listeners is more than a payload: every chunk stays under the limit.
    @Test func everyChunkFitsTheLimitHoweverManyListen() throws {
        let ids = (0..<300).map { "Q29ubmVjdGlvbi\($0)=" }
        let candle =
            #"{"type":"candle","symbol":"BINANCE:BTCUSDT","interval":"1m","candle":{"t":"2026-12-02T18:00:00.000Z","o":"91000","h":"91250.5","l":"90990","c":"91200","v":"12.5"}}"#
        let batch = PushBatch(messages: (0..<50).map { _ in .init(connectionIds: ids, data: candle) })
        let limit = 64 * 1024
        let chunks = batch.chunked(maximumBytes: limit)
        #expect(chunks.count > 3)
        for chunk in chunks {
            #expect(try JSONEncoder().encode(chunk).count <= limit)
        }
        #expect(Set(chunks.flatMap { $0.messages.flatMap(\.connectionIds) }) == Set(ids))
    }

    /// Hundreds of alerts of one owner firing at once are more than one payload: they are spread
    /// over several, each under the limit, none lost.
    @Test func oneConnectionsMessagesBeyondTheLimitAreSpreadOverSeveralChunks() throws {
        let alert = #"{"type":"alert.triggered","alert":{"note":"\#(String(repeating: "x", count: 1_000))"}}"#
        let batch = PushBatch(messages: (0..<500).map { _ in .init(connectionIds: ["owner", "other"], data: alert) })
        let limit = 64 * 1024
        let chunks = batch.chunked(maximumBytes: limit)
        #expect(chunks.count > 1)
        for chunk in chunks {
            #expect(try JSONEncoder().encode(chunk).count <= limit)
        }
        for id in ["owner", "other"] {
            #expect(chunks.flatMap(\.messages).filter { $0.connectionIds.contains(id) }.count == 500)
        }
    }
}
