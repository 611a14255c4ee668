import Analytics
import Foundation
import Journal
import Markdown
import Templates

/// Everything the page builders share: the journal, its figures, slugs of companies and tags,
/// and the frame every page needs. Built once per build; a class, so the thousands of page jobs
/// that hold it share one copy.
final class SiteModel: @unchecked Sendable {
    let journal: Journal
    let stats: Statistics
    let options: BuildOptions
    let articles: [Article]
    let markdown: MarkdownOptions
    /// Company key → page slug (numbered like application slugs when two names give the same slug).
    let companySlugs: [String: String]
    /// Application slug → its facts.
    let factsBySlug: [String: ApplicationFacts]
    /// Application slug → its actions.
    let actionsBySlug: [String: [Action]]
    let articlesBySlug: [String: Article]
    /// Topic → its articles, newest first.
    let articlesByTopic: [String: [Article]]
    /// Each article's body, rendered the first time a page or the feed asks for it (on whichever
    /// core gets there first) and shared after that.
    private var articleBodies: [String: String] = [:]
    private let articleLock = NSLock()
    /// The site part of every page's frame, made once.
    let site: TemplateValue
    /// Navigation by page depth and section.
    let navigation: [[String: TemplateValue]]
    /// The sections this build links (a public build has no work-search log).
    let navigationItems: [(label: String, path: String, kind: String)]
    /// The most advice links a page shows for one thing (every match stays in stats.json).
    static let adviceLimit = 3

    init(journal: Journal, stats: Statistics, options: BuildOptions) {
        self.journal = journal
        self.stats = stats
        self.options = options
        articles = journal.articles.filter { options.includeDrafts || !$0.isDraft }
            .sorted { $0.date != $1.date ? $0.date > $1.date : TextKey.precedes($0.slug, $1.slug) }
        markdown = MarkdownOptions(unsafeHTML: journal.config.unsafeHTML)
        var slugs: [String: String] = [:]
        var numbering = SlugNumbering()
        let bases = Parallel.map(stats.companies) { Slug.make($0.company, fallback: "company") }
        for (company, base) in zip(stats.companies, bases) { slugs[company.key] = numbering.next(base) }
        companySlugs = slugs
        var facts: [String: ApplicationFacts] = [:]
        for fact in stats.facts { facts[fact.application.slug] = fact }
        factsBySlug = facts
        var actions: [String: [Action]] = [:]
        for action in stats.actions { actions[action.application, default: []].append(action) }
        actionsBySlug = actions
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
        let items = Self.navigation.filter { !options.isPublic || $0.kind != "report" }
        navigationItems = items
        navigation = (0..<Self.navigationDepths).map { depth in
            Dictionary(uniqueKeysWithValues: items.map { ($0.kind, Self.navigation(depth, $0.kind, items)) })
        }
    }

    var today: CivilDate { options.today }

    static let navigation: [(label: String, path: String, kind: String)] = [
        ("Dashboard", "index.html", "dashboard"), ("Applications", "applications/index.html", "applications"),
        ("Timeline", "timeline/index.html", "timeline"), ("Statistics", "stats/index.html", "stats"),
        ("Companies", "companies/index.html", "companies"), ("Work search", "report/index.html", "report"),
        ("Advice", "advice/index.html", "advice"),
    ]

    /// The frame of every page: site, page, root, navigation, robots.
    func frame(path: String, title: String, kind: String) -> TemplateObject {
        let depth = path.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 }
        return [
            "site": site,
            "page": ["title": .string(title), "path": .string(path), "kind": .string(kind)],
            "root": .string(SitePath.root(from: path)),
            "noindex": .bool(!options.isPublic),
            "nav": depth < Self.navigationDepths
                ? navigation[depth][kind] ?? Self.navigation(depth, kind, navigationItems)
                : Self.navigation(depth, kind, navigationItems),
        ]
    }

    /// Navigation depends only on how deep the page is and which section it belongs to: made once
    /// for the usual depths and shared by every page.
    static let navigationDepths = 5

    static func navigation(_ depth: Int, _ kind: String, _ items: [(label: String, path: String, kind: String)])
        -> TemplateValue
    {
        let root = String(repeating: "../", count: depth)
        return .array(
            items.map { item in
                ["label": .string(item.label), "href": .string(root + item.path), "current": .bool(item.kind == kind)]
            })
    }

    func companySlug(for app: Application) -> String {
        companySlugs[app.companyKey] ?? Slug.make(app.company, fallback: "company")
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
    func inline(_ markdown: String) -> String { MarkdownRenderer.inlineHTML(markdown, options: noteOptions) }
    /// Free notes of an application (same link rule as event notes).
    func notes(_ markdown: String) -> String { MarkdownRenderer.html(markdown, options: noteOptions) }
    /// An article's body as HTML.
    func articleHTML(_ article: Article) -> String {
        if let done = articleLock.withLock({ articleBodies[article.slug] }) { return done }
        let html = MarkdownRenderer.html(article.body, options: markdown)
        articleLock.withLock { articleBodies[article.slug] = html }
        return html
    }

    var noteOptions: MarkdownOptions {
        // Journal text (written by hand, imported, or suggested from mail) never passes raw HTML:
        // `unsafe_html` is for articles only, so no note can carry a script or an event handler.
        MarkdownOptions(unsafeHTML: false, linkSchemes: MarkdownOptions.noteSchemes)
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

/// A value for a template: the text, or nothing at all.
func orNull(_ value: String?) -> TemplateValue { value.map(TemplateValue.string) ?? .null }
