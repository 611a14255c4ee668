import Foundation
import Journal
import Testing

@testable import Site

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Atom, sitemap, ICS, CSV and JSON: each parsed back and checked.
@Suite struct FileFormatTests {
    final class ElementCollector: NSObject, XMLParserDelegate {
        var names: [String] = []
        var texts: [String: [String]] = [:]
        private var current = ""
        private var buffer = ""
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            names.append(name)
            current = name
            buffer = ""
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { buffer += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            texts[name, default: []].append(buffer)
            buffer = ""
        }
    }

    func parse(_ bytes: [UInt8]) -> (ok: Bool, collector: ElementCollector) {
        let parser = XMLParser(data: Data(bytes))
        let collector = ElementCollector()
        parser.delegate = collector
        return (parser.parse(), collector)
    }

    @Test func atomFeedParsesAndListsPublishedArticles() throws {
        let (site, _, journal) = try SiteFixture.example()
        let (ok, feed) = parse(site.files["feed.xml"] ?? [])
        #expect(ok)
        let published = journal.articles.filter { !$0.isDraft }
        #expect(feed.names.filter { $0 == "entry" }.count == published.count)
        #expect(feed.texts["title"]?.contains("Send the thank-you note the same day") == true)
        #expect(feed.texts["content"]?.first?.contains("<h2>") == true)
    }

    @Test func sitemapParsesAndLeavesOutPrivateApplications() throws {
        let (site, _, journal) = try SiteFixture.example()
        let (ok, map) = parse(site.files["sitemap.xml"] ?? [])
        #expect(ok)
        let locations = map.texts["loc"] ?? []
        #expect(locations.contains("index.html"))
        for app in journal.applications where app.isPrivate {
            #expect(!locations.contains(SitePath.application(app.slug)))
        }
        #expect(locations.contains(SitePath.application("ferncliff-bank-lead-ios-engineer")))
    }

    @Test func calendarIsWellFormedICS() throws {
        let (site, stats, _) = try SiteFixture.example()
        let ics = site.text("calendar.ics")
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
        let lines = ics.components(separatedBy: "\r\n").dropLast()
        for line in lines { #expect(line.utf8.count <= 75, "\(line)") }
        #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == stats.actions.count)
        // The interview at Ferncliff on 2026-11-24 10:00 in Berlin (UTC+1) is 09:00 UTC.
        #expect(ics.contains("DTSTART:20261124T090000Z"))
        let uids = lines.filter { $0.hasPrefix("UID:") }
        #expect(Set(uids).count == uids.count)
    }

    @Test func calendarUIDsSurviveRenumberedSlugs() throws {
        let a = JournalBuilder.build(files: [("a.md", "## Acme — Dev\n- 2026-03-01 applied\n- 2026-03-20 interview\n")])
        let b = JournalBuilder.build(files: [
            ("a.md", "## Acme — Dev\n- 2026-03-01 applied\n- 2026-03-20 interview\n"),
            ("0.md", "## Acme — Dev!\n- 2026-02-01 applied\n"),
        ])
        let today = try #require(CivilDate(iso: "2026-03-15"))
        let uid = { (journal: Journal) -> String? in
            let ics = try? SiteFixture.render(journal, today: today).0.text("calendar.ics")
            let block = ics?.components(separatedBy: "BEGIN:VEVENT").first { $0.contains("SUMMARY:Interview: Acme — Dev\r\n") }
            return block?.components(separatedBy: "\r\n").first { $0.hasPrefix("UID:") }
        }
        #expect(b.applications.first { $0.role == "Dev" }?.slug == "acme-dev-2")
        #expect(uid(a) != nil)
        #expect(uid(a) == uid(b))
    }

    @Test func icsTextIsEscapedAndFolded() {
        #expect(CalendarFile.text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
        let folded = CalendarFile.fold("SUMMARY:" + String(repeating: "é", count: 60))
        for line in folded.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == "SUMMARY:" + String(repeating: "é", count: 60))
    }

    @Test func csvRoundTripsWithFormulaGuard() throws {
        let journal = JournalBuilder.build(files: [
            (
                "a.md",
                "## =HYPERLINK(\"x\") — Dev, \"QA\"\n- 2026-03-01 applied: line one, with \"quotes\"\n- 2026-03-02 reply: +1 call\n"
            )
        ])
        let (site, _) = try SiteFixture.render(journal, today: try #require(CivilDate(iso: "2026-03-15")))
        let rows = CSVReader.parse(site.text("data/applications.csv"))
        #expect(rows.first == DataExports.csvHeader)
        #expect(rows.count == 3)
        #expect(rows[1][1] == "'=HYPERLINK(\"x\")")
        #expect(rows[1][2] == "Dev, \"QA\"")
        #expect(rows[1][7] == "line one, with \"quotes\"")
        #expect(rows[2][7] == "'+1 call")
        #expect(site.text("data/applications.csv").hasSuffix("\r\n"))
    }

    @Test func applicationsJSONHoldsEveryEvent() throws {
        let (site, _, journal) = try SiteFixture.example()
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(site.files["data/applications.json"] ?? [])) as? [String: Any])
        let apps = try #require(json["applications"] as? [[String: Any]])
        #expect(apps.count == journal.applications.count)
        let total = apps.reduce(0) { $0 + (($1["events"] as? [Any])?.count ?? 0) }
        #expect(total == journal.applications.reduce(0) { $0 + $1.events.count })
    }
}

/// A strict RFC 4180 reader for the round-trip test.
enum CSVReader {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field); field = ""
            } else if c == "\r" && chars.first == "\n" {
                chars.removeFirst(); row.append(field); rows.append(row); row = []; field = ""
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
