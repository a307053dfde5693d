import NIOCore
import Testing
import _ConnectionPoolModule

@testable import Core

/// Outages are told from bugs by the errors' types and codes, never by their names.
@Suite struct FailureClassificationTests {
    @Test(arguments: [ConnectionPoolError.poolShutdown, .connectionCreationCircuitBreakerTripped, .requestCancelled])
    func thePoolRefusingALeaseIsAnOutage(_ error: ConnectionPoolError) {
        #expect(DatabaseFailureClassifier.isOutage(error))
    }

    @Test func losingTheSocketIsAnOutage() {
        #expect(DatabaseFailureClassifier.isOutage(ChannelError.ioOnClosedChannel))
        #expect(DatabaseFailureClassifier.isOutage(IOError(errnoCode: 104, reason: "read")))
    }

    /// What a type is called says nothing: only the types themselves are outages.
    @Test func anErrorNamedLikeAConnectionFailureIsNoOutage() {
        struct ConnectionPoolErrorLookalike: Error {}
        struct NIOConnectionErrorLookalike: Error {}
        #expect(!DatabaseFailureClassifier.isOutage(ConnectionPoolErrorLookalike()))
        #expect(!DatabaseFailureClassifier.isOutage(NIOConnectionErrorLookalike()))
    }

    @Test func theUnavailableErrorKeepsWhatTheClientRaised() {
        let error = DatabaseUnavailable(.outage, underlying: ChannelError.ioOnClosedChannel)
        #expect(error.underlying as? ChannelError == .ioOnClosedChannel)
        #expect(error.description.contains("outage"))
    }
}
