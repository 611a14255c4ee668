import Testing

@testable import Journal

/// `followup add` inserts exactly one line, in the file's own line endings, and nothing else changes.
@Suite struct JournalEditorTests {
    func add(_ text: String, path: String = "a.md", target: String, line: String) throws -> String {
        let j = journal([path: text])
        let app = try JournalEditor.resolve(target, in: j.applications).get()
        return String(decoding: JournalEditor.insert(line, into: Array(text.utf8), after: app), as: UTF8.self)
    }

    @Test func insertsAfterTheLastEventOfASharedFileSection() throws {
        let text =
            "# 2026\r\n\r\n## Acme — Dev\r\n- 2026-03-01 applied\r\n- 2026-03-03 reply\r\n  nested note\r\n\r\nSome notes.\r\n\r\n## Beta — QA\r\n- 2026-03-02 applied\r\n"
        let result = try add(text, target: "Acme", line: "2026-03-05 follow-up: nudge")
        #expect(
            result
                == "# 2026\r\n\r\n## Acme — Dev\r\n- 2026-03-01 applied\r\n- 2026-03-03 reply\r\n  nested note\r\n- 2026-03-05 follow-up: nudge\r\n\r\nSome notes.\r\n\r\n## Beta — QA\r\n- 2026-03-02 applied\r\n"
        )
    }

    @Test func followsTheLastItemsMarker() throws {
        let ordered = try add("## A — B\n1. 2026-03-01 applied\n2. 2026-03-02 reply\n", target: "a-b", line: "2026-03-04 screen")
        #expect(ordered == "## A — B\n1. 2026-03-01 applied\n2. 2026-03-02 reply\n3. 2026-03-04 screen\n")
        let stars = try add("## A — B\n* 2026-03-01 applied", target: "A — B", line: "2026-03-04 screen")
        #expect(stars == "## A — B\n* 2026-03-01 applied\n* 2026-03-04 screen\n")
    }

    @Test func anApplicationWithoutEventsGetsAListAtTheEndOfItsSection() throws {
        let text = "## Acme — Dev\nsource: referral\n\n## Beta — QA\n- 2026-03-02 applied\n"
        let j = journal(["a.md": text])
        #expect(j.applications.count == 2)
        let result = try add(text, target: "acme-dev", line: "2026-03-01 applied")
        #expect(result == "## Acme — Dev\nsource: referral\n\n- 2026-03-01 applied\n\n## Beta — QA\n- 2026-03-02 applied\n")
        #expect(journal(["a.md": result]).applications[0].source == "referral")
    }

    @Test func shapeAFileGetsTheLineAfterItsLastEvent() throws {
        let text = "---\ncompany: Acme\nrole: Dev\n---\n\n- 2026-03-01 applied\n\nFree notes.\n"
        let result = try add(text, target: "Acme", line: "2026-03-02 reply")
        #expect(result == "---\ncompany: Acme\nrole: Dev\n---\n\n- 2026-03-01 applied\n- 2026-03-02 reply\n\nFree notes.\n")
    }

    @Test func ambiguousAndUnknownTargetsListTheCandidates() {
        let j = journal(["a.md": "## Acme — Dev\n- 2026-03-01 applied\n## Acme — QA\n- 2026-03-01 applied\n"])
        guard case .failure(let ambiguous) = JournalEditor.resolve("acme", in: j.applications) else {
            Issue.record("ambiguous target accepted")
            return
        }
        #expect(ambiguous.description == "'acme' matches 2 applications; name one by its slug: acme-dev, acme-qa")
        guard case .failure(let prefix) = JournalEditor.resolve("Acm", in: j.applications) else {
            Issue.record("ambiguous prefix accepted")
            return
        }
        #expect(prefix.description == "'Acm' matches 2 applications; name one by its slug: acme-dev, acme-qa")
        guard case .failure(let unknown) = JournalEditor.resolve("Globex", in: j.applications) else {
            Issue.record("unknown target accepted")
            return
        }
        #expect(unknown.description == "no application matches 'Globex'")
        #expect((try? JournalEditor.resolve("Acme — QA", in: j.applications).get())?.slug == "acme-qa")
    }

    @Test func kindsAndEventText() throws {
        #expect(try JournalEditor.kind("Nudge").get() == .followUp)
        #expect(try JournalEditor.kind("sent application").get() == .applied)
        guard case .failure(let error) = JournalEditor.kind("coffee") else {
            Issue.record("unknown kind accepted")
            return
        }
        #expect(error.diagnostic == .error(nil, "unknown event kind 'coffee'", hint: "did you mean 'offer'?"))
        #expect(error.diagnostic.rendered == "error: unknown event kind 'coffee'\n  hint: did you mean 'offer'?")
        guard case .failure(let far) = JournalEditor.kind("lunch") else {
            Issue.record("unknown kind accepted")
            return
        }
        #expect(far.description == "unknown event kind 'lunch' (known: \(EventKind.knownList))")
        let date = try #require(CivilDate(iso: "2026-03-05"))
        #expect(
            JournalEditor.eventText(date: date, time: ClockTime(hour: 9, minute: 5), kind: .reply, note: "a\nb")
                == "2026-03-05 09:05 reply: a b")
    }

    @Test func newFilesFromTemplatesParseBack() throws {
        let today = try #require(CivilDate(iso: "2026-03-05"))
        let app = Scaffolds.application(company: "Acme: \"Corp\"", role: "QA/Test", today: today)
        #expect(app.path == "journal/acme-corp-qa-test.md")
        let parsed = journal(["x.md": app.text])
        #expect(parsed.diagnostics.isEmpty, "\(printed(parsed))")
        #expect(parsed.applications.first?.company == "Acme: \"Corp\"")
        #expect(parsed.applications.first?.events.map(\.kind) == [.applied])
        let article = Scaffolds.article(title: "../../Why I track", today: today)
        #expect(article.path == "articles/why-i-track.md")
        #expect(article.text.hasPrefix("---\ntitle: \"../../Why I track\"\ndate: 2026-03-05\n"))
    }
}
