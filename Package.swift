// swift-tools-version:6.0
// Broadsheet: a batch static-site generator for news sites. See ../shared/DESIGN.md for the architecture.
import PackageDescription

let package = Package(
    name: "Broadsheet",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "broadsheet", targets: ["broadsheet"]),
        .library(name: "Templating", targets: ["Templating"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "SiteConfig", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(name: "Templating"),
        .target(
            name: "Ingest",
            dependencies: ["CCmarkGFM", "CLibXML2", "SiteConfig", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "ContentGraph", dependencies: ["Ingest", "SiteConfig"]),
        .target(
            name: "Rendering",
            dependencies: ["SiteConfig", "Ingest", "ContentGraph", "Templating", .product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "broadsheet",
            dependencies: [
                "SiteConfig", "Templating", "Ingest", "ContentGraph", "Rendering",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SiteConfigTests", dependencies: ["SiteConfig"]),
        .testTarget(name: "TemplatingTests", dependencies: ["Templating"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "SiteConfig"]),
        .testTarget(name: "ContentGraphTests", dependencies: ["ContentGraph", "Ingest", "SiteConfig"]),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering", "ContentGraph", "Ingest", "SiteConfig", "Templating"]),
        .testTarget(name: "EndToEndTests", dependencies: ["broadsheet"]),
    ]
)
