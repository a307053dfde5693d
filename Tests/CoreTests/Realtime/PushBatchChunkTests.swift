import Core
import LambdaEvents
import Testing

@Suite struct PushBatchChunkTests {
    @Test func aSmallBatchStaysWhole() {
        let batch = PushBatch(messages: [.init(connectionIds: ["a", "b"], data: "1")])
        #expect(batch.chunked(connections: 2) == [batch])
        #expect(PushBatch(messages: []).chunked(connections: 2).isEmpty)
    }

    @Test func eachConnectionKeepsAllItsMessagesInOrderInExactlyOneChunk() {
        let batch = PushBatch(messages: [
            .init(connectionIds: ["a", "b", "c"], data: "1"),
            .init(connectionIds: ["c", "d"], data: "2"),
            .init(connectionIds: ["a", "d", "e"], data: "3"),
        ])
        let chunks = batch.chunked(connections: 2)
        #expect(chunks.count == 3)
        for id in ["a", "b", "c", "d", "e"] {
            let holding = chunks.filter { $0.messages.contains { $0.connectionIds.contains(id) } }
            #expect(holding.count == 1, "\(id)")
            let expected = batch.messages.filter { $0.connectionIds.contains(id) }.map(\.data)
            #expect(holding.first?.messages.filter { $0.connectionIds.contains(id) }.map(\.data) == expected)
        }
        #expect(chunks.allSatisfy { Set($0.messages.flatMap(\.connectionIds)).count <= 2 })
    }
}
