// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "declass",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "DeclassKit", targets: ["DeclassKit"]),
        .executable(name: "declass", targets: ["declass"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
    ],
    targets: [
        .target(
            name: "DeclassKit",
            dependencies: [
                "DeclassMatch",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .systemLibrary(
            name: "CVectorscan",
            path: "Sources/CVectorscan",
            pkgConfig: "libhs",
            providers: [.apt(["libvectorscan-dev"])]
        ),
        .target(name: "DeclassMatch", dependencies: ["CVectorscan"]),
        // The HTML review page (`declass diff --format html`): built with Plot, which escapes text.
        .target(
            name: "DeclassHTML",
            dependencies: [
                "DeclassKit",
                .product(name: "Plot", package: "Plot"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(name: "DeclassMatchTests", dependencies: ["DeclassMatch"]),
        .executableTarget(
            name: "declass",
            dependencies: [
                "DeclassKit",
                "DeclassHTML",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "parse-bench",
            dependencies: ["DeclassKit"],
            path: "Benchmarks/ParseBench"
        ),
        .testTarget(
            name: "DeclassKitTests",
            dependencies: ["DeclassKit"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "DeclassPolicyTests", dependencies: ["DeclassKit"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DeclassAuditTests", dependencies: ["DeclassKit"]),
        .testTarget(name: "DeclassLeakTests", dependencies: ["DeclassKit"]),
        .testTarget(name: "DeclassReleaseTests", dependencies: ["DeclassKit"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "DeclassDiffTests",
            dependencies: ["DeclassKit", "DeclassHTML", .product(name: "Plot", package: "Plot")],
            resources: [.copy("Fixtures")]
        ),
    ]
)
