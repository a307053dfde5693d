import LambdaEvents
import Logging
import Runtime

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The `Ingest` function: stores the candles of a direct invocation or of an SQS batch.
///
/// Every candle is checked on its own: a bad one is reported (to the caller, or in the log for
/// a queued message) and the rest are stored. A queued message is stored whole, in one
/// transaction, or named in `batchItemFailures` so that SQS delivers it again (a body that is
/// no ingestion at all ends in the dead-letter queue that way). Once the database is found
/// unavailable, the rest of the batch fails at once instead of waiting out a timeout each.
///
/// Once stored, the candles and the alerts they fired go to the realtime API's connections
/// through `publisher`, when there is one; that never fails the ingestion.
public struct IngestHandler: LambdaHandler {
    let bootstrap: ServicesBootstrap<CandleService>
    let publisher: (any PushPublisher)?

    public init(
        _ context: LambdaInitializationContext, environment: EnvironmentVariables = .process,
        publisher: (any PushPublisher)? = nil
    ) async throws {
        bootstrap = try await ServicesBootstrap(context, environment: environment, tokens: nil) { $0.candles }
        self.publisher = publisher
    }

    public func handle(_ event: IngestEvent, context: LambdaContext) async throws -> IngestOutput {
        let candles = try await bootstrap.value(logger: context.logger)
        switch event {
        case .direct(let values):
            let (valid, rejected) = read(values, candles: candles)
            try await store(valid, candles: candles, logger: context.logger)
            return .report(IngestReport(accepted: valid.count, rejected: rejected))
        case .queue(let batch):
            return .batch(await store(batch, candles: candles, logger: context.logger))
        }
    }

    private func store(_ batch: SQSEvent, candles: CandleService, logger: Logger) async -> SQSBatchResponse {
        var failures: [SQSBatchResponse.ItemFailure] = []
        var databaseUnavailable = false
        for message in batch.records {
            var logger = logger
            logger[metadataKey: "messageId"] = "\(message.messageId)"
            guard !databaseUnavailable else {
                failures.append(.init(itemIdentifier: message.messageId))
                continue
            }
            do {
                let (valid, rejected) = read(try IngestEvent.candles(inBody: message.body), candles: candles)
                for rejection in rejected {
                    logger.warning(
                        "candle rejected", metadata: ["index": "\(rejection.index)", "reason": "\(rejection.reason)"])
                }
                try await store(valid, candles: candles, logger: logger)
            } catch {
                logger.error("message not stored, to be delivered again", metadata: ["error": "\(error)"])
                databaseUnavailable = error is DatabaseUnavailable
                failures.append(.init(itemIdentifier: message.messageId))
            }
        }
        return SQSBatchResponse(batchItemFailures: failures)
    }

    /// The valid candles of an event, and why each other one is refused.
    private func read(_ values: [JSONValue], candles: CandleService) -> ([MinuteCandle], [IngestReport.Rejected]) {
        let now = Int64(Date().timeIntervalSince1970)
        let oldest = candles.oldestAcceptedMinute(now: now)
        var valid: [MinuteCandle] = []
        var rejected: [IngestReport.Rejected] = []
        valid.reserveCapacity(values.count)
        for (index, value) in values.enumerated() {
            do throws(CandleRejection) {
                valid.append(try MinuteCandle.read(value, now: now, oldest: oldest))
            } catch {
                rejected.append(IngestReport.Rejected(index: index, reason: error.reason))
            }
        }
        return (valid, rejected)
    }

    private func store(_ valid: [MinuteCandle], candles: CandleService, logger: Logger) async throws {
        let ingestion = try await candles.ingest(valid, logger: logger)
        if !ingestion.firedAlerts.isEmpty {
            logger.info("alerts fired", metadata: ["count": "\(ingestion.firedAlerts.count)"])
        }
        if let publisher, !ingestion.changed.isEmpty || !ingestion.firedAlerts.isEmpty {
            await push(ingestion, through: publisher, database: candles.database, logger: logger)
        }
    }

    /// Hands the ingestion's messages to the publisher; a failure is logged, the candles stay stored.
    private func push(
        _ ingestion: CandleService.Ingestion, through publisher: any PushPublisher, database: Database,
        logger: Logger
    ) async {
        let batch: PushBatch
        do {
            batch = try await database.withConnection { connection in
                try await PushPlanner.batch(for: ingestion, on: connection, logger: logger)
            }
        } catch {
            logger.warning(
                "realtime messages not sent: their recipients could not be read", metadata: ["error": "\(error)"])
            return
        }
        guard !batch.messages.isEmpty else { return }
        await publisher.publish(batch, logger: logger)
    }
}
