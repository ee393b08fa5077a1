// swift-tools-version:6.2
import PackageDescription

// SDK micro-benchmarks, kept out of the main package so the README's test command never builds them.
// Run with ./run.sh: allocations are counted by ordo-one's malloc interposer, preloaded on Linux.
let package = Package(
    name: "loupe-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "loupe", path: ".."),
        .package(url: "https://github.com/ordo-one/malloc-interposer.git", from: "1.6.1"),
        .package(url: "https://github.com/apple/swift-distributed-tracing.git", from: "1.7.3"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
    ],
    targets: [
        .executableTarget(
            name: "LoupeSDKBenchmarks",
            dependencies: [
                .product(name: "Loupe", package: "loupe"),
                .product(name: "LoupeOTLP", package: "loupe"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "MallocInterposerSwift", package: "malloc-interposer"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "InMemoryTracing", package: "swift-distributed-tracing"),
            ],
            swiftSettings: [.unsafeFlags(["-cross-module-optimization"])]
        )
    ]
)
