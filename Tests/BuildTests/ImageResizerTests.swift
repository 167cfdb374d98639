@testable import Build
import Foundation
import Infrastructure
import Rendering
import Synchronization
import TestSupport
import XCTest

/// Resized copies of content images (Fixtures/srcset): which widths an image gets, and that the
/// copies libvips writes have those widths.
final class ImageResizerTests: XCTestCase {
    private var site: URL!

    override func setUpWithError() throws {
        site = FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-resize-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: site)
    }

    private func image(_ name: String) throws -> SourceFile {
        let file = Repository.fixture("srcset/Content/images/\(name)").path
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: file)[.size] as? Int)
        return SourceFile(path: "images/\(name)", sourcePath: file, size: size)
    }

    private func size(ofFile path: String) throws -> ImageSize? {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        return ImageHeader.size(isSVG: false) { offset, count in
            offset >= bytes.count ? [] : Array(bytes[offset..<min(bytes.count, offset + count)])
        }
    }

    func testAWideImageGetsACopyOfEachNarrowerWidthInProportion() throws {
        let wide = try image("wide.png")
        let reader = ImageSizeReader(assets: [wide])
        XCTAssertEqual(reader.variantWidths(of: wide.path), [480, 800, 1200])
        let resizer = ImageResizer(site: site)
        for width in [480, 800, 1200] {
            let copy = try resizer.copy(of: wide.sourcePath, shown: wide.path, stamp: 1, width: width)
            XCTAssertTrue(copy.made)
            XCTAssertTrue(copy.path.hasSuffix("-\(width)w.png"), copy.path)
            XCTAssertEqual(try size(ofFile: copy.path), ImageSize(width: width, height: width * 1000 / 1600))
        }
    }

    func testAnImageNarrowerThanEveryWidthGetsNoCopies() throws {
        let narrow = try image("narrow.png")
        XCTAssertEqual(ImageSizeReader(assets: [narrow]).variantWidths(of: narrow.path), [])
    }

    func testACopyIsMadeOnceThenTakenFromTheCache() throws {
        let wide = try image("wide.png")
        let resizer = ImageResizer(site: site)
        let first = try resizer.copy(of: wide.sourcePath, shown: wide.path, stamp: 7, width: 480)
        let again = try resizer.copy(of: wide.sourcePath, shown: wide.path, stamp: 7, width: 480)
        XCTAssertTrue(first.made)
        XCTAssertFalse(again.made)
        XCTAssertEqual(first.path, again.path)
        XCTAssertTrue(first.path.hasPrefix(site.appendingPathComponent(".broadsheet/cache/images").path))
    }

    func testTheSameSourceGivesTheSameBytes() throws {
        let wide = try image("wide.png")
        let one = try ImageResizer(site: site).copy(of: wide.sourcePath, shown: wide.path, stamp: 1, width: 800)
        let other = try ImageResizer(site: site.appendingPathComponent("other")).copy(of: wide.sourcePath, shown: wide.path, stamp: 1, width: 800)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: one.path)), try Data(contentsOf: URL(fileURLWithPath: other.path)))
    }

    /// libvips is shared by the threads of a build: copies made at once on many threads are each
    /// whole and the same.
    func testCopiesMadeAtOnceOnManyThreadsAreTheSame() throws {
        let wide = try image("wide.png")
        let targets = (0..<16).map { site.appendingPathComponent("copy-\($0).png").path }
        let failures = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: targets.count) { index in
            do { try ImageResizer.resize(wide.sourcePath, shown: wide.path, width: 480 + index % 2 * 320, to: targets[index]) } catch {
                failures.withLock { $0 += 1 }
            }
        }
        XCTAssertEqual(failures.withLock { $0 }, 0)
        let bytes = try targets.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        for index in bytes.indices.dropFirst(2) { XCTAssertEqual(bytes[index], bytes[index % 2], "copy \(index)") }
        XCTAssertEqual(try size(ofFile: targets[1]), ImageSize(width: 800, height: 500))
    }

    /// An image published at two paths (a Hugo bundle's, beside its folder and its page) asks for
    /// the same cached copy from two threads at once: both get it, and neither fails because the
    /// other renamed its half-written file first.
    func testTheSameCopyAskedForOnManyThreadsAtOnceIsMadeForAll() throws {
        let wide = try image("wide.png")
        let resizer = ImageResizer(site: site)
        let paths = Mutex<[String]>([])
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 12) { _ in
            do {
                let copy = try resizer.copy(of: wide.sourcePath, shown: wide.path, stamp: 9, width: 480)
                paths.withLock { $0.append(copy.path) }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        XCTAssertEqual(failures.withLock { $0 }, [])
        XCTAssertEqual(Set(paths.withLock { $0 }).count, 1)
        XCTAssertEqual(try size(ofFile: paths.withLock { $0[0] }), ImageSize(width: 480, height: 300))
        let left = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent(".broadsheet/cache/images").path)
        XCTAssertEqual(left.filter { $0.hasSuffix(".partial") }, [], "no half-written file is left behind")
    }

    func testACopysPathTakesTheWidthBeforeTheExtension() {
        XCTAssertEqual(ImageVariants.path("images/a.b/photo.jpg", width: 480), "images/a.b/photo-480w.jpg")
        XCTAssertNil(ImageVariants.path("images/a.b/photo", width: 480), "no extension")
        XCTAssertNil(ImageVariants.path("/images/photo.jpg?v=2", width: 480), "a query")
        XCTAssertEqual(ImageVariants.srcset(url: "/i/p.png", ownWidth: 900, widths: [480, 800]),
                       "/i/p-480w.png 480w, /i/p-800w.png 800w, /i/p.png 900w")
        XCTAssertNil(ImageVariants.srcset(url: "/i/p.png", ownWidth: 300, widths: []))
    }
}
