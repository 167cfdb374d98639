import ArgumentParser
import Foundation
import Logging
import Preview

/// `broadsheet serve`: builds the site, serves it on this machine and rebuilds it on every save,
/// with open pages reloading themselves.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it on this machine and rebuild it on every change.",
        discussion: """
        The site is built into a private temporary folder (removed on exit) with its base URL's \
        host replaced by the server's address, so links and feeds stay in the preview; its path \
        (such as /mirror/) is kept. Changes to Content/, Templates/ and site.yml rebuild it; open \
        pages reload when their file changed and show build errors over the page. Ctrl-C stops it.

        Examples:
          broadsheet serve
          broadsheet serve --site my-paper --port 8080 --open
        """
    )

    @Option(help: "The site folder, holding Content/, Templates/ and site.yml.", completion: .directory)
    var site: String = "."

    @Option(help: "The port to listen on; the next nine are tried when it is taken (0: any free port).")
    var port = 1313

    @Option(help: "The address to listen on. Any but a loopback address lets other machines read the site.")
    var host = "127.0.0.1"

    @Flag(help: "Build drafts too.")
    var drafts = false

    @Flag(help: "Build articles dated after SOURCE_DATE_EPOCH too.")
    var future = false

    @Option(help: "Build into this folder and keep it (default: a private temporary folder, removed on exit).", completion: .directory)
    var output: String?

    @Flag(help: "Open the site in the default browser.")
    var open = false

    @OptionGroup var logOptions: LogOptions

    func run() async throws {
        let now: Int64?
        do {
            now = try SiteOptions.sourceDateEpoch()
        } catch {
            for diagnostic in error.diagnostics { printError(diagnostic.description) }
            throw ExitCode(2)
        }
        let options = PreviewOptions(site: URL(fileURLWithPath: site), host: host, port: port, output: output.map { URL(fileURLWithPath: $0) },
                                     includeDrafts: drafts, includeFuture: future, now: now, stopsOnSignals: true)
        let logger = logOptions.logger
        if !options.isLoopback {
            logger.warning("listening on \(host), not on a loopback address: anyone who can reach this machine can read the site")
        }
        let server: PreviewServer
        do {
            server = try await PreviewServer.start(options, logger: logger)
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
        // On standard output even with --quiet: with --port 0 it is the only way to learn the address.
        printLine("Serving \(site) at \(server.url) (Ctrl-C to stop)")
        if open { Self.openInBrowser(server.url, logger: logger) }
        do {
            try await server.wait()
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
        logger.notice("Stopped.")
    }

    /// Opens the URL with the desktop's `xdg-open`, when there is one; the URL is printed anyway.
    private static func openInBrowser(_ url: String, logger: Logger) {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { String($0) + "/xdg-open" }
        guard let opener = paths.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            logger.warning("cannot open a browser (no xdg-open); open \(url) yourself")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opener)
        process.arguments = [url]
        do { try process.run() } catch { logger.warning("cannot open a browser: \(error.localizedDescription)") }
    }
}

/// Writes a line to standard output at once: a preview runs for hours, and its log must not wait
/// in a buffer when the output is a pipe.
func printLine(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
