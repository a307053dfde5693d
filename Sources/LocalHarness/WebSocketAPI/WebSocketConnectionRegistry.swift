import Synchronization

/// The open connections by id: what `@connections` requests and the gateway look up.
public final class WebSocketConnectionRegistry: Sendable {
    private let connections = Mutex<[String: WebSocketConnection]>([:])

    public init() {}

    /// The connection of that id, from its upgrade until its channel has closed; it may be
    /// ending already (see ``WebSocketConnection/disconnectStatus``).
    public func connection(_ id: String) -> WebSocketConnection? {
        connections.withLock { $0[id] }
    }

    /// A fresh id, unlike any open connection's.
    func newID() -> String {
        connections.withLock { connections in
            var id = ConnectionID.make()
            while connections[id] != nil { id = ConnectionID.make() }
            return id
        }
    }

    func add(_ connection: WebSocketConnection) {
        connections.withLock { $0[connection.id] = connection }
    }

    /// Closes every open connection with `status`.
    func closeAll(_ status: DisconnectStatus) {
        for connection in connections.withLock({ Array($0.values) }) { connection.close(status) }
    }

    func remove(_ connection: WebSocketConnection) {
        connections.withLock { connections in
            if connections[connection.id] === connection { connections[connection.id] = nil }
        }
    }
}
