import Postgres
import Testing

@testable import Core

/// Outages are told from bugs by the errors' kinds and SQLSTATEs, never by their messages.
@Suite struct FailureClassificationTests {
    @Test(arguments: [PostgresError.Kind.connectionFailed, .connectionLost, .timedOut])
    func aConnectionThatFailsOrGoesIsAnOutage(_ kind: PostgresError.Kind) {
        #expect(DatabaseFailureClassifier.isOutage(PostgresError(kind, message: "")))
    }

    @Test(arguments: ["08006", "57P01", "57P03", "53300", "40001", "40P01"])
    func theServerGoingAwayOrOverloadedIsAnOutage(_ state: String) {
        #expect(DatabaseFailureClassifier.isOutage(PostgresError(.server, message: "", sqlState: state)))
    }

    @Test(arguments: ["23505", "42501", "22021", "57014"])
    func aRefusedStatementIsNoOutage(_ state: String) {
        #expect(!DatabaseFailureClassifier.isOutage(PostgresError(.server, message: "", sqlState: state)))
    }

    @Test func aSessionTheServerEndedIsLostButATimeoutIsNot() {
        #expect(DatabaseFailureClassifier.isLostSession(PostgresError(.connectionLost, message: "")))
        #expect(DatabaseFailureClassifier.isLostSession(PostgresError(.server, message: "", sqlState: "57P01")))
        #expect(!DatabaseFailureClassifier.isLostSession(PostgresError(.timedOut, message: "")))
        #expect(!DatabaseFailureClassifier.isLostSession(PostgresError(.connectionFailed, message: "")))
    }

    /// What an error says says nothing: only its kind and SQLSTATE count.
    @Test func anErrorWordedLikeAConnectionFailureIsNoOutage() {
        struct ConnectionRefused: Error {}
        #expect(!DatabaseFailureClassifier.isOutage(ConnectionRefused()))
        #expect(!DatabaseFailureClassifier.isOutage(PostgresError(.server, message: "connection refused")))
        #expect(!DatabaseFailureClassifier.isOutage(PostgresError(.invalidValue, message: "server closed")))
    }

    @Test func theUnavailableErrorKeepsWhatTheClientRaised() {
        let error = DatabaseUnavailable(.outage, underlying: PostgresError(.connectionLost, message: "gone"))
        #expect((error.underlying as? PostgresError)?.kind == .connectionLost)
        #expect(error.description.contains("outage"))
    }
}
