import Journal

/// feed.xml: the articles as an Atom feed, newest first.
enum AtomFeed {
    /// The feed as UTF-8, written piece by piece: it holds every article's HTML, escaped.
    static func bytes(_ model: SiteModel, base: String?) -> [UInt8] {
        var out: [UInt8] = []
        func put(_ text: String) { out += text.utf8 }
        func escaped(_ text: String) { HTMLText.appendEscaped(text, to: &out) }
        let updated = (model.articles.map(\.date).max() ?? model.today).description + "T00:00:00Z"
        put("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"")
        if let base {
            put(" xml:base=\"")
            escaped(base)
            put("\"")
        }
        put(">\n  <title>")
        escaped(model.journal.config.title)
        put(": advice</title>\n  <id>")
        escaped(feedID(base: base, title: model.journal.config.title))
        put(
            "</id>\n  <updated>\(updated)</updated>\n  <link rel=\"self\" href=\"feed.xml\"/>\n  <link href=\"advice/index.html\"/>\n"
        )
        put("  <author><name>")
        escaped(model.journal.config.author ?? model.journal.config.title)
        put("</name></author>\n")
        for article in model.articles {
            let path = SitePath.article(article.slug)
            put("  <entry>\n    <title>")
            escaped(article.title)
            put("</title>\n    <id>")
            escaped(entryID(base: base, path: path, slug: article.slug))
            put("</id>\n    <link href=\"")
            escaped(path)
            put("\"/>\n    <updated>\(article.date)T00:00:00Z</updated>\n")
            if let summary = article.summary {
                put("    <summary>")
                escaped(summary)
                put("</summary>\n")
            }
            for tag in article.tags {
                put("    <category term=\"")
                escaped(tag)
                put("\"/>\n")
            }
            put("    <content type=\"html\">")
            escaped(model.articleHTML(article))
            put("</content>\n  </entry>\n")
        }
        put("</feed>\n")
        return out
    }

    static func feedID(base: String?, title: String) -> String {
        if let base { return base + "feed.xml" }
        return "urn:followup:feed:" + Slug.make(title, fallback: "journal")
    }

    static func entryID(base: String?, path: String, slug: String) -> String {
        if let base { return base + path }
        return "urn:followup:article:" + slug
    }
}
