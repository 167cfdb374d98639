import Foundation
import FuzzDriver
import Ingest

/// A date as pages and front matter print it: the free-text parser, and the strict ISO reader
/// through a front matter `date:`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ input: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let data = input else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    let zone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
    _ = DateParser.parse(text, defaultTimeZone: zone)
    let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
    _ = MarkdownReader(timeZone: zone).read(Array("---\ntitle: t\ndate: \"\(line.replacingOccurrences(of: "\"", with: ""))\"\n---\n".utf8), path: "d.md")
    return 0
}

/// The entry point SwiftPM's link expects (see `FuzzDriver`).
@_cdecl("DateFuzzer_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv, fuzz)
}
