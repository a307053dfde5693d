import AWSClients
import Logging
import NIOCore

/// Sends messages to a queue in as few `SendMessageBatch` calls as SQS's limits allow, and
/// sends again, with back-off, what did not get through for a reason that may pass.
///
/// A call that failed on the network may have been carried out all the same, so a message can
/// arrive twice; the `Ingest` function stores a candle it already has as a replacement.
struct SQSBatchSender: Sendable {
    let client: SQSClient
    let queueURL: String
    var pacing = RetryPacing()
    /// The longest one call may take.
    var attemptTimeout: TimeAmount = .seconds(5)

    /// Sends `messages` (distinct keys); returns why, by key, the messages that never got through did not.
    func send(_ messages: [QueueMessage], deadline: NIODeadline, logger: Logger) async -> [String: String] {
        var failures: [String: String] = [:]
        var pending: [QueueMessage] = []
        for message in messages {
            if message.body.utf8.count > SQSSendMessageBatch.maximumBytes {
                failures[message.key] = "the message is larger than SQS's 256 KiB"
            } else {
                pending.append(message)
            }
        }
        var attempt = 0
        while !pending.isEmpty {
            attempt += 1
            var again: [QueueMessage] = []
            var problems: [String: String] = [:]
            for batch in Self.batches(pending) {
                let outcome = await sendBatch(batch, deadline: min(deadline, .now() + attemptTimeout))
                for (index, problem) in outcome.retryable {
                    again.append(batch[index])
                    problems[batch[index].key] = problem
                }
                for (index, reason) in outcome.final {
                    failures[batch[index].key] = reason
                }
            }
            pending = again
            guard !pending.isEmpty else { break }
            logger.warning(
                "some messages did not reach the queue",
                metadata: ["attempt": "\(attempt)", "messages": "\(pending.map(\.key))"])
            guard await pacing.pause(after: attempt, retryAfter: nil, deadline: deadline, on: client.exchange.eventLoop)
            else {
                let giving = "(gave up after attempt \(attempt): no time left before the deadline)"
                for message in pending {
                    failures[message.key] = "\(problems[message.key] ?? "") \(giving)"
                }
                break
            }
        }
        return failures
    }

    /// Consecutive runs of messages within SQS's limits on entries and bytes per call.
    static func batches(_ messages: [QueueMessage]) -> [[QueueMessage]] {
        var batches: [[QueueMessage]] = []
        var bytes = 0
        for message in messages {
            let size = message.body.utf8.count
            if let last = batches.last, last.count < SQSSendMessageBatch.maximumEntries,
                bytes + size <= SQSSendMessageBatch.maximumBytes
            {
                batches[batches.count - 1].append(message)
                bytes += size
            } else {
                batches.append([message])
                bytes = size
            }
        }
        return batches
    }

    /// Which entries of one call (by index in `batch`) may be sent again and which failed for
    /// good, each with the reason; the others went through.
    private func sendBatch(_ batch: [QueueMessage], deadline: NIODeadline) async
        -> (retryable: [(Int, String)], final: [(Int, String)])
    {
        let request = SQSSendMessageBatch.Request(
            queueURL: queueURL,
            entries: batch.indices.map { SQSSendMessageBatch.Entry(id: String($0), messageBody: batch[$0].body) })
        let response: SQSSendMessageBatch.Response
        do {
            response = try await client.sendMessageBatch(request, deadline: deadline)
        } catch {
            let all = batch.indices.map { ($0, error.reason) }
            return error.isRetryable ? (all, []) : ([], all)
        }
        var retryable: [(Int, String)] = []
        var final: [(Int, String)] = []
        var answered = Set(response.successful.map(\.id))
        for failure in response.failed {
            guard let index = Int(failure.id), batch.indices.contains(index) else { continue }
            answered.insert(failure.id)
            let reason = "SQS refused the message: \(failure.code)" + (failure.message.map { ": \($0)" } ?? "")
            if failure.senderFault {
                final.append((index, reason))
            } else {
                retryable.append((index, reason))
            }
        }
        // An entry the answer does not mention cannot be known to have arrived.
        for index in batch.indices where !answered.contains(String(index)) {
            retryable.append((index, "SQS's answer did not mention the message"))
        }
        return (retryable, final)
    }
}
