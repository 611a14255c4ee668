import Testing

@testable import Journal

@Suite struct EventParsingTests {
    @Test func shapeAReadsPropertiesEventsAndNotes() throws {
        let text = """
            ---
            company: Acme Corp
            role: Senior iOS Engineer
            source: referral
            location: Remote
            link: https://acme.example/jobs/123
            contact: Dana Li (recruiter)
            salary: 150k-170k
            tags: [ios, remote]
            private: false
            ---

            - 2026-01-02 applied: via referral from Dana
            - 2026-01-14 10:00 interview: onsite, four rounds
            - 2026-01-14 17:30 thank-you: short note to each interviewer
              - nested detail line

            Anything else is free Markdown notes.
            """
        let j = journal(["acme.md": text])
        #expect(j.diagnostics.isEmpty)
        let app = try #require(j.applications.first)
        #expect(app.company == "Acme Corp")
        #expect(app.role == "Senior iOS Engineer")
        #expect(app.source == "referral")
        #expect(app.location == "Remote")
        #expect(app.link == "https://acme.example/jobs/123")
        #expect(app.contact == "Dana Li (recruiter)")
        #expect(app.salary == "150k-170k")
        #expect(app.tags == ["ios", "remote"])
        #expect(app.isPrivate == false)
        #expect(app.slug == "acme-corp-senior-ios-engineer")
        #expect(app.events.map(\.kind) == [.applied, .interview, .thankYou])
        #expect(app.events.map(\.date.description) == ["2026-01-02", "2026-01-14", "2026-01-14"])
        #expect(app.events.map { $0.time?.description } == [nil, "10:00", "17:30"])
        #expect(app.events.map(\.note) == ["via referral from Dana", "onsite, four rounds", "short note to each interviewer"])
        #expect(app.events[2].details == "- nested detail line")
        #expect(app.events[1].location.description == "journal/acme.md:14:3")
        #expect(app.notes == "Anything else is free Markdown notes.")
    }

    @Test func shapeBReadsPropertyLinesAndBullets() throws {
        let text = """
            # Job search, spring 2026

            Intro text.

            ## Globex — Platform Engineer
            source: job board · location: Berlin; tags: go, k8s

            - 2026-02-01 applied
            - 2026-02-03 acknowledged: automatic confirmation

            ## Engineer @ Initech
            - contact: Bob
            - private: true

            - 2026-02-05 applied
            """
        let j = journal(["2026.md": text])
        #expect(j.diagnostics.isEmpty, "\(printed(j))")
        #expect(j.applications.count == 2)
        let globex = j.applications[0]
        #expect(globex.company == "Globex")
        #expect(globex.role == "Platform Engineer")
        #expect(globex.source == "job board")
        #expect(globex.location == "Berlin")
        #expect(globex.tags == ["go", "k8s"])
        #expect(globex.events.map(\.kind) == [.applied, .acknowledged])
        let initech = j.applications[1]
        #expect(initech.company == "Initech")
        #expect(initech.role == "Engineer")
        #expect(initech.contact == "Bob")
        #expect(initech.isPrivate)
        #expect(initech.events.count == 1)
    }

    @Test func untimedEventsInheritTheTimeAboveOnTheSameDay() {
        let text = """
            ## A — B
            - 2026-02-02 15:00 interview
            - 2026-02-03 08:00 note: another day
            - 2026-02-02 thank-you
            - 2026-02-02 09:00 screen
            - 2026-02-02 follow-up
            """
        let events = journal(["a.md": text]).applications[0].events
        #expect(events.map(\.kind) == [.screen, .followUp, .interview, .thankYou, .note])
        #expect(events.map(\.orderMinutes) == [540, 540, 900, 900, 480])
    }

    @Test func longestKindNameWinsAndCaseIsIgnored() {
        let text = """
            ## K — D
            - 2026-03-01 sent application via the site
            - 2026-03-02 Declined-By-Employer: no
            - 2026-03-03 thank-you-note: to the referrer
            - 2026-03-04 applied:no space
            - 2026-03-05 finalist call
            """
        let j = journal(["k.md": text])
        let events = j.applications[0].events
        #expect(events.map(\.kind) == [.applied, .rejected, .thankYou, .applied, .note])
        #expect(events.map(\.note) == ["via the site", "no", "to the referrer", "no space", "finalist call"])
        #expect(events[1].writtenKind == "Declined-By-Employer")
        let unknown = printed(j).filter { $0.contains("unknown event kind") }
        #expect(unknown.count == 1)
        #expect(
            unknown.first?.hasPrefix("journal/k.md:6:14: warning: unknown event kind 'finalist' (known: applied, acknowledged,")
                == true)
    }

    @Test func onlyTopLevelListItemsAreEvents() {
        let text = """
            ---
            company: Nest
            role: Dev
            ---

            - 2026-03-01 applied
              - 2026-03-02 reply: nested, part of the note

            > - 2026-03-03 reply: quoted

            ```
            - 2026-03-04 reply: code
            ```

            - **2026-03-05** reply: bold is not a date as written

            1. 2026-03-09 screen
            """
        let app = journal(["n.md": text]).applications[0]
        #expect(app.events.map(\.kind) == [.applied, .screen])
        #expect(app.events[0].details == "- 2026-03-02 reply: nested, part of the note")
        #expect(app.notes.contains("> - 2026-03-03 reply: quoted"))
        #expect(app.notes.contains("**2026-03-05**"))
    }

    @Test func plannedEventsAreKeptInOrder() {
        let app = journal(["p.md": "## P — D\n- 2026-04-01 10:00 interview\n- 2026-01-01 applied\n"]).applications[0]
        #expect(app.events.map(\.kind) == [.applied, .interview])
        #expect(app.firstDate?.description == "2026-01-01")
    }

    @Test func headingSeparatorsFollowPrecedence() {
        #expect(HeadingTitle.split("Senior Engineer - Payments @ Acme")! == ("Acme", "Senior Engineer - Payments"))
        #expect(HeadingTitle.split("Foo \u{2013} Bar \u{2014} Baz")! == ("Foo \u{2013} Bar", "Baz"))
        #expect(HeadingTitle.split("Ops | Night - Shift")! == ("Ops", "Night - Shift"))
        #expect(HeadingTitle.split("A - B - C")! == ("A", "B - C"))
        #expect(HeadingTitle.split("Hewlett-Packard") == nil)
    }
}
