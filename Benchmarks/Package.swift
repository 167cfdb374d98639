// swift-tools-version:6.0
// Renders the news page of shared/bench/templates with Broadsheet's Templating and with
// swift-mustache 2.1.1 from the same data, and prints how long each takes. Outside the test
// suite on purpose: run it with `make bench-templates` (release build, ~1 minute on 2 cores).
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder, which differs between clones.
let broadsheet = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent

let package = Package(
    name: "Benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
    ],
    targets: [
        .executableTarget(
            name: "TemplateBenchmark",
            dependencies: [
                .product(name: "Templating", package: broadsheet),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        )
    ]
)
