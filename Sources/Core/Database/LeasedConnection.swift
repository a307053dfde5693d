import PostgresNIO
import Synchronization

/// The connection an operation is using, if any, so that a timeout can close it.
final class LeasedConnection: Sendable {
    private let connection = Mutex<PostgresConnection?>(nil)

    func hold(_ leased: PostgresConnection) {
        connection.withLock { $0 = leased }
    }

    func release() {
        connection.withLock { $0 = nil }
    }

    /// Closes the connection in use; nothing happens when the operation is still waiting for one.
    func close() async throws {
        try await connection.withLock { $0 }?.close()
    }
}
