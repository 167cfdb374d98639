import Foundation
import TestSupport
import XCTest

/// No request reads outside the served folder: each way of spelling "the folder above", and
/// symbolic links pointing out of it, get the site's 404, never the file.
final class PathSafetyTests: XCTestCase {
    private var preview: PreviewedSite!
    private let secret = "bí mật ngoài thư mục"

    override func setUp() async throws {
        preview = try await PreviewedSite()
        let output = preview.server.output
        // Beside the served folder, where `..` would lead.
        try secret.write(to: output.deletingLastPathComponent().appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("leak.txt").path,
                                                   withDestinationPath: output.deletingLastPathComponent().appendingPathComponent("secret.txt").path)
        try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("leak-folder").path,
                                                   withDestinationPath: output.deletingLastPathComponent().path)
    }

    override func tearDown() async throws {
        try await preview?.stop()
    }

    private func assertNotServed(_ target: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let reply = try preview.request(target)
        XCTAssertEqual(reply.status, 404, target, file: file, line: line)
        XCTAssertFalse(reply.text.contains(secret), "\(target) read the file outside", file: file, line: line)
    }

    func testDotDotSegmentsAreNotServed() throws {
        try assertNotServed("/../secret.txt")
        try assertNotServed("/tags/../../secret.txt")
    }

    func testPercentEncodedDotsAreNotServed() throws {
        try assertNotServed("/%2e%2e/secret.txt")
        try assertNotServed("/%2E%2E/secret.txt")
        try assertNotServed("/.%2e/secret.txt")
    }

    func testDoubleEncodedDotsAreDecodedOnceAndNotServed() throws {
        try assertNotServed("/%252e%252e/secret.txt")
        try assertNotServed("/%252e%252e%252fsecret.txt")
    }

    func testEncodedSlashesAndBackslashesAreNotServed() throws {
        try assertNotServed("/..%2fsecret.txt")
        try assertNotServed("/..%5csecret.txt")
        try assertNotServed("/..%5C..%5Csecret.txt")
    }

    func testNULBytesAreNotServed() throws {
        try assertNotServed("/index.html%00.css")
        try assertNotServed("/%00/../secret.txt")
    }

    func testOverlongPathsAreNotServed() throws {
        try assertNotServed("/" + String(repeating: "a/", count: 1100) + "index.html")
        try assertNotServed("/" + String(repeating: "a", count: 300))
    }

    func testSymbolicLinksPointingOutsideAreNotServed() throws {
        try assertNotServed("/leak.txt")
        try assertNotServed("/leak-folder/secret.txt")
    }

    func testATargetThatIsNotAnAbsolutePathIsNotServed() throws {
        try assertNotServed("http://127.0.0.1/../secret.txt")
        try assertNotServed("*")
    }

    func testTheSiteStillServesAroundThem() throws {
        XCTAssertEqual(try preview.request("/tags/").status, 200)
    }
}
