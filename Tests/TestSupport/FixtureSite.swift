import Foundation
import XCTest

/// A small site in a temporary folder for one test — written by the test, or copied from a
/// fixture site kept on disk (`Tests/Fixtures/<name>`) — and the real `broadsheet` binary run on it.
public struct FixtureSite: Sendable {
    /// The site folder.
    public let root: URL

    /// An empty site folder.
    public init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    /// A copy of the fixture site `Tests/Fixtures/<name>`, so a test can edit it freely.
    public init(copying name: String) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-e2e-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Repository.fixture(name), to: root)
    }

    /// A copy of the fixture site `Tests/Fixtures/<name>`, built once with `broadsheet build`;
    /// a build that does not succeed is an error naming what it printed.
    public static func built(copying name: String) throws -> FixtureSite {
        let site = try FixtureSite(copying: name)
        let result = try site.run(["build"])
        guard result.status == 0 else {
            throw NSError(domain: "FixtureSite", code: Int(result.status), userInfo: [NSLocalizedDescriptionKey: result.stderr])
        }
        return site
    }

    /// The default output folder.
    public var output: URL { root.appendingPathComponent("Output") }

    /// Writes a text file below the site folder.
    public func write(_ relativePath: String, _ text: String) throws {
        try write(relativePath, Data(text.utf8))
    }

    /// Writes a file below the site folder.
    public func write(_ relativePath: String, _ data: Data) throws {
        let url = root.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// Reads an output file as text.
    public func read(_ outputPath: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(outputPath), encoding: .utf8)
    }

    /// Whether the output holds a file or folder at `outputPath`.
    public func exists(_ outputPath: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(outputPath).path)
    }

    /// Every file below the output folder, relative to it, sorted.
    public func outputFiles() -> [String] {
        let base = output.path
        let enumerator = FileManager.default.enumerator(atPath: base)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(path)
            }
        }
        return files.sorted()
    }

    /// Deletes the site folder.
    public func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// Runs the binary pinned to one core with `taskset`; nil when the machine has no `taskset`.
    public func runOnOneCore(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String)? {
        let taskset = URL(fileURLWithPath: "/usr/bin/taskset")
        guard FileManager.default.isExecutableFile(atPath: taskset.path) else { return nil }
        return try Broadsheet.run(["-c", "0", Broadsheet.binary.path] + arguments, in: root, executable: taskset)
    }

    /// Runs the binary with arguments; returns its exit status, standard output and standard error.
    public func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        try Broadsheet.run(arguments, in: root, environment: environment)
    }
}

/// The real executable, built beside the test bundle.
public enum Broadsheet {
    /// The `broadsheet` executable of this build.
    public static var binary: URL {
        let candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
            + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        for folder in candidates {
            let url = folder.appendingPathComponent("broadsheet")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return Repository.root.appendingPathComponent(".build/debug/broadsheet")
    }

    /// Runs the binary (or another `executable` that runs it) in `folder`; returns its exit
    /// status, standard output and standard error.
    public static func run(_ arguments: [String], in folder: URL, environment: [String: String] = [:], executable: URL? = nil) throws
        -> (status: Int32, stdout: String, stderr: String)
    {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, given in given }
        process.currentDirectoryURL = folder
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Standard error is read on another thread while standard output is read here, so a
        // chatty build cannot fill one pipe and stall while the other is waited on.
        let errors = PipeReader(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.wait()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}

/// Reads a pipe to its end on a thread of its own.
private final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
