import Foundation
import Infrastructure
import Ingest

/// Related articles: those sharing rare tags, the same section, and close in time.
///
/// Work per article is bounded: candidates come only from the `window` articles nearest in time
/// in each of its tags' lists and its section's list (lists are already in date order), never
/// from comparing all pairs, so 100,000 articles cost about as much per article as 1,000.
enum Related {
    /// For each article, up to `limit` related articles, best first. Deterministic: ties go to the
    /// newer article, then the lower index.
    static func compute(articles: [Article], tags: [Tag], sections: [Section], limit: Int, window: Int = 25) -> [[Int]] {
        let count = Double(max(articles.count, 1))
        // Inverse document frequency: a tag on 3 articles says more than one on 3,000.
        let tagWeight = tags.map { log(1 + count / Double(max($0.articles.count, 1))) }
        let timestamps = articles.map(\.timestamp)
        return ConcurrentMap.map(Array(articles.indices)) { index in
            let article = articles[index]
            // Each candidate once per list it shares, in the order the lists are visited: sorted by
            // candidate (then by visit), runs are summed in that order, as a running total would.
            // Room for every list's window at once: grown append by append, the two arrays were a
            // tenth of this work.
            let lists = article.tags.count + (article.section == nil ? 0 : 1)
            var visits: [Int] = []
            var weights: [Double] = []
            visits.reserveCapacity(lists * (2 * window + 1))
            weights.reserveCapacity(lists * (2 * window + 1))
            func visit(_ list: [Int], weight: Double) {
                for candidate in neighbours(of: index, in: list, window: window) where candidate != index {
                    visits.append(candidate << 24 | weights.count)
                    weights.append(weight)
                }
            }
            for tag in article.tags { visit(tags[tag].articles, weight: tagWeight[tag]) }
            if let section = article.section { visit(sections[section].articles, weight: 0.5) }
            visits.sort()
            // The best `limit`, kept in order while candidates come (sorting them all to keep
            // five was a third of the work).
            var best: [(index: Int, score: Double)] = []
            best.reserveCapacity(limit + 1)
            var position = 0
            while position < visits.count {
                let candidate = visits[position] >> 24
                var score = 0.0
                while position < visits.count, visits[position] >> 24 == candidate {
                    score += weights[visits[position] & 0xFF_FFFF]
                    position += 1
                }
                let days = Double(abs(timestamps[candidate] - timestamps[index])) / 86_400
                let ranked = (index: candidate, score: score + 0.5 / (1 + days / 30))
                // Most candidates rank below the last kept one: they are passed over without a search.
                if best.count == limit, let last = best.last, !((ranked.score, -ranked.index) > (last.score, -last.index)) { continue }
                let place = best.firstIndex { (ranked.score, -ranked.index) > ($0.score, -$0.index) } ?? best.count
                guard place < limit else { continue }
                best.insert(ranked, at: place)
                if best.count > limit { best.removeLast() }
            }
            return best.map(\.index)
        }
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
