// Times Broadsheet's Templating against swift-mustache 2.1.1 on the news listing page of
// shared/bench/templates (layout with blocks, header/footer/pager partials, 20 articles).
//
// Usage: TemplateBenchmark [--rounds 7] [--renders 4000] [--fixtures DIR]
//   --renders is per round for Broadsheet; swift-mustache, ~20x slower, does a twentieth of it.
// Both engines render the same data sets, rotating through them; every output is checked
// against swift-mustache's before timing. The last line is the summary `make bench-templates` shows.

import Foundation
import Mustache
import Templating

var rounds = 7
var renders = 4000
var fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures")
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    guard let value = arguments.popFirst() else { fatalError("missing value for \(argument)") }
    switch argument {
    case "--rounds": rounds = max(1, Int(value)!)
    case "--renders": renders = max(20, Int(value)!)
    case "--fixtures": fixtures = URL(fileURLWithPath: value)
    default: fatalError("unknown argument \(argument)")
    }
}
#if DEBUG
print("warning: debug build; build with -c release for meaningful numbers")
#endif

var sources: [String: String] = [:]
for file in try FileManager.default.contentsOfDirectory(atPath: fixtures.path) where file.hasSuffix(".mustache") {
    sources[String(file.dropLast(".mustache".count))] = try String(
        contentsOf: fixtures.appendingPathComponent(file), encoding: .utf8)
}

// Several pages of the same site: different page numbers, pager ends and article counts.
let pages = [
    NewsPage.make(articleCount: 20, currentPage: 1, totalPages: 7),
    NewsPage.make(articleCount: 20, currentPage: 3, totalPages: 7),
    NewsPage.make(articleCount: 20, currentPage: 7, totalPages: 7),
    NewsPage.make(articleCount: 12, currentPage: 2, totalPages: 2),
]
let anyContexts = pages.map(\.anyContext)
let values = pages.map(\.templateValue)

let library = try TemplateLibrary(sources: sources)
var mustacheTemplates: [String: MustacheTemplate] = [:]
for (name, source) in sources { mustacheTemplates[name] = try MustacheTemplate(string: source) }
let mustacheLibrary = MustacheLibrary(templates: mustacheTemplates)

var buffer: [UInt8] = []
buffer.reserveCapacity(64 * 1024)
var report = RenderReport()

@MainActor func renderBroadsheet(_ page: Int) -> Int {
    buffer.removeAll(keepingCapacity: true)
    library.render("index", values[page], into: &buffer, report: &report)
    return buffer.count
}

@MainActor func renderSwiftMustache(_ page: Int) -> Int {
    mustacheLibrary.render(anyContexts[page], withTemplate: "index")!.utf8.count
}

/// Whitespace runs collapsed, as shared/bench compares engines: Broadsheet indents lines of
/// blocks and partials as the spec asks (swift-mustache does not), which changes only whitespace.
func normalized(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        .replacingOccurrences(of: "> <", with: "><")
}

for page in pages.indices {
    _ = renderBroadsheet(page)
    let ours = String(decoding: buffer, as: UTF8.self)
    let theirs = mustacheLibrary.render(anyContexts[page], withTemplate: "index")!
    guard normalized(ours) == normalized(theirs), report.isEmpty else {
        print("MISMATCH on data set \(page + 1) (report: \(report.issues))\n--- broadsheet\n\(ours)\n--- swift-mustache\n\(theirs)")
        exit(1)
    }
}
print("output check: \(pages.count) data sets, same page from both engines (\(buffer.count) bytes for the last)")

func microseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12
}

/// Microseconds per render over `count` renders, rotating through the data sets.
@MainActor func time(_ count: Int, _ render: (Int) -> Int) -> Double {
    var sink = 0
    let elapsed = ContinuousClock().measure {
        for index in 0..<count { sink &+= render(index % pages.count) }
    }
    precondition(sink > 0)
    return microseconds(elapsed) / Double(count)
}

_ = time(renders / 4, renderBroadsheet)  // warm-up
_ = time(max(5, renders / 80), renderSwiftMustache)
var ourRounds: [Double] = []
var theirRounds: [Double] = []
for round in 1...rounds {
    ourRounds.append(time(renders, renderBroadsheet))
    theirRounds.append(time(max(4, renders / 20), renderSwiftMustache))
    print(String(format: "round %d/%d: broadsheet %.1f µs, swift-mustache %.1f µs", round, rounds,
                 ourRounds.last!, theirRounds.last!))
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
let ours = median(ourRounds)
let theirs = median(theirRounds)
print(String(format: "templates: broadsheet %.1f µs, swift-mustache %.1f µs, speedup %.1f", ours, theirs, theirs / ours))
