import Analytics
import Foundation
import Testing

@testable import Journal
@testable import Site

/// The cache keys of application, company and article pages are derived from the values their contexts are
/// made from (issue 10): every change to something such a page shows must re-render it. Each case
/// edits one thing, builds with the cache of the previous build, and compares every page with a
/// build that has no cache at all: a stale page would differ.
@Suite struct PageKeyTests {
    static let today = CivilDate(iso: "2026-03-20")!
    static let base = """
        ## Acme — Developer
        - source: referral
        - location: Berlin
        - contact: Dana Roe
        - salary: 60k
        - link: https://example.com/job
        - tags: remote, backend
        - 2026-03-02 applied: through Dana
        - 2026-03-06 reply: they want to talk
        - 2026-03-10 interview: with the team

        Free notes about Acme.

        ## Birch — Analyst
        - 2026-03-03 applied
        """
    static let article = """
        ---
        title: After an interview
        date: 2026-03-01
        topics: [thank-you, interview]
        ---
        Write the note the same day.
        """

    static func journal(_ text: String, article: String? = nil, config: SiteConfig = SiteConfig()) -> Journal {
        var journal = JournalBuilder.build(files: [("a.md", text)], config: config)
        if let article {
            let source = SourceText(displayPath: "articles/after.md", relativePath: "after.md", text: article)
            journal.articles = ArticleReader.read(source).0.map { [$0] } ?? []
        }
        return journal
    }

    static func render(_ journal: Journal, today: CivilDate = today, isPublic: Bool = false, cache: RenderCache?) throws
        -> [String: [UInt8]]
    {
        let (site, _) = try SitePipeline.render(
            journal, theme: try Theme.embedded(), options: BuildOptions(today: today, isPublic: isPublic), cache: cache)
        cache?.commit()
        return site.files
    }

    /// One edit each, to a field an application or company page shows (or the frame they share).
    nonisolated(unsafe) static let edits: [(String, () -> (Journal, CivilDate, Bool))] = {
        func text(_ replace: String, _ with: String) -> () -> (Journal, CivilDate, Bool) {
            { (journal(base.replacingOccurrences(of: replace, with: with), article: article), today, false) }
        }
        var retitled = SiteConfig()
        retitled.title = "Another title"
        var policy = SiteConfig()
        policy.policy.followUpAfterDays = 3
        var minimum = SiteConfig()
        minimum.workSearch.minimumPerWeek = 2
        var days = minimum
        days.workSearch.distinctDays = true
        var author = SiteConfig()
        author.author = "Robin Example"
        return [
            ("event note", text("they want to talk", "they want to meet")),
            ("event date", text("2026-03-06 reply", "2026-03-07 reply")),
            ("event kind", text("2026-03-10 interview", "2026-03-10 rejected")),
            ("new event", text("Free notes", "- 2026-03-12 offer: 60k\n\nFree notes")),
            ("promised answer", text("Free notes", "- 2026-03-11 expect 2026-03-14: decision by Friday\n\nFree notes")),
            ("source", text("referral", "job board")), ("location", text("Berlin", "Lisbon")),
            ("contact", text("Dana Roe", "Sam Poe")), ("salary", text("60k", "70k")),
            ("link", text("example.com/job", "example.com/other")), ("tags", text("remote, backend", "remote")),
            ("role", text("Acme — Developer", "Acme — Lead Developer")),
            ("company spelling", text("## Acme — Developer", "## ACME — Developer")),
            ("free notes", text("Free notes about Acme.", "Other notes.")),
            ("private", text("- source: referral", "- private: true\n- source: referral")),
            ("another application", text("## Birch", "## Acme — Tester\n- 2026-03-04 applied\n\n## Birch")),
            (
                "article title",
                { (journal(base, article: article.replacingOccurrences(of: "After an", with: "Past an")), today, false) }
            ),
            ("article gone", { (journal(base), today, false) }),
            (
                "article body",
                { (journal(base, article: article.replacingOccurrences(of: "same day", with: "next morning")), today, false) }
            ),
            (
                "thank-you figures",
                text(
                    "- 2026-03-10 interview: with the team", "- 2026-03-10 interview: with the team\n- 2026-03-10 thank-you: sent"
                )
            ),
            ("site title", { (journal(base, article: article, config: retitled), today, false) }),
            ("policy", { (journal(base, article: article, config: policy), today, false) }),
            ("work-search minimum", { (journal(base, article: article, config: minimum), today, false) }),
            ("work-search days", { (journal(base, article: article, config: days), today, false) }),
            ("author", { (journal(base, article: article, config: author), today, false) }),
            ("today", { (journal(base, article: article), CivilDate(iso: "2026-04-30")!, false) }),
            ("public build", { (journal(base, article: article), today, true) }),
        ]
    }()

    @Test(arguments: edits.map(\.0))
    func anEditReRendersEveryPageThatShowsIt(_ name: String) throws {
        let cache = RenderCache()
        let first = try Self.render(Self.journal(Self.base, article: Self.article), cache: cache)
        let again = try Self.render(Self.journal(Self.base, article: Self.article), cache: cache)
        #expect(again == first)
        #expect(cache.rendered == 0, "an unchanged journal renders nothing again")
        let (journal, today, isPublic) = try #require(Self.edits.first { $0.0 == name }).1()
        let cached = try Self.render(journal, today: today, isPublic: isPublic, cache: cache)
        let fresh = try Self.render(journal, today: today, isPublic: isPublic, cache: nil)
        let stale = fresh.keys.sorted().filter { cached[$0] != fresh[$0] }
        #expect(stale == [], "\(name): pages the cache served stale")
        #expect(cached.keys.sorted() == fresh.keys.sorted())
        let changed = fresh.keys.filter {
            $0.hasPrefix("applications/") || $0.hasPrefix("companies/") || $0.hasPrefix("advice/") || $0.hasPrefix("report/")
        }
        .filter { first[$0] != fresh[$0] }
        #expect(!changed.isEmpty, "\(name) changes no application, company, article or report page: the edit tests nothing")
    }
}
