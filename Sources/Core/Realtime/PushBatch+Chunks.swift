import LambdaEvents

extension PushBatch {
    /// The batch split by connection into batches of at most `connections` connections each,
    /// every connection with all its messages in order: each fits an `Event` invocation's
    /// payload however many clients listen, and the batches may be delivered in any order.
    public func chunked(connections: Int) -> [PushBatch] {
        var order: [String] = []
        var seen: Set<String> = []
        for message in messages {
            for id in message.connectionIds where seen.insert(id).inserted { order.append(id) }
        }
        guard order.count > connections else { return messages.isEmpty ? [] : [self] }
        return stride(from: 0, to: order.count, by: connections).map { start in
            let chunk = Set(order[start..<min(start + connections, order.count)])
            return PushBatch(
                messages: messages.compactMap { message in
                    let ids = message.connectionIds.filter(chunk.contains)
                    return ids.isEmpty ? nil : PushBatch.Message(connectionIds: ids, data: message.data)
                })
        }
    }
}
