@testable import Rendering
import SiteConfig
import XCTest

final class BodyImagesTests: XCTestCase {
    private let routes = Routes(config: SiteConfig(baseURL: "https://example.org/mirror/"))
    private let sizes: ImageSize.Lookup = { path in path == "images/a b.png" ? ImageSize(width: 640, height: 360) : nil }

    private func annotate(_ html: String, routes: Routes, sizes: ImageSize.Lookup, variants: ImageVariants.Lookup = { _ in [] }) -> String {
        String(decoding: BodyImages.annotate(Array(html.utf8), routes: routes, sizes: sizes, variants: variants), as: UTF8.self)
    }

    func testAnImageWithResizedCopiesOffersThemUnlessTheBodySizedIt() {
        let variants: ImageVariants.Lookup = { path in path == "images/a b.png" ? [480] : [] }
        XCTAssertEqual(annotate(#"<img src="/mirror/images/a%20b.png">"#, routes: routes, sizes: sizes, variants: variants),
                       #"<img src="/mirror/images/a%20b.png" width="640" height="360" srcset="/mirror/images/a%20b-480w.png 480w, "#
                        + #"/mirror/images/a%20b.png 640w" sizes="(min-width: 712px) 680px, 100vw" decoding="async">"#)
        let sized = #"<img src="/mirror/images/a%20b.png" width="200">"#
        XCTAssertEqual(annotate(sized, routes: routes, sizes: sizes, variants: variants),
                       #"<img src="/mirror/images/a%20b.png" width="200" decoding="async">"#)
    }

    func testAnImageOfTheSiteGetsItsSizeByItsDecodedPath() {
        XCTAssertEqual(annotate(#"<p><img src="/mirror/images/a%20b.png?v=2" alt="x"></p>"#, routes: routes, sizes: sizes),
                       #"<p><img src="/mirror/images/a%20b.png?v=2" alt="x" width="640" height="360" decoding="async"></p>"#)
    }

    func testImagesAfterTheFirstLoadLazilyAndSelfClosedTagsStayClosed() {
        let html = #"<img src="/mirror/x.png" /><img src="https://cdn.example/y.jpg" />"#
        XCTAssertEqual(annotate(html, routes: routes, sizes: sizes),
                       #"<img src="/mirror/x.png" decoding="async" /><img src="https://cdn.example/y.jpg" loading="lazy" decoding="async" />"#)
    }

    func testAttributesTheSourceGaveAreKept() {
        let html = #"<img src="/mirror/images/a%20b.png" width="10" height="5"><img src="/mirror/images/a%20b.png" loading="eager" decoding="sync" alt="a > b">"#
        XCTAssertEqual(annotate(html, routes: routes, sizes: sizes),
                       #"<img src="/mirror/images/a%20b.png" width="10" height="5" decoding="async"><img src="/mirror/images/a%20b.png" loading="eager" decoding="sync" alt="a > b" width="640" height="360">"#)
    }

    func testABodyWithoutImagesIsLeftAsItIs() {
        let html = "<p>An <code>&lt;img&gt;</code> tag, and <imgx>.</p>"
        XCTAssertEqual(annotate(html, routes: routes, sizes: sizes), html)
    }
}
