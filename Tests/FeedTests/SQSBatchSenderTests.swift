import Testing

@testable import Feed

@Suite struct SQSBatchSenderTests {
    static func messages(_ count: Int, bytes: Int) -> [QueueMessage] {
        (0..<count).map { QueueMessage(key: "m\($0)", body: String(repeating: "x", count: bytes)) }
    }

    @Test func aBatchHoldsAtMostTenMessages() {
        let batches = SQSBatchSender.batches(Self.messages(25, bytes: 100))
        #expect(batches.map(\.count) == [10, 10, 5])
        #expect(batches.flatMap { $0 }.map(\.key) == Self.messages(25, bytes: 100).map(\.key))
    }

    @Test func aBatchHoldsAtMost256KiB() {
        let batches = SQSBatchSender.batches(Self.messages(5, bytes: 100 * 1024))
        #expect(batches.map(\.count) == [2, 2, 1])
    }
}
