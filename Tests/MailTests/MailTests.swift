import Analytics
import Corpus
import Foundation
import Journal
import TestSupport
import Testing

@testable import Mail

/// The mail reader on real-world shapes, and the matcher on the fixture mailbox of
/// Tests/Fixtures/mail, whose every message says in `X-Fixture-Expect` what it must suggest.
@Suite struct MailTests {
    static let folder = TestPaths.fixtures.appendingPathComponent("mail")
    static let today = CivilDate(iso: "2026-03-20")!

    static func journal() -> Journal { JournalLoader.load(content: folder.appendingPathComponent("Content")) }

    @Test func everySuggestionIsRightAndEveryExpectedOneIsGiven() throws {
        let mbox = Self.folder.appendingPathComponent("fixture.mbox").path
        var expected = Set<String>()
        var reader = MailboxReader()
        var messages = 0
        reader.forEachMessage(in: [mbox]) { data, _ in
            messages += 1
            if let message = MailMessage.parse(data), let expect = message.header("x-fixture-expect"), expect != "none" {
                expected.insert(expect)
            }
        }
        #expect(messages == 15)
        let journal = Self.journal()
        #expect(!journal.hasErrors)
        let scan = MailScan.run(paths: [mbox], journal: journal, today: Self.today)
        let given = Set(scan.suggestions.map { "\($0.application) \($0.kind.rawValue)" })
        let right = given.intersection(expected)
        #expect(Double(right.count) / Double(max(given.count, 1)) == 1.0, "precision: wrong \(given.subtracting(expected))")
        #expect(Double(right.count) / Double(max(expected.count, 1)) == 1.0, "recall: missed \(expected.subtracting(given))")
        #expect(expected.count == 8)
        #expect(scan.read == 15 && scan.skipped == 1)
        let offer = try #require(scan.suggestions.first { $0.kind == .offer })
        #expect(offer.note == "Umbrella Health: Ihr Angebot für Mobile Developer")
        #expect(offer.time?.description == "14:00" && offer.date.description == "2026-03-16")
        let thanks = try #require(scan.suggestions.first { $0.kind == .thankYou })
        #expect(
            thanks.addLine
                == "followup add acme-robotics-ios-engineer thank-you 'Thank you for today' --date 2026-03-10 --time 16:30")
    }

    @Test func runningAgainAfterWritingSuggestsNothingNew() throws {
        let mbox = Self.folder.appendingPathComponent("fixture.mbox").path
        let journal = Self.journal()
        let first = MailScan.run(paths: [mbox], journal: journal, today: Self.today)
        // The journal as it is once the suggestions are written.
        var applications = journal.applications
        for s in first.suggestions {
            guard let index = applications.firstIndex(where: { $0.slug == s.application }) else { continue }
            applications[index].events.append(
                Event(date: s.date, time: s.time, kind: s.kind, location: SourceLocation(file: "x", line: 1, column: 1)))
        }
        var written = journal
        written.applications = applications
        #expect(MailScan.run(paths: [mbox], journal: written, today: Self.today).suggestions.isEmpty)
    }

    @Test func headersAreUnfoldedAndEncodedWordsDecoded() throws {
        let raw =
            "From: =?UTF-8?B?SsO2cmcgTcO8bGxlcg==?= <jorg@example.com>\r\nSubject: =?iso-8859-1?q?Caf=E9?=\r\n =?UTF-8?Q?_und_Kuchen?= plain\r\nDate: Mon, 2 Mar 2026 10:00:00 -0500 (EST)\r\n\r\nBody\r\n"
        let message = try #require(MailMessage.parse(Data(raw.utf8)))
        #expect(message.from == MailAddress(name: "Jörg Müller", address: "jorg@example.com"))
        #expect(message.subject == "Café und Kuchen plain")
        #expect(message.date == 1_772_463_600)  // 2026-03-02 15:00 UTC
        #expect(message.text == "Body\r\n")
    }

    @Test func transferEncodingsAndCharsets() {
        #expect(TransferEncoding.quotedPrintable(Array("caf=C3=A9 soft=\nbreak".utf8)) == Array("café softbreak".utf8))
        #expect(TransferEncoding.base64(Array("aGVs\nbG8=".utf8)) == Array("hello".utf8))
        #expect(Charset.decode([0x93, 0x68, 0x69, 0x94, 0x85], charset: "windows-1252") == "\u{201C}hi\u{201D}\u{2026}")
        #expect(Charset.decode([0xE9], charset: "ISO-8859-1") == "é")
        #expect(Charset.decode([0xE9], charset: nil) == "é", "not UTF-8: read as Windows-1252")
        #expect(HTMLText.text("<p>a&amp;b</p><script>x()</script><br>c &#233;&#x41;") == "\na&b\n\nc éA")
    }

    @Test func maildirAndEmlFoldersAreRead() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("followup-mail-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let one = "From: a@b.example\nSubject: one\n\nx\n"
        for path in ["maildir/cur/1:2,S", "maildir/new/2", "maildir/tmp/3", "emls/a.eml", "emls/b.txt"] {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(one.utf8).write(to: url)
        }
        var reader = MailboxReader()
        var sources: [String] = []
        reader.forEachMessage(in: [root.appendingPathComponent("maildir").path, root.appendingPathComponent("emls").path]) {
            sources.append(URL(fileURLWithPath: $1).lastPathComponent)
            #expect(MailMessage.parse($0)?.subject == "one")
        }
        #expect(sources == ["1:2,S", "2", "a.eml"], "tmp/ and files that are not .eml are left alone")
    }
}
