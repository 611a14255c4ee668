import Foundation
import TestSupport
import Testing

@testable import Journal

/// Every diagnostic of journal-format.md, fed its bad input, with its exact place and message.
@Suite struct DiagnosticTests {
    @Test func impossibleDateIsAnErrorAtTheDate() {
        let j = journal(["a.md": "## A — B\n- 2026-01-01 applied\n- 2026-02-30 reply\n"])
        #expect(printed(j) == ["journal/a.md:3:3: error: invalid date '2026-02-30'"])
        #expect(j.hasErrors)
    }

    @Test func impossibleTimeIsAnErrorAtTheTime() {
        let j = journal(["a.md": "## A — B\n- 2026-01-01 24:00 interview\n"])
        #expect(
            printed(j) == [
                "journal/a.md:1:4: warning: no dated events: this application counts in no figure until it has one ('- YYYY-MM-DD applied')",
                "journal/a.md:2:14: error: invalid time '24:00' (use 00:00 to 23:59, or 1am to 12pm)",
            ])
    }

    @Test func dateInAnotherShapeIsAWarningAndNotAnEvent() {
        let j = journal(["a.md": "## A — B\n- 2026-01-01 applied\n- 03/01/2026 reply\n"])
        #expect(
            printed(j) == [
                "journal/a.md:3:3: warning: '03/01/2026' is not a date in the form YYYY-MM-DD, so this item is not an event"
            ])
        #expect(j.applications[0].events.count == 1)
        #expect(!j.hasErrors)
    }

    @Test func eventOutsideAnyApplicationIsAWarning() {
        let j = journal(["a.md": "# Title\n- 2026-03-01 reply\n\n## A — B\n- 2026-03-02 applied\n"])
        #expect(printed(j).count == 1)
        #expect(printed(j)[0].hasPrefix("journal/a.md:2:3: warning: event outside any application (under 'Title'"))
    }

    @Test func unknownKindIsKeptAsANoteWithAWarningAtTheWord() {
        let j = journal(["a.md": "## A — B\n- 2026-03-01 09:30 coffee: with Dana\n"])
        #expect(
            printed(j) == [
                "journal/a.md:2:20: warning: unknown event kind 'coffee' (did you mean 'offer'?); kept as a note"
            ])
        #expect(j.diagnostics[0].fix == nil, "a word merely near a kind gets a hint, not a fix")
        #expect(j.applications[0].events[0].kind == .note)
        #expect(j.applications[0].events[0].note == "coffee: with Dana")
    }

    @Test func headingWithoutSeparatorButWithEventsIsAnApplicationWithAWarning() {
        let j = journal(["a.md": "## Initrode\n- 2026-03-01 applied\n\n## Notes\nno events here\n"])
        #expect(j.applications.map(\.company) == ["Initrode"])
        #expect(
            printed(j) == [
                "journal/a.md:1:4: warning: heading 'Initrode' has no separator ('Company — Role'); the whole heading is taken as the company, with no role"
            ])
    }

    @Test func frontMatterThatIsNotYAMLGivesItsLine() {
        let j = journal(["a.md": "---\ncompany: Acme\nrole: [unclosed\n---\n- 2026-01-01 applied\n"])
        #expect(j.hasErrors)
        #expect(printed(j).count == 1)
        #expect(printed(j)[0].hasPrefix("journal/a.md:"))
        #expect(printed(j)[0].contains("error: front matter is not valid YAML"))
        let line = Int(printed(j)[0].split(separator: ":")[1]) ?? 0
        #expect((3...5).contains(line))
    }

    @Test func frontMatterThatIsNotAMappingIsAnError() {
        let j = journal(["a.md": "---\n- just\n- a list\n---\n"])
        #expect(
            printed(j) == ["journal/a.md:2:1: error: front matter must be a mapping of keys to values (like 'title: My search')"])
    }

    @Test func unclosedFrontMatterIsAnError() {
        let j = journal(["a.md": "---\ncompany: Acme\n- 2026-01-01 applied\n"])
        #expect(printed(j) == ["journal/a.md:1:1: error: front matter is not closed: add a line '---' after it"])
    }

    @Test func applicationWithoutCompanyIsAnError() {
        let a = journal(["a.md": "---\nrole: Dev\n---\n- 2026-01-01 applied\n"])
        #expect(printed(a) == ["journal/a.md:1:1: error: application has no company: add 'company: Name' to the front matter"])
        let b = journal(["b.md": "## — Dev\n- 2026-01-01 applied\n"])
        #expect(printed(b) == ["journal/b.md:1:4: error: application has no company: write the heading as '## Company — Role'"])
    }

    @Test func errorsAfterLongFrontMatterPointAtTheFileLine() {
        let text =
            "---\ncompany: Acme\nrole: Dev\nsource: a\nlocation: b\nlink: c\ncontact: d\nsalary: e\ntags: [x]\nprivate: false\n---\n\n- 2026-13-01 applied\n"
        #expect(
            printed(journal(["a.md": text])) == [
                "journal/a.md:1:1: warning: no dated events: this application counts in no figure until it has one ('- YYYY-MM-DD applied')",
                "journal/a.md:13:3: error: invalid date '2026-13-01'",
            ])
    }

    @Test func unknownPropertiesAreWarningsAtTheKey() {
        let a = journal(["a.md": "---\ncompany: Acme\nrole: Dev\nmood: hopeful\n---\n"])
        #expect(
            printed(a) == [
                "journal/a.md:1:1: warning: no dated events: this application counts in no figure until it has one ('- YYYY-MM-DD applied')",
                "journal/a.md:4:1: warning: unknown property 'mood' (known: company, role, source, location, link, contact, salary, tags, private, address, phone, reference, method)",
            ])
        let b = journal(["b.md": "## Acme — Dev\nsource: x · mood: fine\n- 2026-01-01 applied\n"])
        #expect(
            printed(b) == [
                "journal/b.md:2:14: warning: unknown property 'mood' (known: company, role, source, location, link, contact, salary, tags, private, address, phone, reference, method)"
            ])
    }

    @Test func privateMustBeABoolean() {
        let a = journal(["a.md": "---\ncompany: Acme\nprivate: maybe\n---\n"])
        #expect(
            printed(a) == [
                "journal/a.md:1:1: warning: no dated events: this application counts in no figure until it has one ('- YYYY-MM-DD applied')",
                "journal/a.md:3:1: error: 'private' must be true or false",
            ])
    }

    @Test func duplicateApplicationsAreAnError() {
        let j = journal([
            "a.md": "## Acme — Dev\n- 2026-01-01 applied\n",
            "b.md": "---\ncompany: ' ACME '\nrole: dev\n---\n- 2026-01-01 applied\n",
        ])
        #expect(
            printed(j) == [
                "journal/a.md:1:4: note: 'Acme', 'ACME' are counted as one company, shown as 'Acme'",
                "journal/b.md:1:1: error: duplicate application: 'ACME — dev' first dated 2026-01-01 is already at journal/a.md:1:4",
            ])
    }

    @Test func eventAfterTheFinalOutcomeIsAWarning() {
        let j = journal([
            "a.md": "## A — B\n- 2026-01-01 applied\n- 2026-01-05 rejected\n- 2026-01-06 thank-you\n- 2026-01-07 reply\n"
        ])
        #expect(
            printed(j) == [
                "journal/a.md:5:3: warning: 'reply' is dated after the application's final outcome ('rejected' on 2026-01-05)"
            ])
    }

    @Test func invalidUTF8IsAnErrorAtTheByte() throws {
        var data = Data("## A — B\n- 2026-01-01 ".utf8)
        data.append(contentsOf: [0xFF, 0x0A])
        guard case .failure(let diagnostic) = SourceText.decode(data, displayPath: "j/a.md", relativePath: "a.md") else {
            Issue.record("decoded invalid UTF-8")
            return
        }
        #expect(diagnostic.description == "j/a.md:2:14: error: file is not valid UTF-8 (byte 0xFF); save it as UTF-8")
    }

    @Test func siteConfigWrongTypesAreErrorsAndUnknownKeysWarnings() throws {
        let folder = TemporaryFolder()
        try folder.write(
            "site.yml", "title: T\nunsafe_html: maybe\ncolour: blue\npolicy:\n  max_follow_ups: many\n  silent_after_days: 45\n")
        let j = JournalLoader.load(content: folder.url)
        let messages = j.diagnostics.map { "\($0.location!.line):\($0.location!.column): \($0.severity.rawValue): \($0.message)" }
        #expect(
            messages == [
                "2:1: error: 'unsafe_html' must be true or false",
                "3:1: warning: unknown key 'colour' in site.yml (known: title, author, base_url, timezone, unsafe_html, policy, date_order, companies, periods, work_search, me)",
                "5:3: error: 'max_follow_ups' must be a whole number from 1 to 100000",
            ])
        #expect(j.config.policy.silentAfterDays == 45)
    }

    @Test func siteConfigDefaultsAndTimeZone() throws {
        let folder = TemporaryFolder()
        try folder.write("site.yml", "timezone: Mars/Olympus\n")
        let j = JournalLoader.load(content: folder.url)
        #expect(
            j.diagnostics.map(\.message) == ["'timezone' must be an IANA time zone name like Europe/Berlin, not 'Mars/Olympus'"])
        let empty = JournalLoader.load(content: TemporaryFolder().url)
        #expect(empty.config.policy == Policy())
        #expect(empty.config.policy.thankYouWithinHours == 24 && empty.config.policy.followUpAfterDays == 7)
        #expect(empty.config.policy.maxFollowUps == 2 && empty.config.policy.silentAfterDays == 30)
    }

    @Test func articleFrontMatterIsCheckedAndSummaryWarned() throws {
        let folder = TemporaryFolder()
        try folder.write("articles/thanks.md", "---\ntitle: Say thanks\ndate: 2026-01-09\ntopics: [Thank-You]\n---\nBody\n")
        try folder.write("articles/broken.md", "---\ndate: 2026-02-31\n---\n")
        let j = JournalLoader.load(content: folder.url)
        let messages = j.diagnostics.map {
            "\($0.location!.file.split(separator: "/").last!):\($0.location!.line):\($0.location!.column): \($0.message)"
        }
        #expect(
            messages == [
                "broken.md:1:1: article has no 'title' in its front matter",
                "broken.md:1:1: article has no 'summary'; lists and feeds will show none",
                "broken.md:2:1: invalid date '2026-02-31' (use YYYY-MM-DD)",
                "thanks.md:1:1: article has no 'summary'; lists and feeds will show none",
            ])
        #expect(j.articles.map(\.slug) == ["thanks"])
        #expect(j.articles[0].topics == ["thank-you"])
    }
}
