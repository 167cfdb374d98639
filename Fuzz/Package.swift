// swift-tools-version:6.0
// libFuzzer targets for the readers of untrusted input: front matter (YAML, TOML, JSON) with its
// Markdown, the Mustache parser, the HTML extractor, the date parser, the CSS selectors of
// extraction rules and the WARC reader. Outside the test suite on purpose: `make fuzz` builds them with
// `-sanitize=fuzzer,address` and runs each from its seed corpus in `Corpus/`.
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder, which differs between clones.
let broadsheet = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent

let package = Package(
    name: "Fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(name: "FrontMatterFuzzer", dependencies: ["FuzzDriver", .product(name: "Ingest", package: broadsheet)]),
        .executableTarget(name: "MustacheFuzzer", dependencies: ["FuzzDriver", .product(name: "Templating", package: broadsheet)]),
        .executableTarget(name: "HTMLExtractorFuzzer", dependencies: ["FuzzDriver", .product(name: "Ingest", package: broadsheet)]),
        .executableTarget(name: "DateFuzzer", dependencies: ["FuzzDriver", .product(name: "Ingest", package: broadsheet)]),
        .executableTarget(name: "WARCFuzzer", dependencies: ["FuzzDriver", .product(name: "Ingest", package: broadsheet)]),
        .executableTarget(
            name: "SelectorFuzzer",
            dependencies: ["FuzzDriver", .product(name: "Ingest", package: broadsheet), .product(name: "SiteConfig", package: broadsheet)]
        ),
    ]
)
