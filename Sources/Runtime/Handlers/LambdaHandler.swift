/// A handler of a `Decodable` event that returns an `Encodable` result, both JSON.
public protocol LambdaHandler: Sendable {
    associatedtype Event: Decodable & Sendable
    associatedtype Output: Encodable & Sendable

    func handle(_ event: Event, context: LambdaContext) async throws -> Output
}
