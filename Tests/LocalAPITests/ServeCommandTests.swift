import AsyncHTTPClient
import Foundation
import LocalHarness
import NIOCore
import NIOHTTP1
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `chronoview-local serve` as a developer runs it: start-up output, requests, and a clean stop.
@Suite struct ServeCommandTests {
    static let template = """
        Resources:
          PidFunction:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: fixtures/Pid/
              Environment: {Variables: {PY_MODE: pid}}
              Events:
                Get: {Type: HttpApi, Properties: {Path: /pid, Method: GET}}
        """

    @Test func printsTheRoutesServesAndStopsEverythingOnSIGTERM() async throws {
        let folder = try FixtureFolder()
        defer { folder.remove() }
        try folder.addPythonRuntime(as: "Pid")
        try Self.template.write(toFile: "\(folder.path)/template.yaml", atomically: true, encoding: .utf8)
        let output = "\(folder.path)/output.txt"
        try #require(FileManager.default.createFile(atPath: output, contents: nil))

        let process = try await ServeProcess.start(
            template: "\(folder.path)/template.yaml", buildPath: folder.path,
            databaseURL: "postgres://nobody@127.0.0.1:1/none", output: output)
        try await process.whileRunning {
            let url = try await ServeProcess.waitForURL(in: output, process: process)
            let text = try String(contentsOfFile: output, encoding: .utf8)
            #expect(text.contains("GET  /pid  Pid"))

            let client = HTTPClient(eventLoopGroupProvider: .singleton)
            let response = try await client.execute(HTTPClientRequest(url: url + "/pid"), timeout: .seconds(30))
            let pid = try #require(response.headers["x-pid"].first.flatMap { Int32($0) })
            try await client.shutdown()
            #expect(response.status == .ok)
            #expect(kill(pid, 0) == 0, "the function's environment runs")

            process.signal(SIGTERM)
            let status = await process.exit(within: .seconds(15))
            #expect(status == .exited(0), "serve did not stop cleanly within 15 seconds on SIGTERM")
            #expect(kill(pid, 0) != 0, "the function's environment is gone")
            let log = try String(contentsOfFile: output, encoding: .utf8)
            #expect(log.contains("GET /pid → Pid 200 "))
            #expect(log.contains("(init "))
            // The port is free again: nothing answers there.
            let after = HTTPClient(eventLoopGroupProvider: .singleton)
            await #expect(throws: (any Error).self) {
                _ = try await after.execute(HTTPClientRequest(url: url + "/pid"), timeout: .seconds(1))
            }
            try await after.shutdown()
        }
    }
}
