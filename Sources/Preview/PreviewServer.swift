import Build
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import SiteConfig
#if canImport(Glibc)
import Glibc
#endif

/// A running preview of a site: built once, served on a local port, rebuilt on every change to
/// its sources, with open pages reloading themselves.
///
/// ```
/// let server = try await PreviewServer.start(PreviewOptions(site: site), logger: Logger(label: "preview"))
/// print(server.url)
/// try await server.wait()   // until SIGINT/SIGTERM (with `stopsOnSignals`) or `stop()`
/// ```
public final class PreviewServer: Sendable {
    /// The site's home page as served, with the site's base path: `http://127.0.0.1:1313/mirror/`.
    public let url: String
    /// Where the site is built.
    public let output: URL
    private let group: ServiceGroup
    /// Ends when the server has stopped and everything it made is cleaned up.
    private let finished: Task<PreviewError?, Never>

    private init(url: String, output: URL, group: ServiceGroup, finished: Task<PreviewError?, Never>) {
        self.url = url
        self.output = output
        self.group = group
        self.finished = finished
    }

    /// Listens on the first free port from `options.port`, builds the site and starts watching
    /// its sources. The site is served below the base path of its `site.yml`, and built with the
    /// base URL's host replaced by the server's, so links, aliases and feeds stay in the preview.
    /// What it has to say goes to `logger`: each build at `notice`, a build's problems as
    /// `error`s and `warning`s with their `location` in the metadata; the command line prints them.
    public static func start(_ options: PreviewOptions, logger: Logger) async throws(PreviewError) -> PreviewServer {
        let (output, privateFolder) = try prepareOutput(options)
        let basePath = basePath(site: options.site)
        guard let folder = ServedFolder(root: output.path, basePath: basePath) else {
            if let privateFolder { try? FileManager.default.removeItem(at: privateFolder) }
            throw .cannotPrepareOutput(path: output.path, reason: "it cannot be resolved")
        }
        let liveReload = LiveReload()
        let listening: Listening
        do {
            listening = try await listen(options, responder: PreviewResponder(folder: folder, liveReload: liveReload),
                                         liveReload: liveReload, logger: logger)
        } catch {
            if let privateFolder { try? FileManager.default.removeItem(at: privateFolder) }
            throw error
        }
        let url = "http://\(urlHost(options.host)):\(listening.port)\(basePath)"
        let build = Build(BuildOptions(site: options.site, output: output, baseURL: url, includeDrafts: options.includeDrafts,
                                       includeFuture: options.includeFuture, now: options.now))
        let rebuilder = Rebuilder(build: build, basePath: basePath, liveReload: liveReload, logger: logger)
        let batcher = ChangeBatcher(quietWindow: options.quietWindow)
        // Watching starts before the first build: a save made while it runs gets a rebuild.
        let watcher = watch(options, logger: logger) { batcher.add($0) }
        await rebuilder.rebuild(after: [])
        let rebuilding = Task { await rebuilder.run(batcher) }
        let finished = Task { () -> PreviewError? in
            let failure = await listening.running.value
            watcher.cancel()
            batcher.finish()
            await rebuilding.value
            if let privateFolder {
                build.forgetCache()
                try? FileManager.default.removeItem(at: privateFolder)
            }
            return failure.map { .stopped(reason: String(describing: $0)) }
        }
        return PreviewServer(url: url, output: output, group: listening.group, finished: finished)
    }

    /// Waits until the server stops (a signal, with `stopsOnSignals`, or `stop()`) and what it
    /// made is cleaned up: the port released, a private output folder and its cache removed.
    public func wait() async throws(PreviewError) {
        if let failure = await finished.value { throw failure }
    }

    /// Stops the server gracefully (open event streams are ended, then the listener) and waits
    /// for it, as a signal would.
    public func stop() async throws(PreviewError) {
        await group.triggerGracefulShutdown()
        try await wait()
    }

    /// The server group listening, its port, and the task running it (which returns the error
    /// that stopped it, if any).
    private struct Listening {
        let port: Int
        let group: ServiceGroup
        let running: Task<(any Error)?, Never>
    }

    /// Starts the server on `options.port`, or the next ports while they are taken.
    private static func listen(_ options: PreviewOptions, responder: PreviewResponder, liveReload: LiveReload,
                               logger: Logger) async throws(PreviewError) -> Listening {
        let attempts = options.port == 0 ? 1 : max(1, options.portAttempts)
        for attempt in 0..<attempts {
            let port = options.port == 0 ? 0 : options.port + attempt
            let (bound, boundContinuation) = AsyncStream<Int>.makeStream()
            let app = Application(responder: responder,
                                  configuration: ApplicationConfiguration(address: .hostname(options.host, port: port), serverName: nil),
                                  onServerRunning: { channel in boundContinuation.yield(channel.localAddress?.port ?? port) },
                                  logger: at(least: .warning, logger))
            // The group's own messages would repeat the errors handled here (a port taken).
            let group = ServiceGroup(configuration: ServiceGroupConfiguration(
                services: [.init(service: app), .init(service: LiveReloadShutdown(liveReload: liveReload))],
                gracefulShutdownSignals: options.stopsOnSignals ? [.sigint, .sigterm] : [],
                logger: at(least: .critical, logger)))
            let running = Task { () -> (any Error)? in
                defer { boundContinuation.finish() }
                do {
                    try await group.run()
                    return nil
                } catch {
                    return error
                }
            }
            var iterator = bound.makeAsyncIterator()
            if let port = await iterator.next() { return Listening(port: port, group: group, running: running) }
            let error = await running.value
            guard let error = error as? IOError, error.errnoCode == EADDRINUSE else {
                throw .cannotListen(host: options.host, port: port, reason: error.map { String(describing: $0) } ?? "the server stopped")
            }
            if attempt + 1 < attempts { logger.notice("port \(port) is taken; trying \(port + 1)") }
        }
        throw .portsTaken(host: options.host, ports: options.port...(options.port + attempts - 1))
    }

    /// `logger` letting through only `level` and above: the server logs each connection's start
    /// at `info`, and the service group repeats the errors handled here (a port taken).
    private static func at(least level: Logger.Level, _ logger: Logger) -> Logger {
        var quieter = logger
        quieter.logLevel = max(level, logger.logLevel)
        return quieter
    }

    /// The output folder, made if needed, and the private folder holding it when the user gave
    /// none (removed on stop).
    private static func prepareOutput(_ options: PreviewOptions) throws(PreviewError) -> (output: URL, privateFolder: URL?) {
        let privateFolder = options.output == nil
            ? FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-serve-\(UUID().uuidString)") : nil
        // The build's lock file goes beside the output, so the output is a folder inside the private one.
        let output = options.output ?? privateFolder!.appendingPathComponent("site")
        do {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            throw .cannotPrepareOutput(path: output.path, reason: error.localizedDescription)
        }
        return (output, privateFolder)
    }

    /// The base path of the site's `site.yml` (`/` when it has none, or cannot be read: the
    /// first build then reports why).
    private static func basePath(site: URL) -> String {
        SiteConfig.read(site: site)?.rootPath ?? "/"
    }

    /// The host as a URL names it: a wildcard address becomes the loopback one (the address a
    /// browser on this machine reaches), an IPv6 address goes in brackets.
    private static func urlHost(_ host: String) -> String {
        switch host {
        case "0.0.0.0": "127.0.0.1"
        case "::": "[::1]"
        default: host.contains(":") ? "[\(host)]" : host
        }
    }

    /// The sources with inotify where it works, else (or when asked) by polling; and a mirror's
    /// crawls by polling (`CrawlStamps`).
    private static func watch(_ options: PreviewOptions, logger: Logger, onChange: @escaping @Sendable ([String]) -> Void) -> any SourceWatcher {
        let site = options.site
        let crawls = StampPoller(interval: options.crawlPolling, stamps: { CrawlStamps.stamps(site: site) }, onChange: onChange)
        if case .polling(let interval) = options.watching {
            return Watchers(all: [StampPoller(site: options.site, output: options.output, interval: interval, onChange: onChange), crawls])
        }
        if let watcher = InotifyWatcher(site: options.site, output: options.output, onChange: onChange) { return Watchers(all: [watcher, crawls]) }
        logger.notice("inotify is not available here; polling for changes every half second")
        return Watchers(all: [StampPoller(site: options.site, output: options.output, interval: .milliseconds(500), onChange: onChange), crawls])
    }
}
