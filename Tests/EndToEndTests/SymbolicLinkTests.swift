import Foundation
import TestSupport
import XCTest

/// Symbolic links in the content folder are followed only when they stay inside the site folder.
final class SymbolicLinkTests: XCTestCase {
    func testLinksOutOfTheSiteAreSkippedWithAWarningAndLinksInsideAreCopiedAsFiles() throws {
        let site = try FixtureSite(copying: "valid")
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("outside-\(UUID().uuidString)")
        defer {
            site.remove()
            try? FileManager.default.removeItem(at: outside)
        }
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("---\ntitle: Rò rỉ\ndate: 2021-11-30\n---\nbí mật\n".utf8).write(to: outside.appendingPathComponent("leak.md"))
        try Data("secret".utf8).write(to: outside.appendingPathComponent("secret.txt"))
        try site.write("Other/inside.txt", "inside")
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: site.root.appendingPathComponent("Content/leak.md").path,
                                       withDestinationPath: outside.appendingPathComponent("leak.md").path)
        try manager.createSymbolicLink(atPath: site.root.appendingPathComponent("Content/kinh-te/secret.txt").path,
                                       withDestinationPath: outside.appendingPathComponent("secret.txt").path)
        try manager.createSymbolicLink(atPath: site.root.appendingPathComponent("Content/kinh-te/inside.txt").path,
                                       withDestinationPath: site.root.appendingPathComponent("Other/inside.txt").path)
        let result = try site.run(["build", "--no-cache"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("Content/leak.md: warning: symbolic link to a file outside the site folder"), result.stderr)
        XCTAssertTrue(result.stderr.contains("Content/kinh-te/secret.txt: warning: symbolic link"), result.stderr)
        XCTAssertFalse(site.exists("kinh-te/secret.txt"))
        for file in site.outputFiles() {
            let text = String(decoding: try Data(contentsOf: site.output.appendingPathComponent(file)), as: UTF8.self)
            XCTAssertFalse(text.contains("bí mật"), file)
        }
        let copied = site.output.appendingPathComponent("kinh-te/inside.txt").path
        XCTAssertEqual(try manager.attributesOfItem(atPath: copied)[.type] as? FileAttributeType, .typeRegular)
        XCTAssertEqual(try site.read("kinh-te/inside.txt"), "inside")
    }
}
