// swift-tools-version:6.2
import PackageDescription

// libFuzzer harnesses for everything that reads bytes from the network: the OTLP protobuf reader,
// the OTLP JSON decoder, and the gzip body path, each followed by normalisation and enrichment.
// Kept out of the main package: they build only with `-sanitize=fuzzer` (see README.md here).
/// gold, the default linker here, fails on the fuzzer build's debug information; lld links it.
let lld: [LinkerSetting] = [.unsafeFlags(["-use-ld=lld"])]

let package = Package(
    name: "loupe-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "loupe", path: ".."),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
    ],
    targets: [
        .target(
            name: "FuzzSupport",
            dependencies: [
                .product(name: "LoupeOTLP", package: "loupe"),
                .product(name: "LoupeCore", package: "loupe"),
                .product(name: "LoupeServer", package: "loupe"),
                .product(name: "LoupeStore", package: "loupe"),
            ]
        ),
        .executableTarget(name: "FuzzProtobuf", dependencies: ["FuzzSupport"], linkerSettings: lld),
        .executableTarget(name: "FuzzJSON", dependencies: ["FuzzSupport"], linkerSettings: lld),
        .executableTarget(
            name: "FuzzGzipBody",
            dependencies: [
                "FuzzSupport", .product(name: "NIOCore", package: "swift-nio"), .product(name: "CompressNIO", package: "compress-nio"),
            ],
            linkerSettings: lld
        ),
    ]
)
