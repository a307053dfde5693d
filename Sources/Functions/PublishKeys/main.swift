import Core
import Deployment
import Runtime

LambdaRuntime.run { _ in PublicKeysPublisher() }
