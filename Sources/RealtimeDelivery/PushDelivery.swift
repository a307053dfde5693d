import AWSClients
import LambdaEvents
import Logging
import NIOCore

/// Sends a batch's messages through the management API: connections concurrently, at most
/// ``concurrency`` at once, and each connection's messages one after another, in order.
struct PushDelivery: Sendable {
    let connections: ConnectionsClient
    let concurrency: Int
    /// The longest one message may take.
    let timeout: TimeAmount

    /// Delivers `batch` before `deadline`; returns the summary and the connections that are gone.
    func deliver(_ batch: PushBatch, until deadline: NIODeadline, logger: Logger) async -> (PushSummary, [String]) {
        var order: [String] = []
        var queues: [String: [[UInt8]]] = [:]
        for message in batch.messages {
            let data = Array(message.data.utf8)
            for id in message.connectionIds {
                if queues[id] == nil { order.append(id) }
                queues[id, default: []].append(data)
            }
        }
        var summary = PushSummary(delivered: 0, gone: 0, failed: 0)
        var gone: [String] = []
        await withTaskGroup(of: (String, ConnectionsClient.Outcome).self) { group in
            var pending = order.makeIterator()
            func sendNext() {
                guard let id = pending.next(), let messages = queues[id] else { return }
                group.addTask { (id, await send(messages, to: id, until: deadline)) }
            }
            for _ in 0..<concurrency { sendNext() }
            for await (id, result) in group {
                switch result {
                case .delivered:
                    summary.delivered += 1
                case .gone:
                    summary.gone += 1
                    gone.append(id)
                case .failed(let reason):
                    // One line per failed connection at most: a throttled burst stays readable.
                    if summary.failed < 10 {
                        logger.warning(
                            "realtime message lost", metadata: ["connectionId": "\(id)", "error": "\(reason)"])
                    }
                    summary.failed += 1
                }
                sendNext()
            }
        }
        return (summary, gone)
    }

    /// What became of a connection's messages, sent in order: delivered, gone (and sent no
    /// more), or failed when any of them was lost.
    private func send(_ messages: [[UInt8]], to id: String, until deadline: NIODeadline) async
        -> ConnectionsClient.Outcome
    {
        var failure: String?
        for data in messages {
            switch await connections.post(data, to: id, deadline: min(.now() + timeout, deadline)) {
            case .delivered: continue
            case .gone: return .gone
            case .failed(let reason): failure = reason
            }
        }
        return failure.map(ConnectionsClient.Outcome.failed) ?? .delivered
    }
}
