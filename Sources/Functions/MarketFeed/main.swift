import Feed
import Runtime

LambdaRuntime.run { context in try await MarketFeedHandler(context) }
