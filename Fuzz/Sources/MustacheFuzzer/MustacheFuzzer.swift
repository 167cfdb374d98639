import FuzzDriver
import Templating

/// A template source, compiled, then rendered against a small context with a partial that is the
/// template itself (so recursion limits are exercised too).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ input: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let data = input else { return 0 }
    let source = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    guard let library = try? TemplateLibrary(sources: ["page": source, "self": source]) else { return 0 }
    let context: TemplateValue = ["title": "Tiêu đề", "items": [1, 2, 3], "flag": true, "nested": ["a": ["b": "c"]]]
    var bytes: [UInt8] = []
    var report = RenderReport()
    library.render("page", context, into: &bytes, report: &report)
    return 0
}

/// The entry point SwiftPM's link expects (see `FuzzDriver`).
@_cdecl("MustacheFuzzer_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv, fuzz)
}
