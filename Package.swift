// swift-tools-version:6.0
// Broadsheet: a batch static-site generator for news sites. The modules and how they depend on
// each other are described in README.md ("Layout").
import PackageDescription

let package = Package(
    name: "Broadsheet",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "broadsheet", targets: ["broadsheet"]),
        .library(name: "Templating", targets: ["Templating"]),
        // For the fuzz targets in Fuzz/, a package of their own.
        .library(name: "Ingest", targets: ["Ingest"]),
        .library(name: "SiteConfig", targets: ["SiteConfig"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // The preview server (`broadsheet serve`); swift-nio, swift-log and swift-service-lifecycle
        // come with it, and are named here because Preview uses them directly.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        // SHA-1 for the WARC-Payload-Digest of the test WARC writer; already built for Hummingbird.
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.0.0"),
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
        // zlib itself, not a Swift wrapper: reading a .warc.gz needs where each gzip member ends, a
        // bound on what one record inflates to, and random access into a single-stream file
        // (`Z_BLOCK`, `inflatePrime`, `inflateSetDictionary`), which compress-nio does not expose.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // libdeflate inflates a .warc.gz's members (one per record) two to three times as fast as
        // zlib, whole; zlib's stream stays for what must be read piece by piece. Debian ships it (1.14).
        .systemLibrary(
            name: "CLibDeflate",
            pkgConfig: "libdeflate",
            providers: [.apt(["libdeflate-dev"])]
        ),
        // libvips for the resized copies of content images (srcset): it streams an image through
        // its shrink instead of decoding it whole, so a large photo is never in memory at full size,
        // and it is thread-safe, so images are resized on every core. Debian ships it (8.14). It is
        // opened with dlopen when first needed (CLibVips/vips.c), not linked: its ninety shared
        // libraries would be loaded at every start of every command.
        .target(name: "CLibVips"),
        // A per-thread bump allocator that libxml2 allocates from while a page is extracted: its
        // nodes and strings were a fifth of an extraction's time in malloc and free.
        .target(name: "CArena"),
        // UTF-8 validation 32 bytes at a time (AVX2, with a scalar fallback): every page a mirror reads
        // is checked before libxml2 parses it, and a sequence at a time that was the largest single
        // cost of reading a crawl.
        .target(name: "CUTF8"),
        .target(name: "Infrastructure"),
        .target(name: "Templating"),
        .target(name: "SiteConfig", dependencies: ["Infrastructure", .product(name: "Yams", package: "Yams")]),
        .target(
            name: "Ingest",
            dependencies: ["CArena", "CCmarkGFM", "CLibXML2", "CLibDeflate", "CUTF8", "CZlib", "Infrastructure", "SiteConfig", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "ContentGraph", dependencies: ["Infrastructure", "Ingest", "SiteConfig"]),
        .target(
            name: "Rendering",
            dependencies: ["Infrastructure", "SiteConfig", "ContentGraph", "Templating", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "Build",
            dependencies: ["CLibVips", "Infrastructure", "SiteConfig", "Templating", "Ingest", "ContentGraph", "Rendering"]
        ),
        .target(
            name: "Preview",
            dependencies: [
                "Infrastructure", "SiteConfig", "Ingest", "Build",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "broadsheet",
            dependencies: [
                "Infrastructure", "SiteConfig", "Templating", "Ingest", "Rendering", "Build", "Preview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // mimalloc in place of glibc's malloc, for the whole process: a build of 10,000 articles
            // takes about 6% less time and CPU (its threads allocate many small strings and arrays,
            // which glibc's arenas serve slowly), for 8 MiB more at the peak. Debian ships it (2.0.9);
            // gperftools' TCMalloc was as fast but cost 3 ms more at every start.
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        .target(
            name: "TestSupport",
            dependencies: ["CZlib", .product(name: "Crypto", package: "swift-crypto")],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "InfrastructureTests", dependencies: ["Infrastructure", "TestSupport"]),
        .testTarget(name: "SiteConfigTests", dependencies: ["SiteConfig", "TestSupport", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "TemplatingTests", dependencies: ["Templating", "TestSupport"]),
        .testTarget(name: "IngestTests", dependencies: ["CArena", "CUTF8", "Ingest", "Infrastructure", "SiteConfig", "TestSupport"]),
        .testTarget(name: "ContentGraphTests", dependencies: ["ContentGraph", "Ingest", "Infrastructure", "SiteConfig", "TestSupport"]),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering", "ContentGraph", "Ingest", "Infrastructure", "SiteConfig", "Templating", "TestSupport"]),
        .testTarget(name: "BuildTests", dependencies: ["Build", "ContentGraph", "Infrastructure", "Ingest", "Rendering", "SiteConfig", "TestSupport"]),
        .testTarget(name: "PreviewTests", dependencies: ["Preview", "Build", "Infrastructure", "TestSupport",
                                                  .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "EndToEndTests", dependencies: ["broadsheet", "TestSupport"]),
    ]
)
