/// A handler of a `Decodable` event that returns an `Encodable` result, both JSON.
public protocol LambdaHandler: Sendable {
    associatedtype Event: Decodable & Sendable
    associatedtype Output: Encodable & Sendable

    func handle(_ event: Event, context: LambdaContext) async throws -> Output
}

/// A `LambdaHandler` made of a closure.
public struct ClosureHandler<Event: Decodable & Sendable, Output: Encodable & Sendable>: LambdaHandler {
    private let body: @Sendable (Event, LambdaContext) async throws -> Output

    public init(_ body: @escaping @Sendable (Event, LambdaContext) async throws -> Output) {
        self.body = body
    }

    public func handle(_ event: Event, context: LambdaContext) async throws -> Output {
        try await body(event, context)
    }
}
