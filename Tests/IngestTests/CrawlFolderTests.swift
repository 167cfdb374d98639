@testable import Ingest
import XCTest

/// File names as wget and HTTrack write them, read back as the addresses they were saved from.
final class CrawlFolderTests: XCTestCase {
    func testFileNamesGiveBackTheirAddresses() {
        let cases: [(String, String)] = [
            ("thoi-su/a-20211130225800.htm", "https://toquoc.vn/thoi-su/a-20211130225800.htm"),
            ("index.html", "https://toquoc.vn/index.html"),
            ("article.php?id=3", "https://toquoc.vn/article.php?id=3"),
            ("article.php@id=3", "https://toquoc.vn/article.php?id=3"),
            ("article.php@id=3.html", "https://toquoc.vn/article.php?id=3"),
            ("article.php.html", "https://toquoc.vn/article.php"),
            ("ban@nha.htm", "https://toquoc.vn/ban@nha.htm"),
            ("th%E1%BB%9Di-su/a.htm", "https://toquoc.vn/thời-su/a.htm"),
        ]
        for (file, expected) in cases {
            XCTAssertEqual(CrawlFolder.address(of: file, scheme: "https", host: "toquoc.vn").text, expected, file)
        }
    }

    func testHostFoldersAreKnownByTheirNames() {
        XCTAssertTrue(CrawlFolder.looksLikeHost("toquoc.vn"))
        XCTAssertTrue(CrawlFolder.looksLikeHost("www.example.co.uk"))
        XCTAssertTrue(CrawlFolder.looksLikeHost("localhost.localdomain:8080"))
        XCTAssertFalse(CrawlFolder.looksLikeHost("index.html"))
        XCTAssertFalse(CrawlFolder.looksLikeHost("images"))
        XCTAssertFalse(CrawlFolder.looksLikeHost("photo.jpg"))
        XCTAssertFalse(CrawlFolder.looksLikeHost("v1.2"))
    }

    /// wget keeps a port in its host folder's name; links in the pages are read without one, so
    /// the captures' addresses drop it too, or every link would lead off the site.
    func testAHostFolderWithAPortGivesAddressesWithoutIt() throws {
        let crawl = FileManager.default.temporaryDirectory.appendingPathComponent("crawl-\(UUID().uuidString)")
        let host = crawl.appendingPathComponent("Tin.Example:8080")
        try FileManager.default.createDirectory(at: host.appendingPathComponent("tin"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: crawl) }
        try Data("<html></html>".utf8).write(to: host.appendingPathComponent("tin/a.htm"))
        let entries = try CrawlFolder(folder: crawl.path, origin: nil, shownAs: "crawl").entries
        XCTAssertEqual(entries.map(\.url.text), ["https://tin.example/tin/a.htm"])
        XCTAssertEqual(entries.map(\.url.pageKey), [CrawlURL("http://tin.example:8080/tin/a.htm")!.pageKey])
        XCTAssertEqual(CrawlFolder.host(named: "example.org"), "example.org")
    }

    func testAFolderWithoutAHostNeedsAnOrigin() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crawl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("tin"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("<html></html>".utf8).write(to: folder.appendingPathComponent("tin/a.htm"))
        XCTAssertThrowsError(try CrawlFolder(folder: folder.path, origin: nil, shownAs: "crawl")) { error in
            XCTAssertTrue("\(error)".contains("give its address with --origin"), "\(error)")
        }
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("tin/passwd.htm").path, withDestinationPath: "/etc/passwd")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("tin/b.htm").path, withDestinationPath: "a.htm")
        let crawl = try CrawlFolder(folder: folder.path, origin: CrawlURL("https://example.org/"), shownAs: "crawl")
        XCTAssertEqual(crawl.entries.map(\.url.text), ["https://example.org/tin/a.htm", "https://example.org/tin/b.htm"],
                       "a link out of the crawl is not read; one inside it is")
        XCTAssertEqual(crawl.entries.map(\.shown), ["crawl/tin/a.htm", "crawl/tin/b.htm"])
    }
}

/// HTTrack's log of saved files gives back the addresses of pages it named by a hash.
final class HTTrackIndexTests: XCTestCase {
    func testTheLogMapsHashedFileNamesToTheirAddresses() {
        let log = """
        date\tsize'/'remotesize\tflags\tstatuscode\tstatus ('servermsg')\tMIME\tEtag|Date\tURL\tlocalfile\t(from URL)
        10:26:07\t4522/4522\t---M--\t200\tadded ('OK')\ttext/html\tdate:x\twww.example.com/tin.php?id=3&p=2\t/home/a/websites/p/www.example.com/tin4f2c.html\t(from )
        10:26:08\t100/100\t---M--\t200\tadded ('OK')\ttext/html\tdate:x\thttps://www.example.com/search?q=a\tC:\\My Web Sites\\p\\www.example.com\\search9a1b.html\t(from )
        a line that is not a record
        """
        let index = HTTrackIndex(log: log)
        XCTAssertEqual(index.address(host: "www.example.com", path: "tin4f2c.html")?.text, "http://www.example.com/tin.php?id=3&p=2")
        XCTAssertEqual(index.address(host: "www.example.com", path: "search9a1b.html")?.text, "https://www.example.com/search?q=a")
        XCTAssertNil(index.address(host: "www.example.com", path: "index.html"))
    }
}
