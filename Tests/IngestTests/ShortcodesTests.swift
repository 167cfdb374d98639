import Foundation
import Ingest
import XCTest

/// Hugo shortcodes and Jekyll Liquid tags of a moved site: the common ones become what they
/// stand for, the others stay as written and are reported once per file at their line.
final class ShortcodesTests: XCTestCase {
    private let reader = MarkdownReader(timeZone: TimeZone(identifier: "UTC")!)

    private func read(_ body: String) -> SourceDocument {
        reader.read(body: body, extra: "subtitle: Phụ đề\n")
    }

    func testHugoShortcodesBecomeWhatTheyStandFor() {
        let document = read("""
        Mở đầu {{< param subtitle >}}.

        {{< figure src="cau.png" caption="Cầu mới & đẹp" >}}

        {{< youtube dQw4w9WgXcQ >}}

        {{< vimeo id="123456" >}}

        [Bài khác]({{< ref "khac.md" >}}) {{< gist octocat 6cad326836d38bd3a7ae >}}
        """)
        let html = document.bodyHTML
        XCTAssertTrue(html.contains("<p>Mở đầu Phụ đề.</p>"), html)
        XCTAssertTrue(html.contains("<figure><img src=\"cau.png\" alt=\"Cầu mới &amp; đẹp\"><figcaption>Cầu mới &amp; đẹp</figcaption></figure>"), html)
        XCTAssertTrue(html.contains("<iframe src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\""), html)
        XCTAssertTrue(html.contains("<iframe src=\"https://player.vimeo.com/video/123456\""), html)
        XCTAssertTrue(html.contains("<a href=\"khac.md\">Bài khác</a>"), html)
        XCTAssertTrue(html.contains("<a href=\"https://gist.github.com/octocat/6cad326836d38bd3a7ae\">"), html)
        XCTAssertEqual(document.messages("markup.shortcode"), [])
    }

    func testJekyllTagsBecomeWhatTheyStandFor() {
        let document = read("""
        [Một]({% link _posts/2021-11-29-mot.md %}) và [hai]({% post_url 2021-11-28-hai %}).

        {% highlight ruby %}
        puts "{{ not_liquid }}"
        {% endhighlight %}

        {% raw %}{{ giữ nguyên }}{% endraw %}
        """)
        let html = document.bodyHTML
        XCTAssertTrue(html.contains("<a href=\"/_posts/2021-11-29-mot.md\">Một</a>"), html)
        XCTAssertTrue(html.contains("<a href=\"/_posts/2021-11-28-hai.md\">hai</a>"), html)
        XCTAssertTrue(html.contains("<pre><code class=\"language-ruby\"><span class=\"hl-k\">puts</span> "
                                    + "<span class=\"hl-s\">&quot;{{ not_liquid }}&quot;</span>\n</code></pre>"), html)
        XCTAssertTrue(html.contains("<p>{{ giữ nguyên }}</p>"), html)
        XCTAssertEqual(document.messages("markup.shortcode"), [])
    }

    func testRawMarkersInAJekyllPostsCodeAreRemovedAndTheTextBetweenKept() {
        let document = reader.read(body: "```\n{% raw %}<img alt=\"{{include.alt}}\">{%- endraw -%}\n{% raw %}\n{% if x %}\n{% endraw %}\n```\n"
                                   + "Inline: `{% raw %}{% include a.html %}{% endraw %}`.\n", path: "_posts/2022-01-28-jekyll.md")
        XCTAssertTrue(document.bodyHTML.contains("&lt;img alt=&quot;{{include.alt}}&quot;&gt;\n\n{% if x %}\n\n</code>"), document.bodyHTML)
        XCTAssertTrue(document.bodyHTML.contains("<code>{% include a.html %}</code>"), document.bodyHTML)
        XCTAssertFalse(document.bodyHTML.contains("raw"), document.bodyHTML)
        XCTAssertEqual(document.messages("markup.shortcode"), [])
    }

    func testRawMarkersInFencedCodeOfAFileOutsideJekyllsFoldersAreCode() {
        let document = read("```liquid\n{% raw %}{{ page.title }}{% endraw %}\n```\n")
        XCTAssertTrue(document.bodyHTML.contains("{% raw %}{{ page.title }}{% endraw %}"), document.bodyHTML)
    }

    func testATagOverSeveralLinesIsOneTagAndTheLinesAfterItKeepTheirNumbers() {
        let document = read("""
        {{< figure
            src="cau.png"
            caption="Cầu mới" >}}

        {% assign x =
           1 %}

        {% capture z %}
        """)
        XCTAssertTrue(document.bodyHTML.contains("<figcaption>Cầu mới</figcaption>"), document.bodyHTML)
        XCTAssertEqual(document.messages("markup.shortcode"), [
            "10:1 Liquid tag \"assign\" is not run; it is left as written",
            "13:1 Liquid tag \"capture\" is not run; it is left as written",
        ], document.bodyHTML)
    }

    func testOtherTagsStayAsWrittenAndAreReportedOnceAtTheirLine() {
        let document = read("""
        {{% pageinfo %}}Chú ý{{% /pageinfo %}}

        {% assign x = 1 %} và {{ site.title }} và {% assign y = 2 %} và `{{ trong mã }}`.

        ```
        {{< youtube trong_khoi_ma >}}
        ```
        """)
        XCTAssertTrue(document.bodyHTML.contains("{{% pageinfo %}}Chú ý{{% /pageinfo %}}"), document.bodyHTML)
        XCTAssertTrue(document.bodyHTML.contains("{% assign x = 1 %} và {{ site.title }}"), document.bodyHTML)
        XCTAssertTrue(document.bodyHTML.contains("{{&lt; youtube trong_khoi_ma &gt;}}"), "code is text")
        XCTAssertEqual(document.messages("markup.shortcode"), [
            "6:1 unknown shortcode \"pageinfo\"; it is left as written",
            "8:1 Liquid tag \"assign\" is not run; it is left as written",
            "8:23 Liquid output \"{{ site.title }}\" is not run; it is left as written",
        ])
    }

    /// Found by the front matter fuzzer: a close that overlaps its open (`{%}`) trapped on a
    /// backwards range.
    func testAnOpenThatItsOwnCloseOverlapsIsText() {
        let document = read("a {%} b\n\nc {{%}} d\n")
        XCTAssertTrue(document.bodyHTML.contains("<p>a {%} b</p>"), document.bodyHTML)
        XCTAssertTrue(document.bodyHTML.contains("<p>c {{%}} d</p>"), document.bodyHTML)
    }
}
