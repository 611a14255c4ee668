/// Reads an advice article: front matter (title and date required) and the Markdown body.
enum ArticleReader {
    static let keys = ["title", "date", "summary", "tags", "topics", "draft", "private", "slug"]

    static func read(_ source: SourceText) -> (Article?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let origin = source.location(line: 1, column: 1)
        guard FrontMatter.starts(source) else {
            return (nil, [.error(origin, "an article needs front matter with at least 'title' and 'date' between '---' lines")])
        }
        let frontMatter: FrontMatter
        switch FrontMatter.split(source) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let split): frontMatter = split
        }
        let mapping: YAMLMapping
        switch YAMLMapping.frontMatter(frontMatter, source: source) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let read): mapping = read
        }
        var title: String?
        var date: CivilDate?
        var summary: String?
        var tags: [String] = []
        var topics: [String] = []
        var draft = false
        var isPrivate = false
        var slug: String?
        for field in mapping.fields {
            switch field.key {
            case "title": title = field.text(&diagnostics)
            case "date":
                if let text = field.text(&diagnostics) {
                    date = CivilDate(iso: text)
                    if date == nil { diagnostics.append(.error(field.location, "invalid date '\(text)' (use YYYY-MM-DD)")) }
                }
            case "summary": summary = field.text(&diagnostics)
            case "tags": tags = field.list(&diagnostics)
            case "topics": topics = field.list(&diagnostics).map { $0.lowercased() }
            case "draft": draft = field.bool(&diagnostics) ?? false
            case "private": isPrivate = field.bool(&diagnostics) ?? false
            case "slug": slug = field.text(&diagnostics)
            default:
                diagnostics.append(
                    .warning(
                        field.location,
                        UnknownKey.message("key", field.key, in: "article front matter", known: Self.keys)
                    ))
            }
        }
        if title == nil { diagnostics.append(.error(origin, "article has no 'title' in its front matter")) }
        if date == nil && !mapping.fields.contains(where: { $0.key == "date" }) {
            diagnostics.append(.error(origin, "article has no 'date' in its front matter"))
        }
        if summary == nil { diagnostics.append(.warning(origin, "article has no 'summary'; lists and feeds will show none")) }
        guard let title, let date else { return (nil, diagnostics) }
        var name = source.relativePath
        if let slash = name.lastIndex(of: "/") { name = String(name[name.index(after: slash)...]) }
        if name.hasSuffix(".md") { name.removeLast(3) }
        var article = Article(
            title: title, date: date, summary: summary, tags: tags, topics: topics, isDraft: draft,
            slug: Slug.make(slug ?? name, fallback: "article"),
            body: FrontMatter.body(of: source, from: frontMatter.bodyStartLine), path: source.relativePath, origin: origin)
        article.isPrivate = isPrivate
        return (article, diagnostics)
    }
}
