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
    ],
    targets: [
        .target(name: "DeclassKit"),
        .executableTarget(
            name: "declass",
            dependencies: [
                "DeclassKit",
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
    ]
)
