import Foundation
import Testing

@testable import Journal
@testable import Site

/// A public build shows companies by pseudonym: it warns about every published article that names
/// one by its real name, and leaves out the articles marked `private: true` (issue 16).
@Suite struct PublicArticleTests {
    static func article(_ name: String, _ text: String) -> Article {
        let source = SourceText(displayPath: "articles/\(name).md", relativePath: "\(name).md", text: text)
        return ArticleReader.read(source).0!
    }

    static func journal() -> Journal {
        var journal = JournalBuilder.build(files: [
            ("a.md", "## Northwind Labs — iOS Engineer\n- 2026-03-02 applied\n\n## Ab — Tester\n- 2026-03-03 applied\n")
        ])
        journal.articles = [
            article(
                "naming",
                "---\ntitle: Interviews\ndate: 2026-03-01\nsummary: How they went\n---\nFirst line.\n\nMy loop at northwind labs went well.\n"
            ),
            article(
                "titled", "---\ntitle: After Northwind Labs\ndate: 2026-03-02\nsummary: s\n---\nNothing here.\n"),
            article(
                "secret",
                "---\ntitle: Notes\ndate: 2026-03-03\nsummary: s\nprivate: true\n---\nNorthwind Labs said no.\n"),
            article("clean", "---\ntitle: Plain\ndate: 2026-03-04\nsummary: s\n---\nA lab in the north; ab testing.\n"),
        ]
        return journal
    }

    @Test func aPublicBuildWarnsAboutArticlesThatNameACompany() throws {
        let today = try #require(CivilDate(iso: "2026-03-10"))
        let (site, _) = try SitePipeline.render(
            Self.journal(), theme: try Theme.embedded(), options: BuildOptions(today: today, isPublic: true))
        let warnings = site.notes.filter { $0.severity == .warning }
        #expect(
            warnings.map { $0.location?.description ?? "" } == ["articles/naming.md:8:1", "articles/titled.md:1:1"],
            "the body's line, or the file's start for the title; 'Ab' is too short to match, 'north' is not 'Northwind Labs'"
        )
        #expect(warnings.allSatisfy { $0.message.contains("'Northwind Labs'") && $0.hint?.contains("private: true") == true })
        #expect(site.files["advice/secret/index.html"] == nil, "a private article is not published")
        #expect(!site.text("feed.xml").contains("Northwind Labs said no"))
        #expect(site.files["advice/clean/index.html"] != nil)
    }

    @Test func anOrdinaryBuildKeepsEveryArticleAndSaysNothing() throws {
        let today = try #require(CivilDate(iso: "2026-03-10"))
        let (site, _) = try SitePipeline.render(
            Self.journal(), theme: try Theme.embedded(), options: BuildOptions(today: today))
        #expect(site.notes.filter { $0.severity == .warning } == [])
        #expect(site.files["advice/secret/index.html"] != nil)
    }
}
