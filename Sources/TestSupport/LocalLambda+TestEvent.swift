import LocalHarness

extension LocalLambda {
    /// Invokes `function` with `event` as API Gateway would, and reads its answer.
    public func respond(_ function: String, to event: TestEvent) async throws -> TestResponse {
        try TestResponse(payload: try await invoke(function, payload: event.payload).payload)
    }
}
