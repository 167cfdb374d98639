import Foundation
import Ingest

/// Related articles: those sharing rare tags, the same section, and close in time.
///
/// Work per article is bounded: candidates come only from the `window` articles nearest in time
/// in each of its tags' lists and its section's list (lists are already in date order), never
/// from comparing all pairs, so 100,000 articles cost about as much per article as 1,000.
public enum Related {
    /// For each article of the graph, up to `limit` related articles, best first. Deterministic:
    /// ties go to the newer article, then the lower index.
    public static func compute(_ graph: ContentGraph, limit: Int = 5, window: Int = 25) -> [[Int]] {
        let count = Double(max(graph.articles.count, 1))
        // Inverse document frequency: a tag on 3 articles says more than one on 3,000.
        let tagWeight = graph.tags.map { log(1 + count / Double(max($0.articles.count, 1))) }
        return ConcurrentMap.map(Array(graph.articles.indices)) { index in
            related(to: index, in: graph, tagWeight: tagWeight, limit: limit, window: window)
        }
    }

    private static func related(to index: Int, in graph: ContentGraph, tagWeight: [Double], limit: Int, window: Int) -> [Int] {
        let article = graph.articles[index]
        var scores: [Int: Double] = [:]
        for tag in article.tags {
            for candidate in neighbours(of: index, in: graph.tags[tag].articles, window: window) {
                scores[candidate, default: 0] += tagWeight[tag]
            }
        }
        if let section = article.section {
            for candidate in neighbours(of: index, in: graph.sections[section].articles, window: window) {
                scores[candidate, default: 0] += 0.5
            }
        }
        var ranked: [(index: Int, score: Double)] = []
        ranked.reserveCapacity(scores.count)
        for (candidate, score) in scores where candidate != index {
            let days = Double(abs(graph.articles[candidate].timestamp - article.timestamp)) / 86_400
            ranked.append((candidate, score + 0.5 / (1 + days / 30)))
        }
        ranked.sort { ($0.score, -$0.index) > ($1.score, -$1.index) }
        return ranked.prefix(limit).map(\.index)
    }

    /// The articles around `index` in a list sorted by article index (newest first).
    private static func neighbours(of index: Int, in list: [Int], window: Int) -> ArraySlice<Int> {
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle] < index { low = middle + 1 } else { high = middle }
        }
        return list[max(0, low - window)..<min(list.count, low + window + 1)]
    }
}
