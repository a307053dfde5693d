import LambdaEvents

extension PushBatch {
    /// The batch split by connection into batches of about `maximumBytes` of JSON at most, so
    /// that each fits an `Event` invocation's payload however many clients listen; the batches
    /// may be delivered in any order.
    ///
    /// A connection's messages stay together, in order, in one batch, unless they alone exceed
    /// `maximumBytes` (hundreds of alerts firing at once): then they are spread, in runs that
    /// each keep their order, over several batches.
    public func chunked(maximumBytes: Int) -> [PushBatch] {
        var order: [String] = []
        var messagesOf: [String: [Int]] = [:]
        for (index, message) in messages.enumerated() {
            for id in message.connectionIds {
                if messagesOf[id] == nil { order.append(id) }
                messagesOf[id, default: []].append(index)
            }
        }
        var packer = ChunkPacker(messages: messages, maximumBytes: maximumBytes)
        for id in order {
            for run in packer.runs(of: id, messages: messagesOf[id] ?? []) { packer.add(id, run) }
        }
        let chunks = packer.finish()
        guard chunks.count > 1 else { return messages.isEmpty ? [] : [self] }
        return chunks.map { chunk in
            var idsOf: [Int: [String]] = [:]
            for id in order {
                for index in chunk[id] ?? [] { idsOf[index, default: []].append(id) }
            }
            return PushBatch(
                messages: idsOf.keys.sorted().map {
                    PushBatch.Message(connectionIds: idsOf[$0]!, data: messages[$0].data)
                }
            )
        }
    }
}

/// Packs (connection, run of its messages) pairs into chunks of at most `maximumBytes`, by an
/// estimate of the JSON they add: a message's text the first time a chunk carries it, and the
/// connection's id in each message.
private struct ChunkPacker {
    /// What a message and a connection id add to the JSON besides their text: quotes, keys and
    /// separators.
    static let messageOverhead = 40
    static let idOverhead = 3

    let maximumBytes: Int
    /// Each message's escaped text, measured once: every listener's cost would measure it again.
    private let dataLengths: [Int]
    private var chunks: [[String: Set<Int>]] = []
    private var current: [String: Set<Int>] = [:]
    private var carried: Set<Int> = []
    private var size = 0

    init(messages: [PushBatch.Message], maximumBytes: Int) {
        self.maximumBytes = maximumBytes
        self.dataLengths = messages.map { Self.escapedLength($0.data) }
    }

    /// `indexes` in runs that each fit a chunk on their own.
    func runs(of id: String, messages indexes: [Int]) -> [[Int]] {
        var runs: [[Int]] = [[]]
        var size = 0
        let idLength = Self.escapedLength(id)
        for index in indexes {
            let added = cost(ofID: idLength, index, carried: [])
            if !runs[runs.count - 1].isEmpty, size + added > maximumBytes {
                runs.append([])
                size = 0
            }
            runs[runs.count - 1].append(index)
            size += added
        }
        return runs
    }

    mutating func add(_ id: String, _ run: [Int]) {
        let idLength = Self.escapedLength(id)
        var added = run.reduce(0) { $0 + cost(ofID: idLength, $1, carried: carried) }
        if !current.isEmpty, size + added > maximumBytes {
            chunks.append(current)
            (current, carried) = ([:], [])
            added = run.reduce(0) { $0 + cost(ofID: idLength, $1, carried: []) }
            size = 0
        }
        current[id, default: []].formUnion(run)
        carried.formUnion(run)
        size += added
    }

    mutating func finish() -> [[String: Set<Int>]] {
        if !current.isEmpty { chunks.append(current) }
        return chunks
    }

    /// What connection `idLength` long adds with message `index`, whose text `carried` may already hold.
    private func cost(ofID idLength: Int, _ index: Int, carried: Set<Int>) -> Int {
        idLength + Self.idOverhead + (carried.contains(index) ? 0 : dataLengths[index] + Self.messageOverhead)
    }

    /// `text`'s length as a JSON string's contents, as JSONEncoder writes it (slashes escaped).
    private static func escapedLength(_ text: String) -> Int {
        text.utf8.reduce(0) { length, byte in
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): length + 2
            case 0..<0x20: length + 6
            default: length + 1
            }
        }
    }
}
