import ArgumentParser
import Logging

/// `--quiet` and `--verbose`, which every command that builds shares.
struct LogOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print only errors: no warnings, no summary line.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print the time and counts of each step, and each file the build changed.")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
    }

    /// The least important level the log writes: errors when quiet, everything when verbose.
    var level: Logger.Level { quiet ? .error : verbose ? .debug : .notice }

    /// The command's log, on standard error.
    var logger: Logger { StandardErrorLog.logger(level: level) }
}
