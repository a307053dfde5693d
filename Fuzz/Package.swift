// swift-tools-version: 6.1
import Foundation
import PackageDescription

/// ChronoView's libFuzzer targets, kept out of the main package so that its `swift build` and
/// `swift test` never see them. Each target builds two ways:
///  - for fuzzing (`scripts/fuzz.sh`): with `-sanitize=fuzzer,address -parse-as-library` and the
///    define `CHRONOVIEW_FUZZ`, which compiles `LLVMFuzzerTestOneInput` and a `main` that runs
///    libFuzzer's driver on it;
///  - plainly (`swift run --package-path Fuzz <Target> FILE...`): a `main` that replays the files
///    given, to reproduce a crash under the debugger or without the sanitizers.
let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

/// Every folder of Sources but the two support libraries is a target, as `scripts/lib/fuzz.sh` assumes.
let targets =
    ((try? FileManager.default.contentsOfDirectory(atPath: here.appendingPathComponent("Sources").path)) ?? [])
    .filter { !["FuzzSupport", "LibFuzzer"].contains($0) && !$0.hasPrefix(".") }.sorted()

/// SwiftPM names a path dependency after its folder, which differs between clones (CI checks out
/// into a folder of its own), so the identity is worked out from where this manifest sits.
let chronoView = here.deletingLastPathComponent().lastPathComponent.lowercased()
let events = Target.Dependency.product(name: "LambdaEvents", package: chronoView)
let runtime = Target.Dependency.product(name: "Runtime", package: chronoView)
let core = Target.Dependency.product(name: "Core", package: chronoView)

let package = Package(
    name: "ChronoViewFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        // The work tree's own package, whatever its folder is called.
        .package(path: ".."),
        // The same requirement as the main package's: the token target checks signatures itself.
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        // The body target builds the real route tables, over a database client it never runs.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        // Replaying inputs without libFuzzer, oracles, and running async code from its callback.
        .target(name: "FuzzSupport", dependencies: ["LibFuzzer"]),
        // Declares libFuzzer's driver, which -sanitize=fuzzer links in.
        .target(name: "LibFuzzer"),
    ]
        + targets.map { name in
            .executableTarget(
                name: name,
                dependencies: ["FuzzSupport", events, runtime, core]
                    + (name == "AccessTokenFuzzer" ? [.product(name: "Crypto", package: "swift-crypto")] : [])
                    + (name == "RequestBodyFuzzer"
                        ? [
                            .product(name: "NIOPosix", package: "swift-nio"),
                            .product(name: "Logging", package: "swift-log"),
                        ] : [])
            )
        }
)
