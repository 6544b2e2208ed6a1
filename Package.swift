// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "declass",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "DeclassKit", targets: ["DeclassKit"]),
        .library(name: "DeclassXML", targets: ["DeclassXML"]),
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
        // The HTML review page (`declass diff --format html`): built with Plot, every cable string escaped (SafeHTML).
        .target(
            name: "DeclassHTML",
            dependencies: [
                "DeclassKit",
                .product(name: "Plot", package: "Plot"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(name: "DeclassMatchTests", dependencies: ["DeclassMatch"]),
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "DeclassXML", dependencies: ["DeclassKit", "CLibXML2"], resources: [.copy("Schema")]),
        .testTarget(name: "DeclassXMLTests", dependencies: ["DeclassXML", "DeclassKit"], resources: [.copy("Fixtures")]),
        .executableTarget(
            name: "declass",
            dependencies: [
                "DeclassKit",
                "DeclassXML",
                "DeclassHTML",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "parse-bench",
            dependencies: ["DeclassKit", "DeclassXML"],
            path: "Benchmarks/ParseBench"
        ),
        .testTarget(
            name: "DeclassKitTests",
            dependencies: ["DeclassKit", "DeclassTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "DeclassPolicyTests", dependencies: ["DeclassKit"], resources: [.copy("Fixtures")]),
        .target(name: "DeclassTestSupport", path: "Tests/DeclassTestSupport"),
        .testTarget(name: "DeclassAuditTests", dependencies: ["DeclassKit", "DeclassTestSupport"]),
        .testTarget(name: "DeclassLeakTests", dependencies: ["DeclassKit", "DeclassTestSupport"]),
        .testTarget(name: "DeclassReleaseTests", dependencies: ["DeclassKit", "DeclassTestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "DeclassDiffTests",
            dependencies: ["DeclassKit", "DeclassHTML", .product(name: "Plot", package: "Plot")],
            resources: [.copy("Fixtures")]
        ),
    ]
)
