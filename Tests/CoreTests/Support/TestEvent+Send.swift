import Core
import Foundation
import LambdaEvents
import Logging
import NIOPosix
import Runtime
import TestSupport

extension TestEvent {
    /// Sends the request to `routes` as the function serving them would.
    func send(to routes: [String: Endpoint]) async -> TestResponse {
        let event = self.event
        let context = LambdaContext(
            metadata: InvocationMetadata(
                requestID: UUID().uuidString, deadlineMilliseconds: Int64(Date().timeIntervalSince1970 * 1000) + 30_000,
                invokedFunctionARN: "arn:aws:lambda:us-east-1:123456789012:function:test"),
            logger: Logger(label: "test"),
            eventLoop: MultiThreadedEventLoopGroup.singleton.next())
        return TestResponse(
            await HTTPFunction(routes: routes).handle(event, context: context),
            requestID: event.requestContext.requestId)
    }
}
