import ArgumentParser
import Foundation
import Journal
import Site

/// `followup new application|article`: a correctly shaped file from a template; never overwrites.
struct New: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new application or article file and print its path.",
        subcommands: [NewApplication.self, NewArticle.self])
}

struct NewApplication: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "application", abstract: "Create Content/journal/SLUG.md.")
    @OptionGroup var options: ContentOptions
    @Option(help: "The company's name.") var company: String
    @Option(help: "The role applied for.") var role: String = ""

    func validate() throws {
        if company.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--company must not be empty") }
    }

    func run() async throws {
        let config = JournalLoader.load(content: options.contentURL).config
        let file = Templates.application(company: company, role: role, today: options.day(forConfig: config))
        try createFile(file, in: options)
    }
}

struct NewArticle: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "article", abstract: "Create Content/articles/SLUG.md (a draft).")
    @OptionGroup var options: ContentOptions
    @Argument(help: "The article's title.") var title: String

    func run() async throws {
        let config = JournalLoader.load(content: options.contentURL).config
        try createFile(Templates.article(title: title, today: options.day(forConfig: config)), in: options)
    }
}

/// Writes a new file below the Content folder, refusing to overwrite, and prints its path.
func createFile(_ file: (path: String, text: String), in options: ContentOptions) throws {
    let url = options.contentURL.appendingPathComponent(file.path)
    let shown = ContentFiles.displayPath(url)
    if FileManager.default.fileExists(atPath: url.path) {
        throw usageError("\(shown) already exists; Followup never overwrites a journal file")
    }
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    guard FileManager.default.createFile(atPath: url.path, contents: Data(file.text.utf8)) else {
        throw usageError("cannot create \(shown)")
    }
    print(shown)
}

/// `followup add`: one event line, after the application's last event, every other byte untouched.
struct Add: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add an event to an application: followup add TARGET KIND [NOTE].",
        discussion: "TARGET is a company, 'Company — Role' or an application's slug.")

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
        case .failure(let error): throw usageError(error.description)
        }
        let day: CivilDate
        if let date {
            guard let parsed = CivilDate(iso: date) else { throw usageError("--date must be YYYY-MM-DD, not '\(date)'") }
            day = parsed
        } else {
            day = options.day(forConfig: journal.config)
        }
        var clock: ClockTime?
        if let time {
            let parts = time.split(separator: ":")
            guard parts.count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
                let parsed = ClockTime(hour: h, minute: m)
            else { throw usageError("--time must be HH:MM from 00:00 to 23:59, not '\(time)'") }
            clock = parsed
        }
        let application: Application
        switch JournalEditor.resolve(target, in: journal.applications) {
        case .success(let found): application = found
        case .failure(let error): throw usageError(error.description)
        }
        let url = options.contentURL.appendingPathComponent("journal").appendingPathComponent(application.path)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw usageError("cannot read \(ContentFiles.displayPath(url))")
        }
        let text = JournalEditor.eventText(date: day, time: clock, kind: kind, note: note)
        let updated = JournalEditor.insert(text, into: Array(data), after: application)
        try OutputWriter.atomicWrite(url, updated)
        print("\(ContentFiles.displayPath(url)): added '\(text)' to \(application.slug)")
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
            ("site.yml", Templates.siteYAML),
            (
                Templates.application(company: "Example Company", role: "Your Role", today: today).path,
                Templates.application(company: "Example Company", role: "Your Role", today: today).text
            ),
            ("articles/how-to-keep-this-journal.md", Templates.welcomeArticle(today: today)),
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
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    return ExitCode(64)
}
