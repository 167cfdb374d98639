/// Why a preview could not start or stopped on its own: each case names what it was about.
public enum PreviewError: Error, Sendable, CustomStringConvertible {
    /// Every port tried on the host was taken.
    case portsTaken(host: String, ports: ClosedRange<Int>)
    /// The server could not listen at an address for another reason (an unknown host, a port
    /// below 1024 without the right).
    case cannotListen(host: String, port: Int, reason: String)
    /// The folder the site is built into could not be made.
    case cannotPrepareOutput(path: String, reason: String)
    /// The running server stopped with an error.
    case stopped(reason: String)

    /// The error as the command line prints it.
    public var description: String {
        switch self {
        case .portsTaken(let host, let ports):
            "\(host): error: ports \(ports.lowerBound)–\(ports.upperBound) are all taken; choose another with --port"
        case .cannotListen(let host, let port, let reason):
            "\(host):\(port): error: cannot listen: \(reason)"
        case .cannotPrepareOutput(let path, let reason):
            "\(path): error: cannot prepare the output folder: \(reason)"
        case .stopped(let reason):
            "error: the server stopped: \(reason)"
        }
    }
}
