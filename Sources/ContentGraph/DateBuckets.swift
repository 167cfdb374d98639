/// Groups articles by year, month and day of their publication in the site's zone.
struct DateBuckets {
    let years: [DateBucket]
    let months: [DateBucket]
    let days: [DateBucket]

    /// `articles` must be newest first (pages, which no date page lists, are skipped); every bucket then lists its articles newest first too.
    init(_ articles: [Article]) {
        var years: [DateBucket] = []
        var months: [DateBucket] = []
        var days: [DateBucket] = []
        // Articles come newest first, so each bucket is one run of consecutive articles, unless
        // offsets differ; a dictionary keeps that case right.
        var yearIndex: [Int: Int] = [:]
        var monthIndex: [Int: Int] = [:]
        var dayIndex: [Int: Int] = [:]
        // By index: a `for article in` loop copied every article, a serial cost.
        for index in articles.indices where !articles[index].isPage {
            let date = articles[index].date
            Self.add(index, key: date.year, to: &years, index: &yearIndex,
                     DateBucket(granularity: .year, year: date.year, month: 0, day: 0, articles: []))
            Self.add(index, key: date.year * 100 + date.month, to: &months, index: &monthIndex,
                     DateBucket(granularity: .month, year: date.year, month: date.month, day: 0, articles: []))
            Self.add(index, key: (date.year * 100 + date.month) * 100 + date.day, to: &days, index: &dayIndex,
                     DateBucket(granularity: .day, year: date.year, month: date.month, day: date.day, articles: []))
        }
        let newestFirst: (DateBucket, DateBucket) -> Bool = { ($1.year, $1.month, $1.day) < ($0.year, $0.month, $0.day) }
        self.years = years.sorted(by: newestFirst)
        self.months = months.sorted(by: newestFirst)
        self.days = days.sorted(by: newestFirst)
    }

    private static func add(_ article: Int, key: Int, to buckets: inout [DateBucket], index: inout [Int: Int], _ empty: DateBucket) {
        if let position = index[key] {
            buckets[position].articles.append(article)
        } else {
            index[key] = buckets.count
            var bucket = empty
            bucket.articles = [article]
            buckets.append(bucket)
        }
    }
}
