import Foundation

/// Finds the executables the package builds beside the test bundle: `RuntimeFixture`, the CLI.
enum BuiltProduct {
    /// The build folder (`.build/<triple>/debug`), from this test process's own path.
    static let folder: String = {
        let executable =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var url = URL(fileURLWithPath: executable).deletingLastPathComponent()
        // On Linux the tests run from `<folder>/<Package>PackageTests.xctest`, a plain executable.
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("RuntimeFixture").path),
            url.path != "/"
        {
            url.deleteLastPathComponent()
        }
        return url.path
    }()

    static func path(_ name: String) -> String {
        URL(fileURLWithPath: folder).appendingPathComponent(name).path
    }

    static var runtimeFixture: String { path("RuntimeFixture") }
}
