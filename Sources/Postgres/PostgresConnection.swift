import CLibPQ
import Logging
import NIOCore
import NIOPosix
import Synchronization

/// One PostgreSQL session through libpq, in its non-blocking mode.
///
/// Every operation ends by ``deadline``: it waits for the socket with `poll(2)` on the calling
/// thread (see ``SocketReadiness``) and, at the deadline, closes the connection under the
/// statement, which the server then abandons. A connection serves one operation at a time,
/// as a libpq connection does; a pool hands it to one task at a time.
///
/// Where the waits block is the opener's choice. By default, the calling task's own thread:
/// right for a Lambda environment, which runs one invocation at a time, so the thread has
/// nothing else to do and the operation goes on on it without a hop. A process that runs many
/// things at once (the tests, tools) passes a thread pool instead, so that a wait never holds
/// one of the few threads Swift's concurrency runs everything else on.
public final class PostgresConnection: Sendable {
    /// libpq's `PGconn`, freed by ``close()``; only touched by the task that holds the connection.
    private nonisolated(unsafe) let handle: OpaquePointer
    private let state: Mutex<State>
    /// Where operations wait; `nil` for the calling thread.
    private let threadPool: NIOThreadPool?

    private struct State {
        var deadline = NIODeadline.distantFuture
        var isOpen = true
    }

    private init(handle: OpaquePointer, threadPool: NIOThreadPool?) {
        self.handle = handle
        self.state = Mutex(State())
        self.threadPool = threadPool
    }

    deinit {
        if state.withLock({ $0.isOpen }) { PQfinish(handle) }
    }

    /// Opens a session, or throws ``PostgresError/Kind/connectionFailed`` (or `timedOut` at `deadline`).
    /// - Parameter threadPool: where the session's operations wait; `nil` for the calling thread.
    public static func connect(
        _ options: PostgresConnectionOptions, until deadline: NIODeadline, waitingOn threadPool: NIOThreadPool? = nil
    ) async throws(PostgresError) -> PostgresConnection {
        try await run(on: threadPool) { () throws(PostgresError) in
            try open(options, until: deadline, threadPool: threadPool)
        }
    }

    private static func open(
        _ options: PostgresConnectionOptions, until deadline: NIODeadline, threadPool: NIOThreadPool?
    ) throws(PostgresError) -> PostgresConnection {
        let pairs = options.keywords
        let handle = CStringArray.with(pairs.map(\.0)) { keywords in
            CStringArray.with(pairs.map(\.1)) { values in PQconnectStartParams(keywords, values, 0) }
        }
        guard let handle else {
            throw PostgresError(.connectionFailed, message: "libpq could not allocate a connection")
        }
        let connection = PostgresConnection(handle: handle, threadPool: threadPool)
        do throws(PostgresError) {
            guard PQstatus(handle) != CONNECTION_BAD else { throw connection.failure(.connectionFailed) }
            var polling = PGRES_POLLING_WRITING
            while polling != PGRES_POLLING_OK {
                switch polling {
                case PGRES_POLLING_FAILED:
                    throw connection.failure(.connectionFailed)
                case PGRES_POLLING_READING:
                    try SocketReadiness.wait(for: .read, on: PQsocket(handle), until: deadline)
                default:
                    try SocketReadiness.wait(for: .write, on: PQsocket(handle), until: deadline)
                }
                polling = PQconnectPoll(handle)
            }
            guard PQsetnonblocking(handle, 1) == 0 else { throw connection.failure(.connectionFailed) }
            return connection
        } catch {
            connection.close()
            throw error
        }
    }

    /// When the operations from now on must end; ``NIODeadline/distantFuture`` for never.
    public var deadline: NIODeadline {
        get { state.withLock { $0.deadline } }
        set { state.withLock { $0.deadline = newValue } }
    }

    /// Whether the session can serve another operation: open, and not inside a transaction.
    public var isReusable: Bool {
        state.withLock { $0.isOpen } && PQstatus(handle) == CONNECTION_OK && PQtransactionStatus(handle) == PQTRANS_IDLE
    }

    /// The server process serving this session (`pg_backend_pid()`).
    public var backendProcessID: Int32 { PQbackendPID(handle) }

    /// Ends the session; later operations fail with ``PostgresError/Kind/connectionLost``.
    public func close() {
        let wasOpen = state.withLock { state in
            defer { state.isOpen = false }
            return state.isOpen
        }
        if wasOpen { PQfinish(handle) }
    }

    /// Runs one statement with its parameters and reads all of its rows.
    @discardableResult
    public func query(_ query: SQLQuery, logger: Logger) async throws(PostgresError) -> SQLRows {
        try await Self.run(on: threadPool) { () throws(PostgresError) in try self.run(query, logger: logger) }
    }

    /// Runs `work` on `threadPool`, or right here when there is none.
    private static func run<Value: Sendable>(
        on threadPool: NIOThreadPool?, _ work: @escaping @Sendable () throws(PostgresError) -> Value
    ) async throws(PostgresError) -> Value {
        guard let threadPool else { return try work() }
        do {
            return try await threadPool.runIfActive { try work() }
        } catch let error as PostgresError {
            throw error
        } catch {
            throw PostgresError(.connectionLost, message: "the thread pool has stopped: \(error)")
        }
    }

    private func run(_ query: SQLQuery, logger: Logger) throws(PostgresError) -> SQLRows {
        let deadline = try openDeadline()
        do throws(PostgresError) {
            try send(query)
            try flush(until: deadline)
            return try results(until: deadline)
        } catch {
            if error.kind == .timedOut { close() }
            if error.kind != .invalidValue {
                logger.debug("statement failed", metadata: ["error": "\(error)"])
            }
            throw error
        }
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    /// A failed COMMIT is thrown as ``PostgresCommitError``: the caller cannot know whether it landed.
    public func withTransaction<Result>(
        logger: Logger, _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        try await query("BEGIN", logger: logger)
        let result: Result
        do {
            result = try await body(self)
        } catch {
            if isOpenForRollback { _ = try? await query("ROLLBACK", logger: logger) }
            throw error
        }
        // A statement that failed inside `body`, its error caught there, left the transaction
        // aborted: the server would answer COMMIT with a rollback, and no error.
        guard PQtransactionStatus(handle) != PQTRANS_INERROR else {
            _ = try? await query("ROLLBACK", logger: logger)
            throw PostgresError(.server, message: "a statement of the transaction failed; it was rolled back")
        }
        do {
            try await query("COMMIT", logger: logger)
        } catch {
            throw PostgresCommitError(underlying: error)
        }
        return result
    }

    private var isOpenForRollback: Bool {
        state.withLock { $0.isOpen } && PQstatus(handle) == CONNECTION_OK
    }

    private func openDeadline() throws(PostgresError) -> NIODeadline {
        let (isOpen, deadline) = state.withLock { ($0.isOpen, $0.deadline) }
        guard isOpen else { throw PostgresError(.connectionLost, message: "the connection is closed") }
        return deadline
    }

    private func send(_ query: SQLQuery) throws(PostgresError) {
        let values = query.bindings.values
        // libpq takes C strings: a NUL would silently cut a value short. The server refuses
        // NUL in text anyway, with this SQLSTATE.
        if values.contains(where: { $0?.utf8.contains(0) == true }) || query.sql.utf8.contains(0) {
            throw PostgresError(
                .invalidValue, message: "text with a NUL character cannot be sent", sqlState: "22021")
        }
        let types = query.bindings.types.map { Oid($0.oid) }
        let sent = CStringArray.with(values) { parameters in
            types.withUnsafeBufferPointer { types in
                PQsendQueryParams(
                    handle, query.sql, Int32(values.count), types.baseAddress, parameters, nil, nil, 0)
            }
        }
        // Refused with the connection intact (too many parameters, say): the statement's fault.
        guard sent == 1 else { throw failure(PQstatus(handle) == CONNECTION_BAD ? .connectionLost : .invalidValue) }
    }

    /// Sends what libpq has buffered, reading meanwhile so that the server never blocks on us.
    private func flush(until deadline: NIODeadline) throws(PostgresError) {
        while true {
            switch PQflush(handle) {
            case 0:
                return
            case 1:
                try SocketReadiness.wait(for: .readOrWrite, on: PQsocket(handle), until: deadline)
                guard PQconsumeInput(handle) == 1 else { throw failure(.connectionLost) }
            default:
                throw failure(.connectionLost)
            }
        }
    }

    /// Reads every result of the statement; the first error wins, the rows are the first result's.
    private func results(until deadline: NIODeadline) throws(PostgresError) -> SQLRows {
        var rows: SQLRows?
        var firstError: PostgresError?
        while true {
            while PQisBusy(handle) == 1 {
                try SocketReadiness.wait(for: .read, on: PQsocket(handle), until: deadline)
                guard PQconsumeInput(handle) == 1 else { throw failure(.connectionLost) }
            }
            guard let result = PQgetResult(handle) else { break }
            defer { PQclear(result) }
            switch PQresultStatus(result) {
            case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
                if rows == nil { rows = Self.rows(of: result) }
            case PGRES_FATAL_ERROR, PGRES_NONFATAL_ERROR, PGRES_BAD_RESPONSE:
                if firstError == nil { firstError = serverError(result) }
            default:
                // COPY and pipeline states: never started by this client.
                if firstError == nil {
                    firstError = PostgresError(.server, message: "unexpected result \(PQresultStatus(result).rawValue)")
                }
            }
        }
        if var firstError {
            // The server ended the session with this error (shutdown, crash): nothing of it committed.
            if PQstatus(handle) == CONNECTION_BAD { firstError.kind = .connectionLost }
            throw firstError
        }
        return rows ?? SQLRows(columns: [], cells: [])
    }

    private static func rows(of result: OpaquePointer) -> SQLRows {
        let rowCount = PQntuples(result)
        let columnCount = PQnfields(result)
        let columns = (0..<columnCount).map { String(cString: PQfname(result, $0)) }
        var cells: [String?] = []
        cells.reserveCapacity(Int(rowCount) * Int(columnCount))
        for row in 0..<rowCount {
            for column in 0..<columnCount {
                cells.append(
                    PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column)))
            }
        }
        return SQLRows(columns: columns, cells: cells)
    }

    private func serverError(_ result: OpaquePointer) -> PostgresError {
        func field(_ code: Unicode.Scalar) -> String? {
            PQresultErrorField(result, Int32(UInt8(ascii: code))).map { String(cString: $0) }
        }
        let message = field("M") ?? String(cString: PQresultErrorMessage(result))
        let lost = PQstatus(handle) == CONNECTION_BAD
        return PostgresError(
            lost ? .connectionLost : .server, message: message, sqlState: field("C"), constraintName: field("n"))
    }

    /// libpq's last error on this connection, as `kind`.
    private func failure(_ kind: PostgresError.Kind) -> PostgresError {
        let message = String(cString: PQerrorMessage(handle))
        return PostgresError(kind, message: message.trimmingSuffix(while: \.isWhitespace))
    }
}

/// A COMMIT that failed: whether it took effect is unknown when the connection went with it.
public struct PostgresCommitError: Error, Sendable {
    public var underlying: any Error
}

extension String {
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> String {
        var text = Substring(self)
        while let last = text.last, predicate(last) { text = text.dropLast() }
        return String(text)
    }
}
