/// Splits a list into pages and describes each page's place for templates.
public struct Pagination: Sendable {
    /// 1-based page number.
    public var current: Int
    /// Number of pages (at least 1, even for an empty list).
    public var total: Int
    /// Range of the list's items on this page.
    public var range: Range<Int>

    /// Every page of a list of `count` items, `pageSize` per page.
    public static func pages(count: Int, pageSize: Int) -> [Pagination] {
        let total = count == 0 ? 1 : (count - 1) / pageSize + 1
        return (1...total).map { number in
            let start = (number - 1) * pageSize
            return Pagination(current: number, total: total, range: start..<(count - start > pageSize ? start + pageSize : count))
        }
    }

    /// The page numbers a page links to: the first and last pages and the two on each side of
    /// this one, with nil where numbers are skipped (`1 … 6 7 [8] 9 10 … 500`). Linking every
    /// page made each of a 500-page home list's pages carry 500 links: most of its bytes, and
    /// work that grew with the square of the list.
    public var window: [Int?] {
        var numbers: [Int?] = []
        var previous = 0
        for number in 1...total where number == 1 || number == total || abs(number - current) <= 2 {
            if number > previous + 1 { numbers.append(nil) }
            numbers.append(number)
            previous = number
        }
        return numbers
    }
}
