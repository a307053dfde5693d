import RealtimeDelivery
import Runtime

// Invoked by Ingest (InvocationType Event) with the realtime messages of an ingestion.
LambdaRuntime.run { context in try PushHandler(context) }
