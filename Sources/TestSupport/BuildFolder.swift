import Foundation

/// The folder `swift build` put this process and its sibling products in (`.build/<triple>/debug`).
public enum BuildFolder {
    /// The nearest folder above the running executable that SwiftPM built (it holds `Modules`):
    /// on Linux the tests run from `<folder>/<Package>PackageTests.xctest`, a plain executable.
    public static let path: String = {
        let executable =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var url = URL(fileURLWithPath: executable).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Modules").path), url.path != "/" {
            url.deleteLastPathComponent()
        }
        return url.path
    }()

    /// The path of a product built beside this process (`RuntimeFixture`, `Login`, ...).
    public static func product(_ name: String) -> String {
        URL(fileURLWithPath: path).appendingPathComponent(name).path
    }
}
