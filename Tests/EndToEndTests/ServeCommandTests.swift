import Foundation
import TestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `broadsheet serve` as a user runs it: it builds into a private folder, prints the URL, serves
/// the site, and on Ctrl-C (or SIGTERM) exits with status 0, its port released and its folder gone.
final class ServeCommandTests: XCTestCase {
    private var site: FixtureSite!
    /// The server's `TMPDIR`, so the test sees exactly the private folders it made.
    private var temporary: URL!

    override func setUpWithError() throws {
        site = try FixtureSite(copying: "valid")
        temporary = FileManager.default.temporaryDirectory.appendingPathComponent("serve-tmp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
    }

    override func tearDown() {
        site.remove()
        try? FileManager.default.removeItem(at: temporary)
    }

    private func serve(_ arguments: [String] = []) throws -> (process: RunningBroadsheet, port: Int) {
        let process = try RunningBroadsheet(["serve", "--port", "0"] + arguments, in: site.root, environment: ["TMPDIR": temporary.path])
        let line = try process.waitForLine(containing: "Serving")
        let port = try XCTUnwrap(line.split(separator: " ").compactMap { URL(string: String($0))?.port }.first, line)
        return (process, port)
    }

    private func privateFolders() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: temporary.path).filter { $0.hasPrefix("broadsheet-serve-") }
    }

    func testServeBuildsIntoAPrivateFolderAndSIGINTStopsItCleanly() throws {
        let (server, port) = try serve()
        XCTAssertTrue(server.text.contains("Serving . at http://127.0.0.1:\(port)/"), server.text)
        let home = try LoopbackHTTP.send("/", port: port)
        XCTAssertEqual(home.status, 200)
        XCTAssertTrue(home.text.contains("http://127.0.0.1:\(port)/"), "built with the server's address as its base URL")
        XCTAssertEqual(try privateFolders().count, 1)
        XCTAssertFalse(site.exists(""), "Output/ is left alone")

        server.signal(SIGINT)
        XCTAssertEqual(server.waitForExit(), 0, server.text)
        XCTAssertEqual(try privateFolders(), [], "the private folder is removed")
        XCTAssertThrowsError(try LoopbackHTTP.send("/", port: port, timeout: 1), "the port is released")
        let cache = site.root.appendingPathComponent(".broadsheet/cache").path
        XCTAssertEqual((try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? [], [], "no cache left for a folder that is gone")
    }

    func testQuietServePrintsItsAddressAndNoBuildLog() throws {
        let (server, port) = try serve(["--quiet"])
        server.signal(SIGTERM)
        XCTAssertEqual(server.waitForExit(), 0, server.text)
        XCTAssertTrue(server.text.contains("Serving . at http://127.0.0.1:\(port)/"), server.text)
        XCTAssertFalse(server.text.contains("built in"), server.text)
        XCTAssertFalse(server.text.contains("Stopped."), server.text)
        XCTAssertFalse(server.text.contains("warning:"), "the fixture's tag warning is left out: \(server.text)")
    }

    func testServeLogsTheFirstBuild() throws {
        let (server, _) = try serve()
        XCTAssertTrue(server.text.contains("built in "), server.text)
        server.signal(SIGTERM)
        XCTAssertEqual(server.waitForExit(), 0, server.text)
    }

    func testSIGTERMStopsItCleanlyToo() throws {
        let (server, _) = try serve()
        server.signal(SIGTERM)
        XCTAssertEqual(server.waitForExit(), 0, server.text)
        XCTAssertEqual(try privateFolders(), [])
    }

    func testAnOutputFolderGivenIsKept() throws {
        let output = site.root.appendingPathComponent("Preview")
        let (server, _) = try serve(["--output", output.path])
        server.signal(SIGINT)
        XCTAssertEqual(server.waitForExit(), 0, server.text)
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
    }

    func testATakenPortIsReportedAndTheNextOneTried() throws {
        let (socket, taken) = try listeningSocket()
        defer { close(socket) }
        let server = try RunningBroadsheet(["serve", "--port", String(taken)], in: site.root, environment: ["TMPDIR": temporary.path])
        XCTAssertEqual(try server.waitForLine(containing: "is taken"), "port \(taken) is taken; trying \(taken + 1)")
        let line = try server.waitForLine(containing: "Serving")
        let port = try XCTUnwrap(line.split(separator: " ").compactMap { URL(string: String($0))?.port }.first, line)
        XCTAssertNotEqual(port, taken)
        XCTAssertNoThrow(try EventStreamReader(port: port), "live reload works on the port finally taken")
        server.signal(SIGINT)
        XCTAssertEqual(server.waitForExit(), 0, server.text)
    }

    func testARebuildIsLoggedOnOneLine() throws {
        let (server, _) = try serve()
        try site.write("Content/world/hello.md", "---\ntitle: Hello again\ndate: 2021-10-02\n---\nNew text.\n")
        let line = try server.waitForLine(containing: "rebuilt after")
        XCTAssertTrue(line.hasPrefix("rebuilt after Content/world/hello.md in "), line)
        XCTAssertTrue(line.contains(" ms: ") && line.contains("written"), line)
        server.signal(SIGINT)
        XCTAssertEqual(server.waitForExit(), 0, server.text)
    }

    /// A socket listening on a free port of 127.0.0.1, as another program holding it would.
    private func listeningSocket() throws -> (Int32, Int) {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound, listen(socket, 1) == 0 else { throw XCTSkip("cannot hold a port for the test") }
        return (socket, Int(UInt16(bigEndian: address.sin_port)))
    }
}
