import Analytics
import Foundation
import Journal
import Markdown
import Templates

/// What every page shares and nothing else: the settings, the day, the count in the header, the
/// published articles, and what is made from them once (the frame, the navigation, article links,
/// action lines). Application and company pages are made from their own input and this alone, and
/// its hash covers exactly the values it is made from, so a cached page's key cannot miss a field.
final class PageFrame: @unchecked Sendable, Hashable {
    let config: SiteConfig
    let today: CivilDate
    let isPublic: Bool
    let applicationCount: Int
    /// Published articles (drafts only when asked for), newest first.
    let articles: [Article]
    /// The sections this build links (a public build has no work-search log).
    let navigationItems: [SitePages.NavigationEntry]
    /// The hash of the values above, taken once: thousands of page keys combine it, and hashing
    /// every article's text for each of them would cost more than rendering the pages.
    private var digest = 0

    // Made from the values above, so not part of the hash.
    let markdown: MarkdownOptions
    let articlesBySlug: [String: Article]
    /// Topic → its articles, newest first.
    let articlesByTopic: [String: [Article]]
    /// The site part of every page's frame, made once.
    let site: TemplateValue
    /// Navigation by page depth and section.
    let navigation: [[String: TemplateValue]]
    /// Every article's body as HTML, rendered on every core before the pages (the feed and the
    /// article pages both need them all), or taken from the previous build of a serve session.
    private(set) var articleBodies: [String: String] = [:]

    /// The most advice links a page shows for one thing (every match stays in stats.json).
    static let adviceLimit = 3
    /// Navigation depends only on how deep the page is and which section it belongs to: made once
    /// for the usual depths and shared by every page.
    static let navigationDepths = 5

    init(journal: Journal, stats: Statistics, options: BuildOptions) {
        config = journal.config
        today = options.today
        isPublic = options.isPublic
        applicationCount = stats.applications
        articles = journal.articles.filter { options.includeDrafts || !$0.isDraft }
            .sorted { $0.date != $1.date ? $0.date > $1.date : TextKey.precedes($0.slug, $1.slug) }
        markdown = MarkdownOptions(unsafeHTML: journal.config.unsafeHTML)
        var bySlug: [String: Article] = [:]
        var byTopic: [String: [Article]] = [:]
        for article in articles {
            bySlug[article.slug] = article
            for topic in Set(article.topics) { byTopic[topic, default: []].append(article) }
        }
        articlesBySlug = bySlug
        articlesByTopic = byTopic
        site = [
            "title": .string(journal.config.title), "author": orNull(journal.config.author),
            "authorEndsSentence": .bool(
                journal.config.author.map { $0.hasSuffix(".") || $0.hasSuffix("!") || $0.hasSuffix("?") } ?? false),
            "today": .string(Format.long(options.today)), "applicationCount": .int(stats.applications),
        ]
        let items = SitePages.navigation(isPublic: options.isPublic)
        navigationItems = items
        navigation = (0..<Self.navigationDepths).map { depth in
            Dictionary(uniqueKeysWithValues: items.map { ($0.kind, Self.navigation(depth, $0.kind, items)) })
        }
        var hasher = Hasher()
        hasher.combine(config)
        hasher.combine(today)
        hasher.combine(isPublic)
        hasher.combine(applicationCount)
        hasher.combine(articles)
        hasher.combine(navigationItems)
        digest = hasher.finalize()
    }

    static func == (a: PageFrame, b: PageFrame) -> Bool {
        a === b
            || (a.digest == b.digest && a.config == b.config && a.today == b.today && a.isPublic == b.isPublic
                && a.applicationCount == b.applicationCount && a.articles == b.articles
                && a.navigationItems == b.navigationItems)
    }

    func hash(into hasher: inout Hasher) { hasher.combine(digest) }

    /// The frame of every page: site, page, root, navigation, robots.
    func context(path: String, title: String, kind: String) -> TemplateObject {
        let depth = path.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 }
        return [
            "site": site,
            "page": ["title": .string(title), "path": .string(path), "kind": .string(kind)],
            "root": .string(SitePath.root(from: path)),
            "noindex": .bool(!isPublic),
            "nav": depth < Self.navigationDepths
                ? navigation[depth][kind] ?? Self.navigation(depth, kind, navigationItems)
                : Self.navigation(depth, kind, navigationItems),
        ]
    }

    static func navigation(_ depth: Int, _ kind: String, _ items: [SitePages.NavigationEntry]) -> TemplateValue {
        let root = String(repeating: "../", count: depth)
        return .array(
            items.map { item in
                ["label": .string(item.label), "href": .string(root + item.path), "current": .bool(item.kind == kind)]
            })
    }

    /// Articles whose topics include `topic`, newest first.
    func articles(about topic: String) -> [Article] {
        articlesByTopic[topic] ?? []
    }

    /// Links to articles, labelled "advice", "advice 2", … with the title as a tooltip.
    func articleLinks(_ slugs: [String], from path: String) -> [TemplateValue] {
        let found = slugs.lazy.compactMap { self.articlesBySlug[$0] }.prefix(Self.adviceLimit)
        return found.enumerated().map { index, article in
            [
                "href": .string(SitePath.link(from: path, to: SitePath.article(article.slug))), "title": .string(article.title),
                "label": .string(index == 0 ? "advice" : "advice \(index + 1)"),
            ]
        }
    }

    // MARK: Actions as lines of text

    func actionContext(_ action: Action, from path: String) -> TemplateValue {
        let verb: String
        switch action.kind {
        case .thankYou: verb = "Send a thank-you note to"
        case .followUp: verb = "Follow up with"
        case .feedbackRequest: verb = "Ask for feedback from"
        case .moveOn: verb = "Move on from"
        case .offerReply: verb = "Answer the offer from"
        case .upcoming where action.event == .expect: verb = "Answer promised by"
        case .upcoming: verb = (action.event.map(Format.kindLabel) ?? "event").capitalizedFirst + " with"
        }
        let when: String
        if action.overdue {
            when = "overdue since \(Format.short(action.due))"
        } else if action.due == today {
            when = "due today"
        } else {
            when = "\(Format.short(action.due)), \(Format.relative(action.due, today: today))"
        }
        let links = articleLinks(action.articles, from: path)
        return [
            "verb": .string(verb), "company": .string(action.company), "role": .string(action.role),
            "href": .string(SitePath.link(from: path, to: SitePath.application(action.application))),
            "when": .string(when), "overdue": .bool(action.overdue), "dueToday": .bool(action.due == today && !action.overdue),
            "mark": .string(action.overdue ? "!" : "·"), "articles": .array(links), "hasArticles": .bool(!links.isEmpty),
        ]
    }

    // MARK: Markdown

    /// A journal note: inline Markdown whose links may only be http, https or mailto.
    func inline(_ markdown: String) -> String { MarkdownRenderer.inlineHTML(markdown, options: Self.noteOptions) }
    /// Free notes of an application (same link rule as event notes).
    func notes(_ markdown: String) -> String { MarkdownRenderer.html(markdown, options: Self.noteOptions) }
    /// An article's body as HTML (made by `renderArticles`).
    func articleHTML(_ article: Article) -> String {
        articleBodies[article.slug] ?? MarkdownRenderer.html(article.body, options: markdown)
    }

    /// Renders every article's body, in parallel, reusing the bodies `store` kept from the last
    /// build when their text and options are the same.
    func renderArticles(store: ArticleBodies?) {
        let options = markdown
        let bodies = Parallel.map(articles, chunk: 4) { article in
            store?.html(for: article, unsafe: options.unsafeHTML) ?? MarkdownRenderer.html(article.body, options: options)
        }
        var bySlug: [String: String] = [:]
        for (article, html) in zip(articles, bodies) {
            bySlug[article.slug] = html
            store?.keep(article, unsafe: options.unsafeHTML, html: html)
        }
        articleBodies = bySlug
    }

    // Journal text (written by hand, imported, or suggested from mail) never passes raw HTML:
    // `unsafe_html` is for articles only, so no note can carry a script or an event handler.
    static let noteOptions = MarkdownOptions(unsafeHTML: false, linkSchemes: MarkdownOptions.noteSchemes)
}
