/// Titles the build itself gives to list pages, in the site's language (`Tháng 11/2021`,
/// `November 2021`). Theme text lives in the theme's `i18n/` files instead.
struct Labels: Sendable {
    let language: String

    private var isVietnamese: Bool { language.hasPrefix("vi") }

    private static let englishMonths = ["January", "February", "March", "April", "May", "June", "July",
                                        "August", "September", "October", "November", "December"]

    var home: String { isVietnamese ? "Trang chủ" : "Home" }
    var tags: String { isVietnamese ? "Chủ đề" : "Tags" }
    var authors: String { isVietnamese ? "Tác giả" : "Authors" }
    var categories: String { isVietnamese ? "Chuyên mục" : "Categories" }
    var archive: String { isVietnamese ? "Lưu trữ" : "Archive" }
    var search: String { isVietnamese ? "Tìm kiếm" : "Search" }
    var notFound: String { isVietnamese ? "Không tìm thấy trang" : "Page not found" }

    func year(_ year: Int) -> String { isVietnamese ? "Năm \(year)" : "\(year)" }

    /// A month without its year, as a year page lists its months: `Tháng 11`, `November`.
    func monthName(_ month: Int) -> String { isVietnamese ? "Tháng \(month)" : Self.englishMonths[month - 1] }

    func month(_ year: Int, _ month: Int) -> String {
        isVietnamese ? "Tháng \(month)/\(year)" : "\(Self.englishMonths[month - 1]) \(year)"
    }

    func day(_ year: Int, _ month: Int, _ day: Int) -> String {
        isVietnamese ? "Ngày \(day)/\(month)/\(year)" : "\(Self.englishMonths[month - 1]) \(day), \(year)"
    }
}
