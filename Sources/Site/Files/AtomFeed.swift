import Journal

/// feed.xml: the articles as an Atom feed, newest first.
enum AtomFeed {
    static func xml(_ model: SiteModel, base: String?) -> String {
        let title = HTMLText.escape(model.journal.config.title)
        let updated = (model.articles.map(\.date).max() ?? model.today).description + "T00:00:00Z"
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\""
        if let base { out += " xml:base=\"\(HTMLText.escape(base))\"" }
        out +=
            ">\n  <title>\(title): advice</title>\n  <id>\(HTMLText.escape(feedID(base: base, title: model.journal.config.title)))</id>\n"
        out += "  <updated>\(updated)</updated>\n  <link rel=\"self\" href=\"feed.xml\"/>\n  <link href=\"advice/index.html\"/>\n"
        out += "  <author><name>\(HTMLText.escape(model.journal.config.author ?? model.journal.config.title))</name></author>\n"
        for article in model.articles {
            let path = SitePath.article(article.slug)
            out += "  <entry>\n    <title>\(HTMLText.escape(article.title))</title>\n"
            out += "    <id>\(HTMLText.escape(entryID(base: base, path: path, slug: article.slug)))</id>\n"
            out += "    <link href=\"\(HTMLText.escape(path))\"/>\n"
            out += "    <updated>\(article.date)T00:00:00Z</updated>\n"
            if let summary = article.summary { out += "    <summary>\(HTMLText.escape(summary))</summary>\n" }
            for tag in article.tags { out += "    <category term=\"\(HTMLText.escape(tag))\"/>\n" }
            out +=
                "    <content type=\"html\">\(HTMLText.escape(model.articleHTML(article)))</content>\n  </entry>\n"
        }
        return out + "</feed>\n"
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
