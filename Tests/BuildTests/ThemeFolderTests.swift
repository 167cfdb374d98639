@testable import Build
import Rendering
import TestSupport
import XCTest

final class ThemeFolderTests: XCTestCase {
    /// The binary carries the repository's `Templates/`; `make theme` regenerates the copy.
    func testBuiltInThemeMatchesTheTemplatesFolder() throws {
        let folder = Repository.root.appendingPathComponent("Templates")
        let onDisk = try Theme.load(folder: folder)
        let builtIn = try Theme.builtIn()
        XCTAssertEqual(builtIn.templates, onDisk.templates, "run `make theme` after editing Templates/")
        XCTAssertEqual(builtIn.assets, onDisk.assets, "run `make theme` after editing Templates/")
        XCTAssertEqual(builtIn.strings, onDisk.strings, "run `make theme` after editing Templates/")
        XCTAssertNotNil(builtIn.templates["article"])
        XCTAssertNotNil(builtIn.templates["list"])
        XCTAssertNotNil(builtIn.templates["tags"])
    }
}
