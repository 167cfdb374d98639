import ContentGraph
import Templating

/// The links of the date archive, so that every day with articles is reachable by following
/// links: a year page links its months, a month page its days, and each date page the nearest
/// older and newer period of its width that has articles.
extension ViewModel {
    /// Which date page a list is: the bucket's width and its place in the graph's buckets of that
    /// width (newest first).
    struct Period: Sendable {
        var granularity: DateBucket.Granularity
        var index: Int
    }

    /// `list.periods`, `list.newer` and `list.older`: null on lists that are not date pages.
    func periodFields(_ period: Period?) -> [String: TemplateValue] {
        guard let period else { return ["periods": .null, "newer": .null, "older": .null] }
        let buckets = self.buckets(period.granularity)
        let bucket = buckets[period.index]
        let periods: [DateBucket]
        switch period.granularity {
        case .year: periods = graph.months.filter { $0.year == bucket.year }
        case .month: periods = graph.days.filter { $0.year == bucket.year && $0.month == bucket.month }
        case .day: periods = []
        }
        let newer = period.index > 0 ? link(buckets[period.index - 1]) : .null
        let older = period.index + 1 < buckets.count ? link(buckets[period.index + 1]) : .null
        return ["periods": periods.isEmpty ? .null : .list(periods.map(link)), "newer": newer, "older": older]
    }

    /// The graph's buckets of one width, newest first.
    func buckets(_ granularity: DateBucket.Granularity) -> [DateBucket] {
        switch granularity {
        case .year: graph.years
        case .month: graph.months
        case .day: graph.days
        }
    }

    /// `{title, label, url, count}`: `label` is the short name shown among its siblings
    /// (`Tháng 11`, `30`), `title` the page's own title (`Tháng 11/2021`).
    private func link(_ bucket: DateBucket) -> TemplateValue {
        let (title, label): (String, String)
        switch bucket.granularity {
        case .year: (title, label) = (labels.year(bucket.year), "\(bucket.year)")
        case .month: (title, label) = (labels.month(bucket.year, bucket.month), labels.monthName(bucket.month))
        case .day: (title, label) = (labels.day(bucket.year, bucket.month, bucket.day), "\(bucket.day)")
        }
        return ["title": .string(title), "label": .string(label), "url": .string(routes.url(bucket.path)),
                "count": .int(bucket.articles.count)]
    }
}
