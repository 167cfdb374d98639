import Foundation

/// What `broadsheet serve` is asked to do: which site, where to listen, what to build.
public struct PreviewOptions: Sendable {
    /// How changes to the site's sources are noticed.
    public enum Watching: Sendable, Equatable {
        /// inotify where the system has it, else polling every half second.
        case automatic
        /// Comparing the size and times of every source file at this interval: slower to notice
        /// and costlier, but it works on file systems that send no events (network mounts).
        case polling(Duration)
    }

    /// The site folder: `Content/`, optional `Templates/` and `site.yml`.
    public var site: URL
    /// The address to listen on; only the loopback address unless the user asks for another.
    public var host: String
    /// The first port tried; 0 lets the system choose a free one.
    public var port: Int
    /// How many ports from `port` on are tried when it is taken.
    public var portAttempts: Int
    /// Where the site is built; nil builds into a private temporary folder, removed on stop.
    public var output: URL?
    /// Builds drafts too.
    public var includeDrafts: Bool
    /// Builds articles dated after "now" too.
    public var includeFuture: Bool
    /// "Now", seconds since 1970, when the caller fixes it (`SOURCE_DATE_EPOCH`).
    public var now: Int64?
    /// How long the sources must stay unchanged before a rebuild starts: an editor's
    /// write-then-rename or a `git checkout` is one burst of events and becomes one rebuild.
    public var quietWindow: Duration
    /// How changes are noticed.
    public var watching: Watching
    /// How often a mirror's crawls are compared with what they were (`CrawlStamps`).
    public var crawlPolling: Duration
    /// Stops gracefully on SIGINT and SIGTERM (the command line); tests stop the server themselves.
    public var stopsOnSignals: Bool

    /// Makes options; by default the server listens on 127.0.0.1:1313 and tries the next nine
    /// ports when that one is taken.
    public init(site: URL, host: String = "127.0.0.1", port: Int = 1313, portAttempts: Int = 10, output: URL? = nil,
                includeDrafts: Bool = false, includeFuture: Bool = false, now: Int64? = nil,
                quietWindow: Duration = .milliseconds(50), watching: Watching = .automatic, crawlPolling: Duration = .seconds(2),
                stopsOnSignals: Bool = false) {
        self.site = site
        self.host = host
        self.port = port
        self.portAttempts = portAttempts
        self.output = output
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
        self.now = now
        self.quietWindow = quietWindow
        self.watching = watching
        self.crawlPolling = crawlPolling
        self.stopsOnSignals = stopsOnSignals
    }

    /// True when `host` is a loopback address, reachable from this machine only.
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
