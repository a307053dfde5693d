import Foundation

/// The independent Lambda implementations `./build.sh test` installs (scripts/lib/peers.sh),
/// which our runtime and our emulator are checked against: neither was written from our own
/// reading of the Runtime API.
enum PeerTools {
    struct NotInstalled: Error, CustomStringConvertible {
        var variable: String
        var description: String { "\(variable) is not set: run the tests with ./build.sh test, which installs it" }
    }

    static func path(_ variable: String) throws -> String {
        guard let path = ProcessInfo.processInfo.environment[variable],
            FileManager.default.isExecutableFile(atPath: path)
        else { throw NotInstalled(variable: variable) }
        return path
    }

    /// A folder of the test's own, removed afterwards.
    static func withFolder<Result>(_ body: (URL) async throws -> Result) async throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("peer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await body(folder)
    }
}
