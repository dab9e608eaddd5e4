// swift-tools-version:6.2
import PackageDescription

/// Settings every Mentalize target compiles with: Swift 6 language mode (the tools default),
/// the upcoming features named in docs/architecture.md, and warnings treated as errors.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "mentalize",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "mentalize", targets: ["mentalize"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    ],
    targets: [
        // Pure domain: no web, no database.
        .target(
            name: "MentalizeCore",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),
        // Vapor web layer, persistence, security and commands.
        .target(
            name: "MentalizeApp",
            dependencies: [
                "MentalizeCore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),
        // The thin `mentalize` command.
        .executableTarget(
            name: "mentalize",
            dependencies: ["MentalizeApp"],
            swiftSettings: strictSettings
        ),
        // Performance harness for the mentalizing analyzer (see Benchmarks/README.md).
        .executableTarget(
            name: "analyzer-benchmark",
            dependencies: ["MentalizeCore"],
            path: "Benchmarks/Analyzer",
            swiftSettings: strictSettings
        ),
        // Performance harness for measurement: scoring and the outcome page (see Benchmarks/README.md).
        .executableTarget(
            name: "measures-benchmark",
            dependencies: ["MentalizeApp"],
            path: "Benchmarks/Measures",
            swiftSettings: strictSettings
        ),
        // Performance harness for scheduling: the week view and caseload dashboard (see Benchmarks/README.md).
        .executableTarget(
            name: "sessions-benchmark",
            dependencies: ["MentalizeApp"],
            path: "Benchmarks/Sessions",
            swiftSettings: strictSettings
        ),
        // The untrusted-input parsers as fuzz targets: a replay of saved inputs in normal builds,
        // libFuzzer's entry when built by scripts/fuzz (-sanitize=fuzzer -D FUZZING).
        .executableTarget(
            name: "fuzz-inputs",
            dependencies: ["MentalizeApp", "MentalizeCore", .product(name: "Crypto", package: "swift-crypto")],
            path: "Tests/Fuzz/Harness",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MentalizeCoreTests",
            dependencies: ["MentalizeCore"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MentalizeAppTests",
            dependencies: [
                "MentalizeApp",
                "MentalizeCore",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)
