import Testing

@testable import Journal

/// capture-and-insight.md sections 1, 1b and 2: nothing dropped silently, fixes byte for byte,
/// tolerant times and separators, one company however it is spelled.
@Suite struct CaptureTests {
    /// A hurried journal: every line below the heading is meant as an event.
    static let hurried = """
        ## Acme — iOS
        - 2026-03-02 applied
        - Mar 4 reply: recruiter wrote back
        - Oct 20, 2026 note: a date with its year
        - **2026-03-05** screen
        - `2026-03-06` thank-you
        - 2026-03-07T14:00 interview: onsite
        -2026-03-08 follow-up
        2026-03-09 note: a line with no bullet
        - 3/10/2026 reply
        - 11.3.2026 reply
        - 2026-03-12 interveiw
        - 2026-03-13 14h00 interview
        - 2026-03-14: reply
        - 2026-03-15 3:15 pm thank-you
        - 2026-03-16 2pm interview

        """

    /// The same journal after `check --fix`, byte for byte: only the fixed lines changed.
    static let fixed = """
        ## Acme — iOS
        - 2026-03-02 applied
        - 2026-03-04 reply: recruiter wrote back
        - 2026-10-20 note: a date with its year
        - 2026-03-05 screen
        - 2026-03-06 thank-you
        - 2026-03-07 14:00 interview: onsite
        - 2026-03-08 follow-up
        - 2026-03-09 note: a line with no bullet
        - 2026-03-10 reply
        - 2026-03-11 reply
        - 2026-03-12 interview
        - 2026-03-13 14:00 interview
        - 2026-03-14: reply
        - 2026-03-15 3:15 pm thank-you
        - 2026-03-16 2pm interview

        """

    @Test func everyEventLikeLineIsAnEventOrADiagnostic() throws {
        let j = journal(["a.md": Self.hurried])
        let app = try #require(j.applications.first)
        let eventLines = Set(app.events.map(\.location.line))
        let diagnosed = Set(j.diagnostics.map(\.location!.line))
        let lines = Self.hurried.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where index > 0 && !line.isEmpty {
            #expect(
                eventLines.contains(index + 1) || diagnosed.contains(index + 1), "line \(index + 1) dropped silently: \(line)")
        }
        // Taken as written: applied, the `:` separator, am/pm times, and two lines kept as notes with a warning.
        #expect(
            app.events.map(\.date.description) == [
                "2026-03-02", "2026-03-12", "2026-03-13", "2026-03-14", "2026-03-15", "2026-03-16",
            ])
        #expect(app.events.map(\.kind) == [.applied, .note, .note, .reply, .thankYou, .interview])
        #expect(app.events.map { $0.time?.description } == [nil, nil, nil, nil, "15:15", "14:00"])
    }

    @Test func eachDiagnosticIsLocatedWithOneSuggestion() {
        let j = journal(["a.md": Self.hurried])
        #expect(
            j.diagnostics.map(\.description) == [
                "journal/a.md:3:3: warning: 'Mar 4' is not a date in the form YYYY-MM-DD, so this item is not an event (it has no year)",
                "journal/a.md:4:3: warning: 'Oct 20, 2026' is not a date in the form YYYY-MM-DD, so this item is not an event",
                "journal/a.md:5:3: warning: '2026-03-05' is not a date in the form YYYY-MM-DD, so this item is not an event",
                "journal/a.md:6:3: warning: '2026-03-06' is not a date in the form YYYY-MM-DD, so this item is not an event",
                "journal/a.md:7:3: warning: '2026-03-07' is not a date in the form YYYY-MM-DD, so this item is not an event",
                "journal/a.md:8:1: warning: '2026-03-08' is not a date in the form YYYY-MM-DD, so this item is not an event",
                "journal/a.md:9:1: warning: a dated line that is not a list item is not an event; start it with '- '",
                "journal/a.md:10:3: warning: '3/10/2026' is not a date in the form YYYY-MM-DD, so this item is not an event",
                "journal/a.md:11:3: warning: '11.3.2026' is not a date in the form YYYY-MM-DD, so this item is not an event",
                "journal/a.md:12:14: warning: unknown event kind 'interveiw' (did you mean 'interview'?); kept as a note",
                "journal/a.md:13:14: warning: '14h00' is not a time in the form HH:MM; the event is kept as a note",
            ])
        #expect(j.diagnostics.allSatisfy { $0.fix != nil }, "each of these can be made exact")
    }

    @Test func fixesChangeOnlyTheirLines() throws {
        let j = journal(["a.md": Self.hurried])
        var fixes: [Int: String] = [:]
        for d in j.diagnostics { fixes[d.location!.line] = d.fix?.replacement }
        let result = String(decoding: JournalEditor.applyFixes(fixes, to: Array(Self.hurried.utf8)), as: UTF8.self)
        #expect(result == Self.fixed)
        // Line endings are kept: the same fixes on a CRLF copy give the CRLF copy of the result.
        let crlf = Self.hurried.replacingOccurrences(of: "\n", with: "\r\n")
        let crlfResult = String(decoding: JournalEditor.applyFixes(fixes, to: Array(crlf.utf8)), as: UTF8.self)
        #expect(crlfResult == Self.fixed.replacingOccurrences(of: "\n", with: "\r\n"))
        let again = journal(["a.md": result])
        #expect(again.diagnostics.isEmpty, "\(again.diagnostics)")
        #expect(again.applications[0].events.count == 15)
    }

    @Test func aYearlessDateTakesTheNearestYearOrNone() {
        let near = journal(["a.md": "## A — B\n- 2025-12-20 applied\n- Jan 3 reply\n"])
        #expect(near.diagnostics.first?.fix?.replacement == "- 2026-01-03 reply")
        let alone = journal(["a.md": "## A — B\n- Jan 3 reply\n"])
        #expect(alone.diagnostics.first { $0.message.contains("Jan 3") }?.fix == nil, "no dated event: no fix")
    }

    @Test func slashDatesFollowTheDateOrder() {
        var config = SiteConfig()
        #expect(
            journal(["a.md": "## A — B\n- 2026-03-01 applied\n- 4/3/2026 reply\n"]).diagnostics[0].fix?.replacement
                == "- 2026-04-03 reply")
        config.dayFirst = true
        #expect(
            journal(["a.md": "## A — B\n- 2026-03-01 applied\n- 4/3/2026 reply\n"], config: config).diagnostics[0].fix?
                .replacement
                == "- 2026-03-04 reply")
        // An impossible reading uses the other, whatever the order.
        #expect(
            journal(["a.md": "## A — B\n- 2026-03-01 applied\n- 13/2/2026 reply\n"]).diagnostics[0].fix?.replacement
                == "- 2026-02-13 reply")
    }

    @Test func timesAndSeparators() throws {
        let j = journal([
            "a.md":
                "## A — B\n- 2026-03-01 12am applied\n- 2026-03-02 12pm reply\n- 2026-03-03 9:30 AM - screen: x\n- 2026-03-04 14:00-15:00 interview\n- [x] 2026-03-05 thank-you\n"
        ])
        #expect(j.diagnostics.isEmpty, "\(j.diagnostics)")
        let events = try #require(j.applications.first).events
        #expect(events.map { $0.time?.description } == ["00:00", "12:00", "09:30", "14:00", nil])
        #expect(events.map(\.kind) == [.applied, .reply, .screen, .interview, .thankYou])
        #expect(events[2].note == "x")
    }

    @Test func propertyLinesAreReadOneByOne() throws {
        let j = journal([
            "a.md": "## A — B\nSource: referral\nlocation - Berlin\ncolour: blue\ntags: ios, remote\n\n- 2026-03-01 applied\n"
        ])
        let app = try #require(j.applications.first)
        #expect(app.source == "referral")
        #expect(app.tags == ["ios", "remote"])
        #expect(app.location == nil)
        #expect(
            j.diagnostics.map(\.description) == [
                "journal/a.md:3:1: warning: 'location - Berlin' is not a property line ('key: value'); it is ignored",
                "journal/a.md:4:1: warning: unknown property 'colour' (known: company, role, source, location, link, contact, salary, tags, private, address, phone, reference, method)",
            ])
        #expect(j.diagnostics[0].fix?.replacement == "location: Berlin")
    }

    @Test func headingsAndEventlessApplicationsAndSequences() {
        let j = journal([
            "a.md":
                "## A — B\n- 2026-03-01 applied\n### C — D\n- 2026-03-02 reply\n\n## E — F\nsource: x\n\n## G — H\n- 2026-03-01 reply\n- 2026-03-02 applied\n- 2026-03-20 applied\n"
        ])
        #expect(
            j.diagnostics.map(\.description) == [
                "journal/a.md:3:5: warning: '### C — D' starts no application; use '## C — D' (its events count in the application above)",
                "journal/a.md:6:4: warning: no dated events: this application counts in no figure until it has one ('- YYYY-MM-DD applied')",
                "journal/a.md:10:3: warning: 'reply' is dated before the first 'applied' (2026-03-02); the response time is counted from 'applied'",
                "journal/a.md:12:3: warning: applied twice: this application was already marked 'applied' on 2026-03-02 (both count as applications sent)",
            ])
        #expect(j.diagnostics[0].fix?.replacement == "## C — D")
    }

    @Test func multiWordAliasesAndNearKinds() throws {
        let j = journal([
            "a.md":
                "## A — B\n- 2026-03-01 applied\n- 2026-03-02 phone screen\n- 2026-03-03 thank you\n- 2026-03-04 follow up\n- 2026-03-05 recruiter call\n- 2026-03-06 asked for feedback\n- 2026-03-07 reject\n- 2026-03-08 feedback request\n"
        ])
        #expect(j.diagnostics.isEmpty)
        #expect(
            j.applications[0].events.map(\.kind) == [
                .applied, .screen, .thankYou, .followUp, .screen, .feedbackRequest, .rejected, .feedbackRequest,
            ])
        #expect(EventKind.nearest(to: "rejectd")?.kind == .rejected)
        #expect(EventKind.nearest(to: "xyzzy") == nil)
    }

    @Test func companyKeysMergeSpellings() {
        #expect(TextKey.company("Acme") == "acme")
        #expect(TextKey.company("ACME Corp.") == "acme")
        #expect(TextKey.company("Acme  Corp") == "acme")
        #expect(TextKey.company("Initech GmbH") == "initech")
        #expect(TextKey.company("Co") == "co", "a legal-form word alone stays")
        #expect(TextKey.company("Acme Holdings") == "acme holdings")
        #expect(TextKey.company("Zoë AG") == "zoë")
        var config = SiteConfig()
        config.companyAliases = [CompanyAlias(name: "Alphabet", spellings: ["Google", "YouTube"])]
        let j = journal(
            ["a.md": "## Google LLC — SRE\n- 2026-03-01 applied\n## YouTube — Data\n- 2026-03-02 applied\n"], config: config)
        #expect(Set(j.applications.map(\.companyKey)) == ["alphabet"])
        #expect(j.applications.map(\.companyDisplay) == ["Alphabet", "Alphabet"])
        #expect(
            j.diagnostics.map(\.description) == [
                "journal/a.md:1:4: note: 'Google LLC', 'YouTube' are counted as one company, shown as 'Alphabet'"
            ])
    }

    @Test func datesAsPeopleSayThem() throws {
        let today = try #require(CivilDate(iso: "2026-03-18"))  // a Wednesday
        #expect(JournalEditor.day("today", today: today) == today)
        #expect(JournalEditor.day("Yesterday", today: today)?.description == "2026-03-17")
        #expect(JournalEditor.day("monday", today: today)?.description == "2026-03-16")
        #expect(JournalEditor.day("wed", today: today)?.description == "2026-03-18")
        #expect(JournalEditor.day("thursday", today: today)?.description == "2026-03-12")
        #expect(JournalEditor.day("someday", today: today) == nil)
    }

    @Test func addTargetsByPrefixAndWords() throws {
        let j = journal([
            "a.md":
                "## Tyrell Corp — Replicant QA\n- 2026-03-01 applied\n## Wallace — Dev\n- 2026-03-01 applied\n## Wallace — QA\n- 2026-03-02 applied\n"
        ])
        #expect(try JournalEditor.resolve("Tyrell", in: j.applications).get().slug == "tyrell-corp-replicant-qa")
        #expect(try JournalEditor.resolve("tyr", in: j.applications).get().slug == "tyrell-corp-replicant-qa")
        #expect(try JournalEditor.resolve("wallace qa", in: j.applications).get().slug == "wallace-qa")
    }

    @Test func addKeepsDateOrder() throws {
        let text = "## A — B\n- 2026-03-01 applied\n- 2026-03-10 reply\n"
        let j = journal(["a.md": text])
        let app = try #require(j.applications.first)
        let between = JournalEditor.insertion(
            "2026-03-05 follow-up", into: Array(text.utf8), after: app, date: CivilDate(iso: "2026-03-05"))
        #expect(
            String(decoding: between.bytes, as: UTF8.self)
                == "## A — B\n- 2026-03-01 applied\n- 2026-03-05 follow-up\n- 2026-03-10 reply\n")
        #expect(between.line == 3)
        let first = JournalEditor.insertion(
            "2026-02-20 note", into: Array(text.utf8), after: app, date: CivilDate(iso: "2026-02-20"))
        #expect(
            String(decoding: first.bytes, as: UTF8.self)
                == "## A — B\n- 2026-02-20 note\n- 2026-03-01 applied\n- 2026-03-10 reply\n")
        #expect(first.line == 2)
    }

    @Test func aNoteWithLineBreaksStaysOneLine() throws {
        let date = try #require(CivilDate(iso: "2026-03-05"))
        let text = JournalEditor.eventText(date: date, time: nil, kind: .reply, note: "ok\r\n## Evil — Co\r\n- 2026-01-01 offer")
        #expect(text == "2026-03-05 reply: ok ## Evil — Co - 2026-01-01 offer")
        #expect(!text.unicodeScalars.contains { $0 == "\n" || $0 == "\r" })
    }
}

/// YAML errors point at what to change, with the usual fix as a hint.
@Suite struct YAMLHintTests {
    func only(_ text: String) -> Diagnostic? { journal(["a.md": text]).diagnostics.first { $0.isError } }

    @Test func theUsualMistakesAreExplained() throws {
        let colon = try #require(only("---\ncompany: Acme\nrole: Dev: Senior\n---\n- 2026-03-01 applied\n"))
        #expect(colon.location!.description == "journal/a.md:3:10")
        #expect(colon.hint == "a value holding ': ' needs quotes, like role: \"Dev: Senior\"")
        let indented = try #require(only("---\ncompany: Acme\n  role: Dev\n---\n- 2026-03-01 applied\n"))
        #expect(indented.hint?.contains("indented under the one above") == true)
        let bracket = try #require(only("---\ncompany: [Acme\nrole: Dev\n---\n- 2026-03-01 applied\n"))
        #expect(bracket.location!.description == "journal/a.md:2:10", "at the bracket, not the line after it")
        #expect(bracket.message == "front matter is not valid YAML: '[' is never closed")
        #expect(bracket.rendered.contains("\n  hint: close it on the same line"))
    }
}
