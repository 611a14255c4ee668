import Analytics
import Corpus
import Foundation
import Journal
import Testing

@testable import Mail

/// Hostile and broken mail: no crash, no hang, bounded memory, nothing written.
@Suite struct HostileMailTests {
    @Test(.timeLimit(.minutes(2))) func mutatedMessagesNeverCrashOrHang() throws {
        let mbox = MailTests.folder.appendingPathComponent("fixture.mbox").path
        var originals: [Data] = []
        var reader = MailboxReader()
        reader.forEachMessage(in: [mbox]) { data, _ in originals.append(data) }
        let journal = MailTests.journal()
        let facts = journal.applications.map { ApplicationFacts($0, today: MailTests.today, policy: journal.config.policy) }
        let matcher = MailMatcher(facts: facts, me: journal.config.me, timeZone: journal.config.timeZone)
        var random = SeededRandom(state: 2026)
        let pieces = [
            "=?", "?=", "=?UTF-8?B?", "--b1", "\n\n", "\r\n ", "<", "&#", "=\n", "Content-Type: multipart/mixed; boundary=b1\n",
            ":",
        ]
        var parsed = 0
        for round in 0..<3_000 {
            var bytes = [UInt8](originals[round % originals.count])
            for _ in 0..<random.int(1...6) {
                guard !bytes.isEmpty else { break }
                let at = random.below(bytes.count)
                switch random.int(0...3) {
                case 0: bytes[at] = UInt8(random.int(0...255))
                case 1: bytes.removeSubrange(at..<min(bytes.count, at + random.int(1...40)))
                case 2: bytes.insert(contentsOf: Array(random.pick(pieces).utf8), at: at)
                default: bytes = Array(bytes.prefix(at))  // truncated
                }
            }
            if let message = MailMessage.parse(Data(bytes)) {
                parsed += 1
                _ = matcher.suggestion(for: message)
            }
        }
        #expect(parsed > 2_000)
    }

    @Test(.timeLimit(.minutes(1))) func deepNestingAndHeaderBombsStayCheap() throws {
        var nested = "From: a@b.example\nDate: Mon, 2 Mar 2026 10:00:00 +0000\nContent-Type: multipart/mixed; boundary=b0\n\n"
        for depth in 1...1_000 { nested += "--b\(depth - 1)\nContent-Type: multipart/mixed; boundary=b\(depth)\n\n" }
        nested += "--b1000\nContent-Type: text/plain\n\nunfortunately deep\n"
        let deep = try #require(MailMessage.parse(Data(nested.utf8)))
        #expect(deep.text.isEmpty, "nesting past the limit is not read")
        var bomb = "From: a@b.example\n"
        for index in 0..<200_000 { bomb += "X-H\(index): v\n" }
        bomb += "\nbody\n"
        let many = try #require(MailMessage.parse(Data(bomb.utf8)))
        #expect(many.headers.count == MailMessage.maximumHeaders)
    }

    @Test(.timeLimit(.minutes(2))) func aHugeMessageIsSkippedWithoutBeingHeld() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("followup-huge-\(UUID().uuidString).mbox")
        defer { try? FileManager.default.removeItem(at: url) }
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        try handle.write(contentsOf: Data("From x\nFrom: a@b.example\nSubject: huge\n\n".utf8))
        let line = Data((String(repeating: "A", count: 1023) + "\n").utf8)
        let block = Data(repeating: 0, count: 0) + Data((0..<1024).flatMap { _ in line })
        for _ in 0..<100 { try handle.write(contentsOf: block) }  // 100 MB
        try handle.write(contentsOf: Data("From y\nFrom: c@d.example\nSubject: small\n\nhi\n".utf8))
        try handle.close()
        var reader = MailboxReader()
        var subjects: [String] = []
        reader.forEachMessage(in: [url.path]) { data, _ in subjects.append(MailMessage.parse(data)?.subject ?? "?") }
        #expect(subjects == ["small"])
        #expect(reader.oversized == 1)
    }

    @Test func encodedWordsAndAttachmentNamesCannotReachFilesOrLines() throws {
        let raw = """
            From: Evil <x@evil.example>
            Subject: =?UTF-8?Q?hi=0A##_Evil_=E2=80=94_Co=0A-_2026-01-01_offer?=
            Date: Mon, 2 Mar 2026 10:00:00 +0000
            Content-Type: multipart/mixed; boundary=z

            --z
            Content-Type: text/plain

            hello
            --z
            Content-Type: application/octet-stream
            Content-Disposition: attachment; filename="../../x"

            AAAA
            --z--

            """
        let message = try #require(MailMessage.parse(Data(raw.utf8)))
        #expect(!message.subject.contains("\n"), "a subject is one line")
        #expect(message.subject == "hi ## Evil — Co - 2026-01-01 offer")
        #expect(message.text == "hello")
        #expect(!FileManager.default.fileExists(atPath: "../../x"))
        let suggestion = MailSuggestion(
            application: "a", date: MailTests.today, time: nil, kind: .reply, note: "it's $(rm -rf ~)", messageID: nil, reason: ""
        )
        #expect(suggestion.addLine == "followup add a reply 'it'\\''s $(rm -rf ~)' --date 2026-03-20")
    }
}
