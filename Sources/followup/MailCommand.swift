import Analytics
import ArgumentParser
import Foundation
import Journal
import Mail

/// `followup mail PATH...`: events suggested from a local mailbox, written only with `--write`.
struct MailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail",
        abstract: "Suggest journal events from a mailbox (mbox, Maildir, .eml files); nothing leaves the machine.",
        discussion:
            "Prints ready 'followup add' lines (or JSON). Only --write changes the journal, through the same editor as 'followup add'."
    )

    @OptionGroup var options: ContentOptions
    @Argument(help: "mbox files, Maildir folders, .eml files or folders of them.") var paths: [String]
    @Option(help: "Leave out messages before this date.") var since: String?
    @Flag(help: "Print the suggestions as JSON.") var json = false
    @Flag(help: "Add the suggestions to the journal, then check it.") var write = false

    func run() async throws {
        let journal = JournalLoader.load(content: options.contentURL)
        if journal.hasErrors {
            printDiagnostics(journal.diagnostics.filter(\.isError))
            throw ExitCode(1)
        }
        let today = options.day(for: journal)
        let from = try since.map { try parseDay($0, today: today) }
        let scan = MailScan.run(paths: paths, journal: journal, today: today, since: from)
        for problem in scan.problems { FileHandle.standardError.write(Data("warning: \(problem)\n".utf8)) }
        if json {
            let list = JSONValue.array(
                scan.suggestions.map { s in
                    .object([
                        ("application", .string(s.application)), ("date", .string(s.date.description)),
                        ("time", s.time.map { .string($0.description) } ?? .null), ("kind", .string(s.kind.rawValue)),
                        ("note", .string(s.note)), ("message_id", s.messageID.map(JSONValue.string) ?? .null),
                        ("reason", .string(s.reason)),
                    ])
                })
            print(list.serialized(pretty: true))
        } else {
            for suggestion in scan.suggestions { print(suggestion.addLine) }
        }
        FileHandle.standardError.write(
            Data(
                "\(scan.read) messages read, \(scan.matched) matched, \(scan.skipped) skipped; \(counted(scan.suggestions.count, "new suggestion"))\(write ? "" : " (nothing written; --write adds them)")\n"
                    .utf8))
        guard write, !scan.suggestions.isEmpty else { return }
        let bySlug = Dictionary(uniqueKeysWithValues: journal.applications.map { ($0.slug, $0) })
        for suggestion in scan.suggestions {
            guard let application = bySlug[suggestion.application] else { continue }
            let url = options.contentURL.appendingPathComponent("journal").appendingPathComponent(application.path)
            let text = JournalEditor.eventText(
                date: suggestion.date, time: suggestion.time, kind: suggestion.kind, note: suggestion.note)
            do {
                try JournalFile.update(url) { bytes in
                    let current = JournalEditor.reread(application, in: bytes, path: application.path) ?? application
                    return JournalEditor.insertion(text, into: bytes, after: current, date: suggestion.date).bytes
                }
            } catch let error as JournalFile.WriteError {
                throw usageError(error.description)
            }
            print("\(ContentFiles.displayPath(url)): added '\(text)' to \(application.slug)")
        }
        let after = try options.loadJournal()
        if after.hasErrors { throw ExitCode(1) }
    }
}
