import ArgumentParser
import Foundation

/// The options `build` and `mirror` share: where the site is written and how.
struct OutputOptions: ParsableArguments {
    @Option(help: "Where to write the site (default: Output/ in the site folder).", completion: .directory)
    var output: String?

    @Flag(help: "Replace the output folder even when it holds files Broadsheet did not write.")
    var force = false

    @Flag(name: .customLong("no-cache"), help: "Build from scratch and keep no cache in .broadsheet/cache/.")
    var noCache = false

    @Flag(help: "Print the wall time of each build step to standard error.")
    var timings = false

    /// The output folder given, if any.
    var outputURL: URL? { output.map { URL(fileURLWithPath: $0) } }
}
