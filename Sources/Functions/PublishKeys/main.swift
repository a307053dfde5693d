import Core
import Runtime

LambdaRuntime.run { _ in PublicKeysPublisher() }
