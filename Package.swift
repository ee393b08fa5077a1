// swift-tools-version:6.2
import PackageDescription

let settings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "loupe",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "loupe", targets: ["loupe"]),
        .library(name: "LoupeCore", targets: ["LoupeCore"]),
        .library(name: "LoupeOTLP", targets: ["LoupeOTLP"]),
        .library(name: "LoupeStore", targets: ["LoupeStore"]),
        .library(name: "LoupeServer", targets: ["LoupeServer"]),
        .library(name: "Loupe", targets: ["Loupe"]),
        .library(name: "LoupeTesting", targets: ["LoupeTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.39.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-distributed-tracing.git", from: "1.7.3"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "5.0.1"),
        .package(url: "https://github.com/grpc/grpc-swift-2.git", from: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport.git", from: "2.9.2"),
    ],
    targets: [
        // Pure value types and GenAI knowledge: no I/O, no clocks, no globals.
        .target(
            name: "LoupeCore",
            exclude: ["Pricing/README.md", "Errors/README.md", "Privacy/README.md"],
            resources: [.copy("Resources/prices.json")],
            swiftSettings: settings
        ),
        // OTLP wire messages (generated, committed) and their mapping to LoupeCore.
        .target(
            name: "LoupeOTLP",
            dependencies: [
                "LoupeCore",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            exclude: ["Proto"],
            swiftSettings: settings
        ),
        // The SDK: event bus, spans, sampling, W3C trace context, GenAI helpers.
        .target(
            name: "Loupe",
            dependencies: [
                "LoupeCore", "LoupeOTLP",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "Instrumentation", package: "swift-distributed-tracing"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            swiftSettings: settings
        ),
        // In-memory recorder, manual clock and seeded ids for asserting on telemetry in tests.
        .target(name: "LoupeTesting", dependencies: ["Loupe"], swiftSettings: settings),
        // The storage contract and an in-memory store.
        .target(
            name: "LoupeStore",
            dependencies: [
                "LoupeCore", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CompressNIO", package: "compress-nio"), .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: settings
        ),
        // SQLite's variadic process-wide configuration, which Swift cannot call.
        .target(name: "CLoupeSQLite", linkerSettings: [.linkedLibrary("sqlite3")]),
        // The embedded store; the only module that imports GRDB.
        .target(
            name: "LoupeStoreSQLite",
            dependencies: [
                "LoupeStore", "CLoupeSQLite",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: settings
        ),
        // Every question the API, CLI and alerts ask, as functions over a TelemetryStore.
        // The scale-out store over ClickHouse's HTTP interface.
        .target(
            name: "LoupeStoreClickHouse",
            dependencies: [
                "LoupeStore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ],
            exclude: ["README.md"],
            swiftSettings: settings
        ),
        .target(
            name: "LoupeAnalytics",
            dependencies: ["LoupeCore", "LoupeStore", .product(name: "HeapModule", package: "swift-collections")],
            swiftSettings: settings
        ),
        // The web UI: pages rendered from LoupeAnalytics answers, SVG charts, its CSS and script; no HTTP.
        .target(
            name: "LoupeDashboard",
            dependencies: ["LoupeCore", "LoupeStore", "LoupeAnalytics", "LoupeAlerts", .product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: settings
        ),
        // Rules (file and API), evaluation on an injected clock, alert state, signed notifications
        // with diagnostics, backtests.
        .target(
            name: "LoupeAlerts",
            dependencies: [
                "LoupeCore", "LoupeStore", "LoupeAnalytics",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: settings
        ),
        .target(
            name: "LoupeServer",
            dependencies: [
                "LoupeCore", "LoupeOTLP", "LoupeStore", "LoupeStoreSQLite", "LoupeAnalytics", "LoupeDashboard", "LoupeAlerts",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
            ],
            swiftSettings: settings
        ),
        // Simulated GenAI pipeline traffic, sent as OTLP over HTTP.
        .target(
            name: "LoupeDemo",
            dependencies: [
                "Loupe", "LoupeCore", "LoupeOTLP",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: settings
        ),
        .executableTarget(
            name: "loupe",
            dependencies: [
                "LoupeServer", "LoupeDemo", "LoupeAnalytics", "LoupeDashboard", "LoupeStoreSQLite", "LoupeStoreClickHouse", "LoupeAlerts",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
            ],
            swiftSettings: settings
        ),
        .testTarget(
            name: "LoupeCoreTests",
            dependencies: ["LoupeCore"],
            // Labelled corpora, read through #filePath so the tests can print what they measured.
            exclude: ["Errors/Fixtures", "Privacy/Fixtures", "Statistics/References"],
            swiftSettings: settings
        ),
        .testTarget(
            name: "LoupeTests",
            dependencies: [
                "Loupe", "LoupeTesting", "LoupeOTLP",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
                .product(name: "InMemoryTracing", package: "swift-distributed-tracing"),
                .product(name: "InMemoryLogging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            swiftSettings: settings
        ),
        .testTarget(name: "LoupeTestingTests", dependencies: ["Loupe", "LoupeTesting"], swiftSettings: settings),
        .testTarget(
            name: "LoupeOTLPTests",
            dependencies: ["LoupeOTLP", .product(name: "SwiftProtobuf", package: "swift-protobuf")],
            swiftSettings: settings
        ),
        .testTarget(
            name: "LoupeStoreTests",
            dependencies: ["LoupeStore", "LoupeStoreSQLite", "LoupeStoreClickHouse", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: settings
        ),
        .testTarget(
            name: "LoupeAnalyticsTests",
            dependencies: ["LoupeAnalytics", "LoupeStore"],
            exclude: ["References"],
            swiftSettings: settings
        ),
        .testTarget(
            name: "LoupeAlertsTests",
            dependencies: ["LoupeAlerts", "LoupeAnalytics", "LoupeStore", "LoupeCore", .product(name: "Logging", package: "swift-log")],
            exclude: ["References"],
            swiftSettings: settings
        ),
        .testTarget(
            name: "LoupeDashboardTests",
            dependencies: ["LoupeDashboard", "LoupeAnalytics", "LoupeStore"],
            swiftSettings: settings
        ),
        .testTarget(
            name: "LoupeServerTests",
            dependencies: [
                "LoupeServer", "LoupeDemo", "LoupeTesting",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "InMemoryLogging", package: "swift-log"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
            ],
            // Read from the source tree by path: the TLS test's certificate and the script that made it.
            exclude: ["Fixtures"],
            swiftSettings: settings
        ),
    ]
)
