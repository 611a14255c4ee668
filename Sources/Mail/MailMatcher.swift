import Analytics
import Foundation
import Journal

/// An event Followup suggests from a message, as a ready `followup add` line.
public struct MailSuggestion: Sendable, Hashable {
    public var application: String
    public var date: CivilDate
    public var time: ClockTime?
    public var kind: EventKind
    public var note: String
    public var messageID: String?
    /// Why: which rule matched the message to the application, and what classified it.
    public var reason: String

    /// `followup add SLUG KIND "NOTE" --date D --time T`, quoted for a POSIX shell.
    public var addLine: String {
        var line = "followup add \(application) \(kind.rawValue) \(Self.quoted(note)) --date \(date)"
        if let time { line += " --time \(time)" }
        return line
    }

    static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

/// Matches messages to applications and tells what they say (import-and-mail rules), offline.
public struct MailMatcher: Sendable {
    let facts: [ApplicationFacts]
    let me: Set<String>
    let timeZone: TimeZone
    /// Contact addresses → application indexes.
    var byAddress: [String: [Int]] = [:]
    /// Domains of links and contact addresses → application indexes.
    var byDomain: [String: [Int]] = [:]
    /// Company keys without spaces → application indexes.
    var byCompactKey: [String: [Int]] = [:]

    /// Applicant-tracking and no-reply services whose mail names the company in its sender or subject.
    public static let trackingServices = [
        "greenhouse.io", "lever.co", "ashbyhq.com", "myworkday.com", "myworkdayjobs.com", "smartrecruiters.com", "icims.com",
        "workablemail.com", "jobvite.com", "taleo.net", "successfactors.com", "teamtailor.com", "recruitee.com", "personio.de",
        "bamboohr.com",
    ]
    /// Job boards: a posting's link there says nothing about who the employer's mail comes from.
    static let jobBoards =
        [
            "linkedin.com", "indeed.com", "glassdoor.com", "stepstone.de", "xing.com", "monster.com", "ziprecruiter.com",
            "wellfound.com", "angel.co", "welcometothejungle.com", "otta.com", "google.com",
        ] + trackingServices

    public init(facts: [ApplicationFacts], me: [String], timeZone: TimeZone) {
        self.facts = facts
        self.me = Set(me.map { $0.lowercased() })
        self.timeZone = timeZone
        for (index, fact) in facts.enumerated() {
            let app = fact.application
            for address in Self.addresses(in: app.contact ?? "") {
                byAddress[address, default: []].append(index)
                if let domain = address.split(separator: "@").last, !Self.isUnder(String(domain), Self.jobBoards) {
                    byDomain[String(domain), default: []].append(index)
                }
            }
            if let host = Self.host(app.link), !Self.isUnder(host, Self.jobBoards) { byDomain[host, default: []].append(index) }
            let compact = app.companyKey.replacingOccurrences(of: " ", with: "")
            if compact.count >= 3 { byCompactKey[compact, default: []].append(index) }
        }
    }

    /// Every `x@y.z` in a text, lower-cased.
    static func addresses(in text: String) -> [String] {
        text.split(whereSeparator: { " ,;<>()\"'".contains($0) }).map { $0.lowercased() }.filter {
            let parts = $0.split(separator: "@")
            return parts.count == 2 && parts[1].contains(".")
        }
    }

    /// The host of a link, without `www.`.
    static func host(_ link: String?) -> String? {
        guard let link, let components = URLComponents(string: link.trimmingCharacters(in: .whitespaces)),
            var host = components.host?.lowercased()
        else { return nil }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        return host.isEmpty ? nil : host
    }

    static func isUnder(_ domain: String, _ list: [String]) -> Bool {
        list.contains { domain == $0 || domain.hasSuffix("." + $0) }
    }

    /// The suggestion a message gives, or nil (with why, for the counts).
    public func suggestion(for message: MailMessage) -> MailSuggestion? {
        guard let from = message.from, let seconds = message.date else { return nil }
        let local = LocalClock.localSeconds(instant: seconds, timeZone: timeZone)
        let day = CivilDate(dayNumber: Int((Double(local) / 86400).rounded(.down)))
        let time = ClockTime(hour: (local - day.dayNumber * 86400) / 3600, minute: (local - day.dayNumber * 86400) % 3600 / 60)
        let subject = message.subject.trimmingCharacters(in: .whitespaces)
        let note = subject.count > 80 ? String(subject.prefix(79)) + "…" : subject
        let words = ByteText(bytes: ByteText(subject + "\n").bytes + ByteText.ownText(ByteText(message.text)).bytes)

        if me.contains(from.address) {
            // Your own mail to an application's people.
            for recipient in message.to {
                guard let (index, rule) = match(address: recipient, display: "", subject: subject, text: words, day: day) else {
                    continue
                }
                let fact = facts[index]
                let interview = fact.past.last { $0.kind == .interview && $0.date <= day }
                let kind: EventKind
                if let interview, let sent = Optional(seconds), within48Hours(of: interview, sent: sent) {
                    kind = .thankYou
                } else {
                    kind = .followUp
                }
                return MailSuggestion(
                    application: fact.application.slug, date: day, time: time, kind: kind, note: note,
                    messageID: message.messageID, reason: "your mail to \(recipient.address) (\(rule))")
            }
            return nil
        }
        let sender =
            message.replyTo.map { reply in
                byAddress[reply.address] != nil ? reply : from
            } ?? from
        guard let (index, rule) = match(address: sender, display: from.name, subject: subject, text: words, day: day) else {
            return nil
        }
        guard let (kind, why) = classify(words, sender: from) else { return nil }
        return MailSuggestion(
            application: facts[index].application.slug, date: day, time: time, kind: kind, note: note,
            messageID: message.messageID, reason: "\(rule); \(why)")
    }

    func within48Hours(of interview: Event, sent: Int) -> Bool {
        let start = interview.date.dayNumber * 86400 + (interview.time?.minutes ?? 0) * 60
        let interviewInstant = LocalClock.instant(localSeconds: start, timeZone: timeZone)
        return sent >= interviewInstant && sent - interviewInstant <= 48 * 3600
    }

    /// The application a sender means, by the rules in order, with the rule's name.
    func match(address: MailAddress, display: String, subject: String, text: ByteText, day: CivilDate) -> (Int, String)? {
        var candidates: [Int] = []
        var rule = ""
        if let found = byAddress[address.address] {
            candidates = found
            rule = "from the contact address \(address.address)"
        } else if let (domain, found) = domainMatch(address.domain) {
            candidates = found
            rule = "from \(domain), the employer's domain"
        } else if Self.isUnder(address.domain, Self.trackingServices) {
            let named = ByteText(display + " " + subject)
            let hits = facts.indices.filter { index in
                named.containsWords(Array(facts[index].application.companyKey.utf8))
                    || named.containsWords(Array(TextKey.company(facts[index].application.companyDisplay).utf8))
            }
            // The longest company named wins ("Acme Robotics" over "Acme").
            let longest = hits.map { facts[$0].application.companyKey.count }.max() ?? 0
            candidates = hits.filter { facts[$0].application.companyKey.count == longest }
            rule = "from \(address.domain) naming the company"
        }
        // A message from before an application began is about something else.
        candidates = candidates.filter { index in (facts[index].application.firstDate.map { $0 <= day } ?? false) }
        guard !candidates.isEmpty else { return nil }
        if candidates.count == 1 { return (candidates[0], rule) }
        let byRole = candidates.filter { index in
            let roleWords: [Substring] = TextKey.company(facts[index].application.role).split(separator: " ").filter {
                $0.count >= 3
            }
            return !roleWords.isEmpty && roleWords.allSatisfy { text.containsWords(Array($0.utf8)) }
        }
        if byRole.count == 1 { return (byRole[0], rule + ", its role named") }
        let open = candidates.filter { facts[$0].status == .waiting || facts[$0].status == .active || facts[$0].status == .offer }
        let pool = open.isEmpty ? candidates : open
        let latest = pool.max { (facts[$0].application.firstDate ?? day) < (facts[$1].application.firstDate ?? day) }
        return latest.map { ($0, rule + ", the latest open application") }
    }

    /// The domain or a parent of it that belongs to an application, or whose first label is a company key.
    func domainMatch(_ domain: String) -> (String, [Int])? {
        var labels = domain.split(separator: ".").map(String.init)
        guard labels.count >= 2, !Self.isUnder(domain, Self.jobBoards) else { return nil }
        while labels.count >= 2 {
            let candidate = labels.joined(separator: ".")
            if let found = byDomain[candidate] { return (candidate, found) }
            labels.removeFirst()
        }
        // `acme.com`, `mail.acme.io`: the label before the top-level domain is the company key.
        let all = domain.split(separator: ".").map(String.init)
        for label in all.dropLast() {
            if let found = byCompactKey[label] { return (domain, found) }
        }
        return nil
    }

    static let phrases: [(EventKind, [String])] = [
        (.offer, ["offer letter", "pleased to offer", "extend an offer", "extend you an offer"]),
        (
            .rejected,
            [
                "unfortunately", "not moving forward", "not to move forward", "other candidates", "position has been filled",
                "regret to inform", "will not be proceeding", "decided not to",
            ]
        ),
        (
            .invited,
            ["schedule", "availability", "invite you to", "calendly.com", "book a time", "pick a time"]
        ),
        (
            .acknowledged,
            ["received your application", "thank you for applying", "application has been received", "we will review"]
        ),
    ]

    static let phraseBytes: [(EventKind, [(String, [UInt8])])] = phrases.map { kind, list in
        (kind, list.map { ($0, Array($0.utf8)) })
    }

    /// The kind a message's words say, first match wins; else `reply` from a person.
    func classify(_ words: ByteText, sender: MailAddress) -> (EventKind, String)? {
        for (kind, list) in Self.phraseBytes {
            if let phrase = list.first(where: { words.contains($0.1) }) { return (kind, "says '\(phrase.0)'") }
            // "Next steps" invites only with a meeting in view.
            if kind == .invited, words.contains(Array("next steps".utf8)),
                let meeting = ["call", "meeting", "interview", "chat"].first(where: { words.containsWords(Array($0.utf8)) })
            {
                return (.invited, "says 'next steps' with a \(meeting)")
            }
        }
        let local = sender.localPart
        let machine = [
            "noreply", "no-reply", "donotreply", "do-not-reply", "notifications", "notification", "mailer", "bounce",
            "jobs-noreply",
        ]
        if machine.contains(where: { local.contains($0) }) || Self.isUnder(sender.domain, Self.trackingServices) { return nil }
        return (.reply, "a person's message")
    }
}
