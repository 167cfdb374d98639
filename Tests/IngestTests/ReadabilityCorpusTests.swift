import Dispatch
import Foundation
import TestSupport
import XCTest
@testable import Ingest

/// Scores the extractor on the Readability test pages kept in the shared folder (never copied into the
/// repository), with the body metric of the public article-extraction benchmark: 4-word shingles,
/// precision and recall averaged over pages, F1 of the two means. The floors are scores this code has
/// reached, so a change that loses ground fails here.
final class ReadabilityCorpusTests: XCTestCase {
    struct Case {
        var name: String
        var source: URL
        var expectedText: String
        var title: String?
        var byline: String?
        var published: String?
    }

    static func corpusFolder() -> URL? {
        SharedFolder.url("extraction/readability")
    }

    func loadCases() throws -> [Case] {
        guard let folder = Self.corpusFolder(), FileManager.default.fileExists(atPath: folder.path) else {
            throw XCTSkip("shared/extraction/readability not found (set BROADSHEET_SHARED)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        return try names.compactMap { name in
            let page = folder.appendingPathComponent(name)
            let source = page.appendingPathComponent("source.html")
            let expected = page.appendingPathComponent("expected.html")
            guard FileManager.default.fileExists(atPath: source.path),
                  let expectedBytes = FileManager.default.contents(atPath: expected.path) else { return nil }
            var title: String?, byline: String?, published: String?
            if let data = FileManager.default.contents(atPath: page.appendingPathComponent("expected-metadata.json").path),
               let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] {
                title = object["title"] as? String
                byline = object["byline"] as? String
                published = object["publishedTime"] as? String
            }
            return Case(name: name, source: source, expectedText: try Self.text(ofHTML: [UInt8](expectedBytes)),
                        title: title, byline: byline, published: published)
        }
    }

    static func text(ofHTML bytes: [UInt8]) throws -> String {
        let document = try HTMLDocument(bytes: bytes, url: nil, encoding: "UTF-8")
        guard let body = document.body else { return "" }
        return Sanitizer(baseURL: nil).render(body).text
    }

    /// Runs every page once (in parallel) and returns (case, extracted page) pairs.
    func extractAll(_ cases: [Case]) -> [(Case, ExtractedPage?)] {
        let zone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
        let results = ResultBox(count: cases.count)
        DispatchQueue.concurrentPerform(iterations: cases.count) { index in
            let bytes = FileManager.default.contents(atPath: cases[index].source.path).map { [UInt8]($0) } ?? []
            results.set(index, try? HTMLExtractor().extract(bytes, pageURL: nil, defaultTimeZone: zone))
        }
        return Array(zip(cases, results.values))
    }

    func testBodyTitleBylineAndDateStayAboveTheirFloors() throws {
        let results = extractAll(try loadCases())
        var precisions: [Double] = [], recalls: [Double] = []
        var titles = (hits: 0, total: 0), bylines = (hits: 0, total: 0), dates = (hits: 0, total: 0)
        for (page, extracted) in results {
            let score = ShingleScore(truth: page.expectedText, prediction: extracted?.text ?? "")
            if let precision = score.precision { precisions.append(precision) }
            if let recall = score.recall { recalls.append(recall) }
            if let title = page.title, !title.isEmpty {
                titles.total += 1
                if Self.folded(title) == Self.folded(extracted?.title ?? "") { titles.hits += 1 }
            }
            if let byline = page.byline, !byline.isEmpty {
                bylines.total += 1
                if Self.bylineKey(byline) == Self.bylineKey(extracted?.byline ?? "") { bylines.hits += 1 }
            }
            if let published = page.published, published.count >= 10 {
                dates.total += 1
                // Scored by calendar day as written, so the page's own offset has to survive.
                if extracted?.published?.iso8601.prefix(10) == published.prefix(10) { dates.hits += 1 }
            }
        }
        let precision = precisions.reduce(0, +) / Double(max(precisions.count, 1))
        let recall = recalls.reduce(0, +) / Double(max(recalls.count, 1))
        let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        let titleRate = Double(titles.hits) / Double(max(titles.total, 1))
        let bylineRate = Double(bylines.hits) / Double(max(bylines.total, 1))
        let dateRate = Double(dates.hits) / Double(max(dates.total, 1))
        print("readability corpus: F1=\(f1) P=\(precision) R=\(recall) title=\(titleRate) byline=\(bylineRate) date=\(dateRate)")
        // The reader view's expected bodies keep author bios with their "Follow him on Twitter", promotions
        // of other articles ("Lire : <link>") and newsletter boxes, which the larger, annotated corpus counts
        // as boilerplate and the body now drops: 0.9957 before, 0.9950 after, the team's floor being 0.99.
        XCTAssertGreaterThanOrEqual(f1, 0.994)
        XCTAssertGreaterThanOrEqual(titleRate, 0.99)
        // One expected byline is royal-road's "Follow Author", a button in a form, which is no byline
        // (`BodyPass.isFormField`): 37 of 38 (0.974) since; the floor is 0.95.
        XCTAssertGreaterThanOrEqual(bylineRate, 0.97)
        XCTAssertGreaterThanOrEqual(dateRate, 0.99)
    }

    static func folded(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func bylineKey(_ text: String) -> String {
        var key = folded(text).lowercased()
        for prefix in ["by ", "by: "] where key.hasPrefix(prefix) { key = String(key.dropFirst(prefix.count)) }
        return key.trimmingCharacters(in: CharacterSet(charactersIn: " .,;:|-"))
    }
}

/// The benchmark's per-page shingle precision and recall (nil where undefined).
struct ShingleScore {
    var precision: Double?
    var recall: Double?

    init(truth: String, prediction: String) {
        let truthShingles = Self.shingles(Self.words(truth))
        let predictedShingles = Self.shingles(Self.words(prediction))
        var truePositives = 0
        for (shingle, count) in predictedShingles { truePositives += min(count, truthShingles[shingle] ?? 0) }
        let falsePositives = predictedShingles.values.reduce(0, +) - truePositives
        let falseNegatives = truthShingles.values.reduce(0, +) - truePositives
        guard truePositives + falsePositives + falseNegatives > 0 else { return }
        let perfect = falsePositives == 0 && falseNegatives == 0
        if truePositives + falsePositives > 0 {
            precision = perfect ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
        }
        if truePositives + falseNegatives > 0 {
            recall = perfect ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
        }
    }

    static func words(_ text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init)
    }

    static func shingles(_ words: [String]) -> [[String]: Int] {
        guard !words.isEmpty else { return [:] }
        guard words.count >= 4 else { return [words: 1] }
        var result: [[String]: Int] = [:]
        for start in 0...(words.count - 4) { result[Array(words[start..<start + 4]), default: 0] += 1 }
        return result
    }
}

/// Results written from many threads, one index each.
private final class ResultBox: @unchecked Sendable {
    private var slots: [ExtractedPage?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: ExtractedPage?) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [ExtractedPage?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
