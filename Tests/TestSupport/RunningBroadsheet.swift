import Foundation

/// The real `broadsheet` binary running in the background (`serve`), its output collected as it
/// comes, so a test can wait for a line, signal it and wait for its exit, each for a few seconds
/// at most. It is killed when the test lets go of it, so no server outlives its test.
public final class RunningBroadsheet: @unchecked Sendable {
    private let process: Process
    /// Written by the pipe's handler thread, read by the test: under `lock`.
    private var collected = ""
    private let lock = NSLock()

    /// Starts the binary with `arguments` in `folder`.
    public init(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws {
        process = Process()
        process.executableURL = Broadsheet.binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, given in given }
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self else { return }
            lock.withLock { collected += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    /// Everything it printed so far, standard output and standard error together.
    public var text: String { lock.withLock { collected } }

    /// The process id.
    public var processIdentifier: Int32 { process.processIdentifier }

    /// Waits until the output holds a line containing `fragment`, and returns that line.
    public func waitForLine(containing fragment: String, timeout: TimeInterval = 10) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let line = text.split(separator: "\n").first(where: { $0.contains(fragment) }) { return String(line) }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw LoopbackHTTP.Failure(description: "no line with '\(fragment)' in: \(text)")
    }

    /// Sends a signal (`SIGINT`, `SIGTERM`).
    public func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// Waits for the process to end and returns its exit status; nil when it is still running
    /// after `timeout` (then it is killed).
    public func waitForExit(timeout: TimeInterval = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        guard !process.isRunning else {
            process.terminate()
            return nil
        }
        return process.terminationStatus
    }
}
