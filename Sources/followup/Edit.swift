import ArgumentParser
import Foundation
import Journal
import Site

/// `followup new application|article`: a correctly shaped file from a template; never overwrites.
struct New: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new application or article file and print its path.",
        subcommands: [NewApplication.self, NewArticle.self, NewActivity.self])
}

struct NewApplication: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "application", abstract: "Create Content/journal/SLUG.md.")
    @OptionGroup var options: ContentOptions
    @Option(help: "The company's name.") var company: String
    @Option(help: "The role applied for.") var role: String = ""
    @Option(help: "Where the job was found (referral, job board, …).") var source: String?
    @Option(help: "The posting's link.") var link: String?
    @Option(help: "The person or address to write to.") var contact: String?
    @Option(help: "Where the job is.") var location: String?
    @Option(help: "The date of the 'applied' line: YYYY-MM-DD, today, yesterday or a weekday (default today).")
    var date: String?
    @Flag(help: "No 'applied' line: a job not applied to yet.") var noApplied = false
    @Flag(help: "Create it even when an application of the same company and role exists.") var force = false

    func validate() throws {
        if company.trimmingWhitespace.isEmpty { throw ValidationError("--company must not be empty") }
        if noApplied && date != nil { throw ValidationError("--date and --no-applied cannot go together") }
    }

    func run() async throws {
        let journal = JournalLoader.load(content: options.contentURL)
        let today = options.day(forConfig: journal.config)
        var applied: CivilDate? = today
        if let date {
            guard let day = JournalEditor.day(date, today: today) else {
                throw usageError("--date must be YYYY-MM-DD, today, yesterday or a weekday, not '\(date)'")
            }
            applied = day
        }
        if noApplied { applied = nil }
        let key = TextKey.company(company)
        if !force,
            let existing = journal.applications.first(where: {
                $0.companyKey == key && TextKey.normalized($0.role) == TextKey.normalized(role)
            })
        {
            FileHandle.standardError.write(
                Data(
                    "error: \(existing.origin): '\(existing.title)' is already in the journal; add events to it with 'followup add \(existing.slug) KIND', or pass --force for a second application\n"
                        .utf8))
            throw ExitCode(1)
        }
        let file = Scaffolds.application(
            company: company, role: role, applied: applied, source: source, location: location, link: link, contact: contact)
        try createFile(file, in: options)
    }
}

/// `followup new activity`: a dated work-search activity under `## Activities`.
struct NewActivity: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activity",
        abstract: "Add a work-search activity (a job fair, a workshop) to the '## Activities' section.")
    @OptionGroup var options: ContentOptions
    @Argument(help: "What you did.") var text: String
    @Option(help: "YYYY-MM-DD, today, yesterday or a weekday (default today).") var date: String?
    @Option(help: "The time, HH:MM.") var time: String?

    func run() async throws {
        let journal = JournalLoader.load(content: options.contentURL)
        let today = options.day(forConfig: journal.config)
        let day = try parseDay(date, today: today)
        let clock = try parseTime(time)
        let line = JournalEditor.activityText(date: day, time: clock, text: text)
        guard !line.hasSuffix(" ") && !text.trimmingWhitespace.isEmpty else {
            throw usageError("say what you did: followup new activity \"Job fair at the town hall\"")
        }
        let journalFolder = options.contentURL.appendingPathComponent("journal")
        if let path = journal.activities.first?.path ?? ActivitySection.file(in: journalFolder) {
            let url = journalFolder.appendingPathComponent(path)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw usageError("cannot read \(ContentFiles.displayPath(url))")
            }
            let updated = JournalEditor.appendActivity(line, into: Array(data))
            try JournalFile.replace(url, with: updated)
            print("\(ContentFiles.displayPath(url)): added '\(line)' to Activities")
        } else {
            let url = journalFolder.appendingPathComponent("activities.md")
            try FileManager.default.createDirectory(at: journalFolder, withIntermediateDirectories: true)
            guard !FileManager.default.fileExists(atPath: url.path) else {
                throw usageError("\(ContentFiles.displayPath(url)) exists but has no '## Activities' heading; add one")
            }
            try Data("# Work-search activities\n\n## Activities\n- \(line)\n".utf8).write(to: url)
            print("\(ContentFiles.displayPath(url)): added '\(line)' to Activities")
        }
    }
}

/// `--date` as people say it.
func parseDay(_ text: String?, today: CivilDate) throws -> CivilDate {
    guard let text else { return today }
    guard let day = JournalEditor.day(text, today: today) else {
        throw usageError("--date must be YYYY-MM-DD, today, yesterday or a weekday, not '\(text)'")
    }
    return day
}

/// `--time HH:MM`.
func parseTime(_ text: String?) throws -> ClockTime? {
    guard let text else { return nil }
    let parts = text.split(separator: ":")
    guard parts.count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
        let parsed = ClockTime(hour: h, minute: m)
    else { throw usageError("--time must be HH:MM from 00:00 to 23:59, not '\(text)'") }
    return parsed
}

struct NewArticle: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "article", abstract: "Create Content/articles/SLUG.md (a draft).")
    @OptionGroup var options: ContentOptions
    @Argument(help: "The article's title.") var title: String

    func validate() throws {
        if title.trimmingWhitespace.isEmpty {
            throw ValidationError("the article needs a title: followup new article \"What I learned\"")
        }
    }

    func run() async throws {
        let config = JournalLoader.load(content: options.contentURL).config
        try createFile(Scaffolds.article(title: title, today: options.day(forConfig: config)), in: options)
    }
}

/// Writes a new file below the Content folder, refusing to overwrite, and prints its path.
func createFile(_ file: (path: String, text: String), in options: ContentOptions) throws {
    print(try createNewFile(options.contentURL.appendingPathComponent(file.path), file.text))
}

/// Creates a file that must not exist yet (with its folders) and gives its path as shown;
/// `advice` ends the message when it does exist.
func createNewFile(_ url: URL, _ text: String, advice: String = "") throws -> String {
    let shown = ContentFiles.displayPath(url)
    if FileManager.default.fileExists(atPath: url.path) {
        throw usageError("\(shown) already exists; Followup never overwrites a journal file\(advice)")
    }
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    guard FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8)) else {
        throw usageError("cannot create \(shown)")
    }
    return shown
}

/// `followup add`: one event line, after the application's last event, every other byte untouched.
struct Add: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add an event to an application: followup add TARGET KIND [NOTE].",
        discussion:
            "TARGET is a slug, 'Company — Role', a company, a prefix of a company or slug, or words of the company and role that pick one application. --date also takes today, yesterday and a weekday."
    )

    @OptionGroup var options: ContentOptions
    @Argument(help: "A company, 'Company — Role' or a slug.") var target: String
    @Argument(help: "The event kind (applied, reply, interview, thank-you, follow-up, …).") var kind: String
    @Argument(help: "An optional note.") var note: String?
    @Option(help: "The event's date (default: today in the site's time zone).") var date: String?
    @Option(help: "The event's time, HH:MM.") var time: String?

    func run() async throws {
        let journal = JournalLoader.load(content: options.contentURL)
        let kind: EventKind
        switch JournalEditor.kind(self.kind) {
        case .success(let found): kind = found
        case .failure(let error): throw usageError(error.diagnostic)
        }
        let day = try parseDay(date, today: options.day(forConfig: journal.config))
        let clock = try parseTime(time)
        let application: Application
        switch JournalEditor.resolve(target, in: journal.applications) {
        case .success(let found): application = found
        case .failure(let error): throw usageError(error.diagnostic)
        }
        let url = options.contentURL.appendingPathComponent("journal").appendingPathComponent(application.path)
        let text = JournalEditor.eventText(date: day, time: clock, kind: kind, note: note)
        var line = 0
        do {
            // The file is read again under the lock, so a concurrent writer's line is kept.
            try JournalFile.update(url) { bytes in
                let current = JournalEditor.reread(application, in: bytes, path: application.path) ?? application
                let result = JournalEditor.insertion(text, into: bytes, after: current, date: day)
                line = result.line
                return result.bytes
            }
        } catch let error as JournalFile.WriteError {
            throw usageError(error.description)
        }
        print("\(ContentFiles.displayPath(url)): added '\(text)' to \(application.slug)")
        // The same warnings as `check` for what was written (applied twice, a contact before applying).
        let after = JournalLoader.load(content: options.contentURL)
        let shown = ContentFiles.displayPath(url)
        let about = after.diagnostics.filter { $0.location?.line == line && $0.location?.file.hasSuffix(shown) == true }
        printDiagnostics(about)
    }
}

/// `followup init [DIR]`: a new journal skeleton in an empty or new folder.
struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new journal: Content (site.yml, one application, one article) and Themes/default.")

    @Argument(help: "The folder to create it in (empty or new).") var directory: String = "."

    func run() async throws {
        let folder = URL(fileURLWithPath: directory)
        let manager = FileManager.default
        if let existing = try? manager.contentsOfDirectory(atPath: folder.path), !existing.isEmpty {
            throw usageError("\(directory) is not empty; 'followup init' only writes into an empty or new folder")
        }
        let today = SiteConfig().today()
        let content = folder.appendingPathComponent("Content")
        let files: [(String, String)] = [
            ("site.yml", Scaffolds.siteYAML),
            (
                Scaffolds.application(company: "Example Company", role: "Your Role", today: today).path,
                Scaffolds.application(company: "Example Company", role: "Your Role", today: today).text
            ),
            ("articles/how-to-keep-this-journal.md", Scaffolds.welcomeArticle(today: today)),
        ]
        for (path, text) in files {
            let url = content.appendingPathComponent(path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try Theme.writeEmbedded(to: folder.appendingPathComponent("Themes/default"))
        print("Created a journal in \(directory). Next: cd \(directory) && followup build, then open Output/index.html")
    }
}

/// Prints `error: message` and exits 64 (a usage error), without the usage text a ValidationError
/// would print for problems found after parsing (an unknown target, an existing file).
func usageError(_ message: String) -> ExitCode {
    usageError(.error(nil, message))
}

/// Prints a diagnostic about the command's words (with its hint) and gives the usage exit code.
func usageError(_ diagnostic: Diagnostic) -> ExitCode {
    FileHandle.standardError.write(Data("\(diagnostic.rendered)\n".utf8))
    return ExitCode(64)
}
