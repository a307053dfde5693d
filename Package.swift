// swift-tools-version: 6.2
import PackageDescription

/// ChronoView's Lambda functions: one executable target each, under `Sources/Functions/<Name>`.
/// `template.yaml` maps API routes to them; `./build.sh package` turns each into a `bootstrap`.
let functionNames = [
    "CreateUser", "Login", "Me", "Sessions", "Health", "NotFound", "Migrate", "Charts", "Watchlists", "Alerts",
    "Candles", "PublishKeys", "Realtime",
]

/// The functions CloudFormation calls as custom resources during a deployment.
let deploymentFunctions: Set<String> = ["Migrate", "PublishKeys"]

/// Every target of ours: a warning fails the build, so that the package stays warning-free.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .treatAllWarnings(as: .error),
]

/// SwiftNIO's core, its sockets and HTTP/1, and swift-log: what every networked target of ours uses.
let networking: [Target.Dependency] = [
    .product(name: "NIOCore", package: "swift-nio"),
    .product(name: "NIOPosix", package: "swift-nio"),
    .product(name: "NIOHTTP1", package: "swift-nio"),
    .product(name: "Logging", package: "swift-log"),
]

let package = Package(
    name: "ChronoView",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "LambdaEvents", targets: ["LambdaEvents"]),
        .library(name: "Runtime", targets: ["Runtime"]),
        .library(name: "Core", targets: ["Core"]),
        .library(name: "LocalHarness", targets: ["LocalHarness"]),
        .executable(name: "chronoview-local", targets: ["ChronoViewLocal"]),
        .executable(name: "chronoview-bench", targets: ["ChronoViewBench"]),
        .executable(name: "MarketFeed", targets: ["MarketFeed"]),
        .executable(name: "Ingest", targets: ["Ingest"]),
        .executable(name: "Push", targets: ["Push"]),
    ] + functionNames.map { .executable(name: $0, targets: [$0]) },
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
    ],
    targets: [
        // The shapes of the events AWS hands a function (API Gateway's, for now) and any JSON value:
        // plain Codable values that the runtime, Core and the local harness share.
        .target(name: "LambdaEvents", swiftSettings: strictSettings),
        // libpq's C API: Debian's shared libpq in development, a static one in packaged functions.
        .systemLibrary(name: "CLibPQ", providers: [.apt(["libpq-dev"])]),
        // A PostgreSQL client over libpq: connections, statements with parameters, rows. Knows
        // nothing of ChronoView; Core's `Database` pools and bounds it.
        .target(
            name: "Postgres",
            dependencies: [
                "CLibPQ", .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // The Lambda custom runtime: knows nothing of ChronoView, imports FoundationEssentials at most.
        .target(
            name: "Runtime",
            dependencies: networking,
            swiftSettings: strictSettings
        ),
        // ChronoView's logic, shared by every function.
        .target(
            name: "Core",
            dependencies: [
                "LambdaEvents",
                "Runtime",
                "AWSSigning",
                "Postgres",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
            ] + networking,
            swiftSettings: strictSettings
        ),
        // The deployment's custom resources (migrations, the published keys) and their answer to
        // CloudFormation over HTTPS: only Migrate and PublishKeys link it, and with it NIOSSL.
        .target(
            name: "Deployment",
            dependencies: ["Core", "LambdaEvents", "Runtime", .product(name: "NIOSSL", package: "swift-nio-ssl")]
                + networking,
            swiftSettings: strictSettings
        ),
        // AWS Signature Version 4, for calling AWS services without an SDK.
        .target(
            name: "AWSSigning",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        // Calls to AWS services over HTTPS, signed, with AsyncHTTPClient: Lambda's Invoke, API
        // Gateway's management API, and the exchange that SQS's client is built on.
        .target(
            name: "AWSClients",
            dependencies: [
                "AWSSigning", "Runtime", .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ] + networking,
            swiftSettings: strictSettings
        ),
        // The market feed: Binance's latest closed minutes to the candles queue (SQS).
        .target(
            name: "Feed",
            dependencies: ["Core", "AWSClients", "AWSSigning", "LambdaEvents", "Runtime"] + networking,
            swiftSettings: strictSettings
        ),
        // The realtime API's pushes: handed over by Ingest, sent by Push through @connections.
        .target(
            name: "RealtimeDelivery",
            dependencies: ["Core", "AWSClients", "AWSSigning", "LambdaEvents", "Runtime"] + networking,
            swiftSettings: strictSettings
        ),
        // Not among `functionNames`: these need an HTTPS client and signing, which Core does not.
        .executableTarget(
            name: "MarketFeed",
            dependencies: ["Feed", "Runtime"],
            path: "Sources/Functions/MarketFeed",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "Ingest",
            dependencies: ["Core", "RealtimeDelivery", "Runtime"],
            path: "Sources/Functions/Ingest",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "Push",
            dependencies: ["RealtimeDelivery", "Runtime"],
            path: "Sources/Functions/Push",
            swiftSettings: strictSettings
        ),
        // Starts the local Lambda service's child processes: own process group, killed with the harness.
        .target(name: "CChildProcess", cSettings: [.treatAllWarnings(as: .error)]),
        // Plays Lambda and API Gateway on a developer's machine and in the tests.
        .target(
            name: "LocalHarness",
            dependencies: [
                "LambdaEvents", "Runtime", "CChildProcess", .product(name: "Yams", package: "Yams"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
            ]
                + networking,
            swiftSettings: strictSettings
        ),
        // What tests and benchmarks share: the one way to build an API Gateway event and read a
        // function's answer, the build folder, and the test server's superuser.
        .target(
            name: "TestSupport",
            dependencies: ["LambdaEvents", "LocalHarness", "Postgres"] + networking,
            swiftSettings: strictSettings
        ),
        // A function that misbehaves on request, for the runtime's process-level tests and benchmarks.
        .executableTarget(
            name: "RuntimeFixture",
            dependencies: ["LambdaEvents", "Runtime"],
            path: "Sources/Fixtures/RuntimeFixture",
            swiftSettings: strictSettings
        ),
        // chronoview-local: invoke a function (and, with subcommands, serve the API) on this machine.
        .executableTarget(
            name: "ChronoViewLocal",
            dependencies: ["LocalHarness", .product(name: "ArgumentParser", package: "swift-argument-parser")]
                + networking,
            swiftSettings: strictSettings
        ),
        // `./build.sh bench`: plays the Runtime API and drives functions and the local API; never a test.
        .executableTarget(
            name: "ChronoViewBench",
            dependencies: [
                "TestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
            ],
            path: "Sources/Benchmarks/ChronoViewBench",
            swiftSettings: strictSettings
        ),
        // The benchmark's floor: the least a Runtime API client can do, over a plain blocking socket.
        .executableTarget(
            name: "SocketFloor",
            path: "Sources/Benchmarks/SocketFloor",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CoreTests",
            dependencies: [
                "Core", "AWSSigning", "Deployment", "LambdaEvents", "TestSupport", "Runtime", "Postgres",
                .product(name: "Crypto", package: "swift-crypto"),
            ] + networking,
            swiftSettings: strictSettings
        ),
        // The libpq client against the test server: every type both ways, deadlines, failures.
        .testTarget(
            name: "PostgresTests",
            dependencies: ["Postgres", "TestSupport", .product(name: "NIOCore", package: "swift-nio")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "DeploymentTests",
            dependencies: ["LocalHarness"],
            swiftSettings: strictSettings
        ),
        // The HTTP API emulator, from template reading to end-to-end requests over real processes.
        .testTarget(
            name: "LocalAPITests",
            dependencies: [
                "TestSupport", "LambdaEvents", "LocalHarness", "RuntimeFixture", "Postgres",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
            ] + networking,
            swiftSettings: strictSettings
        ),
        // The function executables as processes under the local Lambda service.
        .testTarget(
            name: "FunctionTests",
            dependencies: ["Core", "LocalHarness", "TestSupport", "Postgres"] + networking
                + functionNames.map { .target(name: $0) },
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "AWSSigningTests",
            dependencies: ["AWSSigning", "LocalHarness", "TestSupport"],
            swiftSettings: strictSettings
        ),
        // The feed against stand-in klines and SQS servers, in process and as the MarketFeed process.
        .testTarget(
            name: "FeedTests",
            dependencies: [
                "Feed", "Core", "AWSSigning", "LambdaEvents", "Runtime", "LocalHarness", "TestSupport", "MarketFeed",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ] + networking,
            swiftSettings: strictSettings
        ),
        // Pushing against stand-in Lambda and management APIs: hand-off, fan-out, 410s and stalls.
        .testTarget(
            name: "RealtimeDeliveryTests",
            dependencies: [
                "RealtimeDelivery", "AWSClients", "Core", "AWSSigning", "LambdaEvents", "Runtime", "TestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ] + networking,
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LambdaEventsTests",
            dependencies: ["LambdaEvents"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "RuntimeTests",
            dependencies: ["Runtime", "TestSupport"] + networking,
            swiftSettings: strictSettings
        ),
        // The local Lambda service through real processes: RuntimeFixture and the CLI are built for it.
        .testTarget(
            name: "HarnessTests",
            dependencies: [
                "TestSupport", "LambdaEvents", "LocalHarness", "Runtime", "RuntimeFixture", "ChronoViewLocal",
            ]
                + networking,
            swiftSettings: strictSettings
        ),
    ]
        + functionNames.map { name in
            .executableTarget(
                name: name,
                dependencies: ["Core", "Runtime"] + (deploymentFunctions.contains(name) ? ["Deployment"] : []),
                path: "Sources/Functions/\(name)",
                swiftSettings: strictSettings
            )
        }
)
