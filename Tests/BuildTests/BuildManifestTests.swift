@testable import Build
import Foundation
import Infrastructure
import XCTest

final class BuildManifestTests: XCTestCase {
    func testTheWrittenManifestReadsBackWhole() throws {
        var manifest = BuildManifest()
        manifest.inputs = .max
        manifest.output = "/tmp/Out \"put\""
        manifest.articles = 3
        manifest.files["a/index.html"] = .init(source: 1, bytes: .max - 1)
        manifest.files["Hà Nội/index.html"] = .init(source: 0, bytes: 42)
        manifest.issues = ["a/index.html": [.init(kind: "missingVariable", name: "x", template: "list", line: 3, column: 7)]]
        manifest.contentDiagnostics = [Diagnostic(path: "Content/a.md", line: 2, column: 1, severity: .warning, code: "c.d", message: "m")]
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        let output = URL(fileURLWithPath: manifest.output)
        manifest.save(site: site, output: output)
        let summary = try XCTUnwrap(BuildManifest.load(site: site, output: output))
        XCTAssertEqual(summary.files.count, 0, "a build with nothing to do does not read the file records")
        let read = try XCTUnwrap(summary.loadingFiles(site: site, output: output))
        XCTAssertEqual(read.inputs, .max)
        XCTAssertEqual(read.output, manifest.output)
        XCTAssertEqual(read.articles, 3)
        XCTAssertEqual(read.binary, manifest.binary)
        XCTAssertEqual(read.files["a/index.html"]?.bytes, .max - 1)
        XCTAssertEqual(read.files["Hà Nội/index.html"]?.bytes, 42)
        XCTAssertEqual(read.files.count, 2)
        XCTAssertNil(read.files["b/index.html"])
        XCTAssertEqual(read.issues["a/index.html"], manifest.issues["a/index.html"])
        XCTAssertEqual(read.contentDiagnostics, manifest.contentDiagnostics)
    }
}
