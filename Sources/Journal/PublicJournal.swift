/// What a `--public` build may show: private applications left out, companies replaced by stable
/// pseudonyms, and every personal detail dropped, before any figure or page is made.
public enum PublicJournal {
    public static func make(_ journal: Journal) -> Journal {
        var result = journal
        let visible = journal.applications.filter { !$0.isPrivate }
        let names = pseudonyms(visible)
        var apps = visible.map { app -> Application in
            var copy = app
            copy.company = names[app.companyKey] ?? "Company"
            copy.companyGroup = nil
            copy.address = nil
            copy.phone = nil
            copy.reference = nil
            copy.method = nil
            copy.contact = nil
            copy.link = nil
            copy.salary = nil
            copy.source = nil
            copy.location = nil
            copy.tags = []
            copy.notes = ""
            copy.events = app.events.map { event in
                var event = event
                event.note = ""
                event.details = ""
                event.writtenKind = event.kind.rawValue
                return event
            }
            return copy
        }
        apps = JournalBuilder.assignSlugs(apps)
        result.applications = apps
        result.articles = journal.articles.filter { !$0.isPrivate }
        // Activities count in the work-search figures (counts only); their words name people and places.
        result.activities = journal.activities.map { activity in
            var copy = activity
            copy.text = ""
            return copy
        }
        // Diagnostics name files and quote user text; a public build keeps them out of the output.
        return result
    }

    /// A warning for each published article that names a company of the journal: a public build
    /// shows companies by pseudonym, and an article saying the real name would undo it. Names are
    /// matched as whole words, case-insensitively, in the title, summary, tags and body; the
    /// warning points at the first line that names one and suggests `private: true`.
    public static func articleWarnings(_ journal: Journal) -> [Diagnostic] {
        // Company names as lowercase word lists, indexed by their first word: an article is read
        // once, whatever the number of companies.
        var byFirstWord: [String: [(words: [String], name: String)]] = [:]
        for name in Set(journal.applications.map(\.company)) {
            let words = Self.words(name)
            guard let first = words.first, !(words.count == 1 && first.count < 3) else { continue }
            byFirstWord[first, default: []].append((words, name))
        }
        var warnings: [Diagnostic] = []
        for article in journal.articles where !article.isPrivate {
            let header = [article.title, article.summary ?? "", article.tags.joined(separator: " ")]
            let lines = header + article.body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            search: for (index, line) in lines.enumerated() {
                let words = Self.words(line)
                for (position, word) in words.enumerated() {
                    for candidate in byFirstWord[word] ?? []
                    where words[position...].starts(with: candidate.words) {
                        let bodyLine = index - header.count
                        let location =
                            bodyLine < 0
                            ? article.origin
                            // The body keeps the front matter's lines as blank ones: its lines are the file's.
                            : SourceLocation(file: article.origin.file, line: bodyLine + 1, column: 1)
                        warnings.append(
                            .warning(
                                location,
                                "this article names '\(candidate.name)', a company of the journal; a public build shows it by pseudonym, and the article would undo that",
                                hint:
                                    "write it without the name, or add 'private: true' to its front matter to leave it out of public builds"
                            ))
                        break search
                    }
                }
            }
        }
        return warnings
    }

    /// Lowercase runs of letters and digits.
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// "Company A", "Company B", … "Company Z", "Company AA", … in the order of each company's first
    /// event date, ties (and companies without events, last) by normalised name.
    public static func pseudonyms(_ applications: [Application]) -> [String: String] {
        var first: [String: CivilDate?] = [:]
        for app in applications {
            let key = app.companyKey
            let date = app.firstDate
            if let existing = first[key] {
                if let date, existing.map({ date < $0 }) ?? true { first[key] = date }
            } else {
                first[key] = date
            }
        }
        let ordered = first.keys.sorted { a, b in
            switch (first[a] ?? nil, first[b] ?? nil) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return TextKey.precedes(a, b)
            }
        }
        var names: [String: String] = [:]
        for (index, key) in ordered.enumerated() { names[key] = "Company " + letters(index) }
        return names
    }

    /// 0 → A, 25 → Z, 26 → AA, 27 → AB (bijective base 26).
    static func letters(_ index: Int) -> String {
        var n = index + 1
        var out: [Character] = []
        while n > 0 {
            n -= 1
            out.append(Character(Unicode.Scalar(UInt8(65 + n % 26))))
            n /= 26
        }
        return String(out.reversed())
    }
}
