import FuzzDriver
import Templating

/// A template source, compiled, then rendered against a small context with a partial that is the
/// template itself (so recursion limits are exercised too); then twice more through one memo of
/// partials, whose renders must be the same bytes and report (a list shows one object item twice).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ input: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let data = input else { return 0 }
    let source = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    guard let library = try? TemplateLibrary(sources: ["page": source, "self": source]) else { return 0 }
    let card: TemplateValue = ["title": "Thẻ", "flag": false, "items": [1, 2]]
    let context: TemplateValue = ["title": "Tiêu đề", "items": [card, 2, card, ["title": "khác"]], "flag": true,
                                  "nested": ["a": ["b": "c"]]]
    var bytes: [UInt8] = []
    var report = RenderReport()
    library.render("page", context, into: &bytes, report: &report)
    let memo = PartialMemo()
    for _ in 0..<2 {
        var kept: [UInt8] = []
        var keptReport = RenderReport()
        library.render("page", context, into: &kept, report: &keptReport, memo: memo)
        precondition(kept == bytes && keptReport == report, "a render through the memo differs")
    }
    return 0
}

/// The entry point SwiftPM's link expects (see `FuzzDriver`).
@_cdecl("MustacheFuzzer_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv, fuzz)
}
