import Foundation
import Journal
import Testing

@testable import Site

/// Hostile journal values come out escaped in every format, and public builds leak nothing.
@Suite struct EscapingTests {
    static let hostile = """
        ## <script>alert(1)</script> & Co — Dev "lead" 'x'
        contact: <img src=x onerror=alert(2)>
        link: javascript:alert(3)

        - 2026-03-01 applied: <script>alert(4)</script> [click](javascript:alert(5))
        - 2026-03-02 reply
        - 2026-03-25 interview: </script><b>bold</b>

        Notes with <iframe src="x"></iframe> raw HTML.
        """

    @Test func scriptBearingValuesAreEscapedEverywhere() throws {
        let journal = JournalBuilder.build(files: [("h.md", Self.hostile)])
        #expect(!journal.hasErrors)
        let (site, _) = try SiteFixture.render(journal, today: try #require(CivilDate(iso: "2026-03-15")))
        // HTML, XML and JSON must never carry the markup; CSV and ICS are plain text formats with their own escaping.
        for (path, bytes) in site.files where path.hasSuffix(".html") || path.hasSuffix(".xml") || path.hasSuffix(".json") {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("<script>alert"), "\(path) holds a raw script")
            #expect(!text.contains("<img src=x"), "\(path) holds a raw img")
            #expect(!text.contains("<iframe"), "\(path) holds a raw iframe")
            #expect(!text.contains("href=\"javascript:"), "\(path) links to javascript:")
        }
        let page = site.text("applications/script-alert-1-script-co-dev-lead-x/index.html")
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"))
        #expect(!page.contains("<a href=\"javascript"))
        #expect(site.text("data/applications.json").contains("\\u003cscript>alert(1)\\u003c/script>"))
        #expect(site.text("calendar.ics").contains("SUMMARY:Interview: <script>alert(1)</script> & Co — Dev \"lead\" 'x'"))
        #expect(site.text("sitemap.xml").contains("script-alert-1-script-co-dev-lead-x"))
        let svg = site.text("timeline/index.html")
        #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script"))
    }

    @Test func unsafeHTMLIsForArticlesNeverForJournalNotes() throws {
        var config = SiteConfig()
        config.unsafeHTML = true
        let hostile =
            Self.hostile
            + "\n## Raw Co — Dev\n- 2026-03-01 applied: <a href=\"javascript:alert(5)\">x</a> <img src=x onerror=\"alert(6)\"> <a href=\"data:text/html,hi\">d</a>\n"
        let journal = JournalBuilder.build(files: [("h.md", hostile)], config: config)
        let (site, _) = try SiteFixture.render(journal, today: try #require(CivilDate(iso: "2026-03-15")))
        let page = site.text("applications/script-alert-1-script-co-dev-lead-x/index.html")
        #expect(!page.contains("<b>bold</b>"), "raw HTML in a note is dropped even with unsafe_html")
        #expect(!page.contains("<script>alert(4)"))
        #expect(!page.contains("<iframe"))
        let raw = site.text("applications/raw-co-dev/index.html")
        #expect(!raw.contains("javascript:") && !raw.contains("onerror") && !raw.contains("data:text"), "\(raw)")
        // Articles keep raw HTML when asked (the tag filter still removes scripts): MarkdownTests.
    }

    @Test func publicBuildLeavesOutEveryPrivateDetail() throws {
        let (site, _, journal) = try SiteFixture.example(isPublic: true)
        var secrets: [String] = []
        for app in journal.applications {
            if app.isPrivate { secrets.append(app.company) }
            secrets += [app.contact, app.link, app.salary].compactMap { $0 }
            secrets += app.events.map(\.note).filter { $0.count > 12 }
            if !app.notes.isEmpty { secrets.append(String(app.notes.prefix(40))) }
        }
        for company in Set(journal.applications.map(\.company)) { secrets.append(company) }
        #expect(secrets.count > 60)
        for (path, bytes) in site.files where !path.hasPrefix("assets/") {
            let text = String(decoding: bytes, as: UTF8.self)
            for secret in secrets where text.contains(secret) {
                Issue.record("\(path) contains '\(secret)'")
            }
        }
        #expect(site.text("index.html").contains("Company A"))
        #expect(!site.text("index.html").contains("name=\"robots\""))
    }

    @Test func pseudonymsAreStableAcrossBuilds() throws {
        let one = try SiteFixture.example(isPublic: true).0
        let two = try SiteFixture.example(isPublic: true).0
        #expect(one.files == two.files)
    }
}

/// A generated journal with private applications: a public build mentions none of them.
@Suite struct GeneratedPublicBuildTests {
    @Test func noPrivateDetailOfAGeneratedJournalLeaks() throws {
        var files: [(String, String)] = []
        var secrets: [String] = []
        for i in 0..<60 {
            let isPrivate = i % 3 == 0
            let company = "Zq\(i)Corp"
            let contact = "Contact Person \(i)x"
            let salary = "\(100 + i)k secret"
            let note = "private note number \(i) about the team"
            if isPrivate { secrets.append(company) }
            secrets += [contact, salary, note, "https://jobs.example/\(i)/x"]
            files.append(
                (
                    "a\(i).md",
                    "---\ncompany: \(company)\nrole: Dev\ncontact: \(contact)\nsalary: \(salary)\nlink: https://jobs.example/\(i)/x\nprivate: \(isPrivate)\n---\n- 2026-02-0\(i % 9 + 1) applied: \(note)\n- 2026-03-0\(i % 9 + 1) reply\n\nFree notes: \(note)\n"
                ))
            secrets.append(company)  // every real company name is replaced by a pseudonym
        }
        let journal = JournalBuilder.build(files: files)
        let (site, stats) = try SiteFixture.render(journal, today: try #require(CivilDate(iso: "2026-03-15")), isPublic: true)
        #expect(stats.applications == 40)
        for (path, bytes) in site.files where !path.hasPrefix("assets/") {
            let text = String(decoding: bytes, as: UTF8.self)
            for secret in secrets where text.contains(secret) { Issue.record("\(path) contains '\(secret)'") }
            #expect(!path.contains("zq"), "\(path) names a company")
        }
    }

    @Test func draftsAppearOnlyWhenAsked() throws {
        let journal = JournalLoader.load(content: SiteFixture.exampleContent)
        let without = try SiteFixture.render(journal).0
        let with = try SiteFixture.render(journal, drafts: true).0
        #expect(without.files["advice/negotiating-an-offer/index.html"] == nil)
        #expect(with.files["advice/negotiating-an-offer/index.html"] != nil)
        #expect(!without.text("feed.xml").contains("Comparing two offers"))
    }
}
