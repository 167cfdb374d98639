import Foundation
import FuzzDriver
import Ingest

/// A crawled page: parsed, its metadata read, its body found, cleaned and sanitized.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ input: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let data = input else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    _ = try? HTMLExtractor().extract(bytes, pageURL: "https://bao.example/a.htm", defaultTimeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!)
    return 0
}

/// The entry point SwiftPM's link expects (see `FuzzDriver`).
@_cdecl("HTMLExtractorFuzzer_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv, fuzz)
}
