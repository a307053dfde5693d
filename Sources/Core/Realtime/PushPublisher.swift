import LambdaEvents
import Logging

/// Where `Ingest` hands the realtime messages of an ingestion: on AWS, an `Event` invocation of
/// the `Push` function outside the VPC.
///
/// Publishing never fails an ingestion: a publisher logs what it could not hand over, and the
/// candles stay stored either way.
public protocol PushPublisher: Sendable {
    func publish(_ batch: PushBatch, logger: Logger) async
}
