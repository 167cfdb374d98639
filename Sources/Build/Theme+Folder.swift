import Foundation
import Rendering

extension Theme {
    /// Reads a theme folder (a site's `Templates/`): every file but hidden ones. This is I/O, at
    /// the edge of a build; `Theme` itself makes a theme from bytes.
    static func load(folder: URL) throws(ThemeError) -> Theme {
        let base = folder.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else {
            throw ThemeError(path: "", message: "cannot read the theme folder")
        }
        var files: [String: [UInt8]] = [:]
        while let relative = enumerator.nextObject() as? String {
            if (relative as NSString).lastPathComponent.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            var isDirectory: ObjCBool = false
            let absolute = base + "/" + relative
            guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let data = FileManager.default.contents(atPath: absolute) else { continue }
            files[relative] = [UInt8](data)
        }
        return try Theme(files: files)
    }
}
