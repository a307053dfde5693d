import Foundation
import NIOHTTP1
import TestSupport
import Testing

/// template.yaml's catch-all routes through the emulator, in front of the real NotFound
/// function: API.md promises a problem+json 404 for every unknown route under `/api/`.
@Suite struct UnknownRouteTests {
    static let templatePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("template.yaml").path

    @Test func theAPIPrefixItselfAndEveryUnknownPathUnderItAreAProblem404() async throws {
        try await RunningAPI.run(
            template: try String(contentsOfFile: Self.templatePath, encoding: .utf8), buildPath: BuildFolder.path
        ) { api in
            for path in ["/api", "/api/", "/api/nothing-here", "/api/charts/", "/api/health/"] {
                for method in [.GET, .POST] as [HTTPMethod] {
                    let reply = try await api.send(method, path)
                    #expect(reply.status == 404, "\(method) \(path)")
                    #expect(reply.headers["content-type"] == ["application/problem+json"], "\(method) \(path)")
                    let problem = try JSONSerialization.jsonObject(with: Data(reply.body)) as? [String: Any]
                    #expect(problem?["code"] as? String == "not_found", "\(method) \(path): \(reply.text)")
                }
            }
            // Outside the prefix, API Gateway's own answer stands.
            #expect(try await api.send(.GET, "/apis").text == #"{"message":"Not Found"}"#)
        }
    }
}
