import Foundation
import FuzzDriver
import Ingest

/// A Markdown file: front matter in any of the three syntaxes (the first bytes choose), then a body.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ input: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let data = input else { return 0 }
    let reader = MarkdownReader(timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!, legacyEncoding: "WINDOWS-1258")
    _ = reader.read(Array(UnsafeBufferPointer(start: data, count: count)), path: "fuzz/bai.md")
    return 0
}

/// The entry point SwiftPM's link expects (see `FuzzDriver`).
@_cdecl("FrontMatterFuzzer_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv, fuzz)
}
