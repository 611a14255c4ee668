import Foundation

/// Writes a Content folder of N applications (both journal shapes) and M articles of 5–7 KB of
/// GitHub-flavoured Markdown, the same for the same seed.
public struct Corpus: Sendable {
    public let applications: Int
    public let articles: Int
    public let seed: UInt64

    public init(applications: Int, articles: Int, seed: UInt64) {
        self.applications = applications
        self.articles = articles
        self.seed = seed
    }

    static let words = [
        "Northwind", "Bluefin", "Quarry", "Larkspur", "Ferncliff", "Tidewater", "Harbor", "Orchid", "Saltmarsh",
        "Copperleaf", "Glasshouse", "Meadowbrook", "Ironwood", "Kestrel", "Maplewood", "Sunstone", "Birchwood",
        "Redwater", "Cloudberry", "Ashgrove", "Lanternfish", "Brightwell", "Granite", "Mistral", "Willowmere",
        "Osprey", "Heron", "Juniper", "Foxglove", "Marigold", "Pinecone", "Alder", "Basalt", "Cobalt", "Driftwood",
    ]
    static let suffixes = [
        "Labs", "Systems", "Health", "Bank", "Games", "Logistics", "Security", "Media", "Energy", "AI", "Software", "Travel",
    ]
    static let roles = [
        "iOS Engineer", "Senior iOS Engineer", "Mobile Platform Engineer", "Staff Mobile Engineer", "Lead iOS Engineer",
        "Backend Engineer", "Engineering Manager", "Swift Developer", "Mobile Tech Lead", "Platform Engineer",
    ]

    public func write(to content: URL, today: String = "2026-11-20") throws {
        let manager = FileManager.default
        try? manager.removeItem(at: content)
        try manager.createDirectory(at: content.appendingPathComponent("journal/single"), withIntermediateDirectories: true)
        try manager.createDirectory(at: content.appendingPathComponent("articles"), withIntermediateDirectories: true)
        try "title: Benchmark search\ntimezone: UTC\n".write(
            to: content.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        var random = SeededRandom(state: seed)
        var shared = ""
        var sharedIndex = 0
        for index in 0..<applications {
            let company = "\(random.pick(Self.words)) \(random.pick(Self.suffixes)) \(index)"
            let role = random.pick(Self.roles)
            let events = story(&random, index: index)
            if index % 2 == 0 {
                let text =
                    "---\ncompany: \(company)\nrole: \(role)\nsource: job board\nlocation: Remote\ncontact: Recruiter \(index)\ntags: [ios, remote]\n---\n\n\(events)\nNotes about the team and the *interview* format, with a [link](https://example.com/\(index)).\n"
                try text.write(
                    to: content.appendingPathComponent("journal/single/app-\(index).md"), atomically: false, encoding: .utf8)
            } else {
                shared += "## \(company) — \(role)\nsource: referral · location: Berlin\n\n\(events)\n"
                if index % 100 == 99 || index == applications - 1 {
                    try ("# Shared file \(sharedIndex)\n\n" + shared).write(
                        to: content.appendingPathComponent("journal/shared-\(sharedIndex).md"), atomically: false, encoding: .utf8
                    )
                    shared = ""
                    sharedIndex += 1
                }
            }
        }
        for index in 0..<articles {
            try article(&random, index: index).write(
                to: content.appendingPathComponent("articles/article-\(index).md"), atomically: false, encoding: .utf8)
        }
    }

    /// A realistic sequence of events from an application date within the last year.
    func story(_ random: inout SeededRandom, index: Int) -> String {
        var day = random.int(0...330)
        func date(_ offset: Int) -> String {
            let base = Date(timeIntervalSince1970: 1_763_596_800 - 365 * 86400)  // a year before 2025-11-20
            let d = base.addingTimeInterval(Double(offset) * 86400)
            let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: d)
            return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
        }
        var lines = ["- \(date(day)) applied: through the careers page"]
        if random.chance(40) { lines.append("- \(date(day)) ack: automatic reply") }
        if random.chance(30) {
            day += random.int(5...9)
            lines.append("- \(date(day)) follow-up: short note to the recruiter")
        }
        guard random.chance(65) else { return lines.joined(separator: "\n") + "\n" }
        day += random.int(1...20)
        lines.append("- \(date(day)) reply: the recruiter wants to talk")
        if random.chance(25) {
            lines.append("- \(date(day)) rejected: not moving forward")
            return lines.joined(separator: "\n") + "\n"
        }
        day += random.int(2...7)
        lines.append("- \(date(day)) \(random.int(9...16)):00 screen: thirty minutes, **friendly**")
        if random.chance(70) { lines.append("- \(date(day)) \(random.int(17...20)):30 thank-you") }
        day += random.int(3...10)
        lines.append("- \(date(day)) 10:00 interview: system design and a pairing session")
        if random.chance(60) { lines.append("- \(date(day + random.int(0...2))) thank-you: one note per interviewer") }
        if random.chance(40) {
            day += random.int(6...9)
            lines.append("- \(date(day)) follow-up: asked about the timeline")
        }
        day += random.int(3...20)
        switch random.int(0...9) {
        case 0...4: lines.append("- \(date(day)) rejected: went with another candidate")
        case 5...6:
            lines.append("- \(date(day)) offer: a written offer")
            lines.append("- \(date(day + 3)) declined: took another role")
        case 7: lines.append("- \(date(day)) withdrew")
        default: break
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// 5–7 KB of GitHub-flavoured Markdown: headings, paragraphs, a table, code, a task list, links.
    func article(_ random: inout SeededRandom, index: Int) -> String {
        var text =
            "---\ntitle: Benchmark article \(index)\ndate: 2026-\(String(format: "%02d", random.int(1...11)))-\(String(format: "%02d", random.int(1...28)))\nsummary: A generated article for the benchmark.\ntags: [bench, tag\(index % 20)]\ntopics: [follow-up]\n---\n\n"
        let sentences = [
            "Waiting for an answer is the hardest part of a search, and a journal makes it measurable.",
            "A short, specific note after an interview costs little and is remembered.",
            "Track every application with its date, because memory rounds every wait up.",
            "Some employers answer within days; others never do, and the curve shows both.",
            "Follow up once, politely, about a week after the last contact.",
        ]
        while text.utf8.count < 5200 + random.int(0...1600) {
            text += "## Section \(random.int(1...99))\n\n"
            for _ in 0..<random.int(2...4) {
                text += (0..<random.int(3...5)).map { _ in random.pick(sentences) }.joined(separator: " ")
                text += " See [the notes](https://example.com/\(random.int(1...999))) and ~~old advice~~.\n\n"
            }
            switch random.int(0...2) {
            case 0:
                text += "| Stage | Days | Share |\n|---|---:|---:|\n"
                for row in 0..<4 { text += "| Step \(row) | \(random.int(1...40)) | \(random.int(1...99))% |\n" }
                text += "\n"
            case 1:
                text += "```swift\nlet wait = applied.days(to: reply)\nprint(\"waited \\(wait) days\")\n```\n\n"
            default:
                text += "- [x] Send the application\n- [ ] Follow up after a week\n- [ ] Ask for feedback\n\n"
            }
        }
        return text
    }
}
