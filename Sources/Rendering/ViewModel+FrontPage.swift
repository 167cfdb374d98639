import Templating

/// The `front` object of the home list's first page: what makes it a newspaper's front page
/// rather than the first ten articles.
extension ViewModel {
    /// `{today, lead, sections: [{name, slug, url, articles}], latest}`, the article fields those
    /// of a list card (see docs/templates.md).
    func frontContext(_ front: FrontPage) -> PageContext {
        var context = PageContext()
        // "Now" as the build defines it, never the clock: the same input prints the same day.
        context.set("today", .date(TemplateDate(secondsSince1970: now.secondsSince1970, utcOffsetSeconds: now.utcOffsetSeconds)))
        if let lead = front.lead {
            context.set("lead", PageContext(fields: cards[lead], hashSum: cardSums[lead]))
        } else {
            context.set("lead", .null)
        }
        let blocks = front.blocks.map { block in
            let section = graph.sections[block.section]
            var fields = PageContext()
            fields.set("name", .string(section.name))
            fields.set("slug", .string(section.slug))
            fields.set("url", .string(routes.url(section.path)))
            fields.set("articles", objects: block.articles.map { cards[$0] }, hashes: block.articles.map { cardHashes[$0] })
            return fields
        }
        context.set("sections", objects: blocks.map(\.fields), hashes: blocks.map(\.fingerprint))
        context.set("latest", objects: front.latest.map { cards[$0] }, hashes: front.latest.map { cardHashes[$0] })
        return context
    }
}
