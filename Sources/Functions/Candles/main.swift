import Core
import Runtime

LambdaRuntime.run { context in try await ChronoViewFunction(context, serving: .candles) }
