import Foundation
import FuzzDriver
import Ingest
import SiteConfig

/// An extraction rule's CSS selector (the first line of the input), checked and then applied to a
/// page (the rest of the input).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ input: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let data = input else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    let split = bytes.firstIndex(of: 0x0A) ?? bytes.count
    let selector = String(decoding: bytes[..<split], as: UTF8.self)
    let rule = ExtractionRule(host: "bao.example", content: selector, remove: [selector], title: selector)
    _ = rule.unsupportedSelectors
    let page = Array(bytes[min(split + 1, bytes.count)...])
    _ = try? HTMLExtractor(rules: [rule]).extract(page.isEmpty ? Array("<p>x</p>".utf8) : page, pageURL: "https://bao.example/a.htm",
                                                  defaultTimeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!)
    return 0
}

/// The entry point SwiftPM's link expects (see `FuzzDriver`).
@_cdecl("SelectorFuzzer_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv, fuzz)
}
