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
}
