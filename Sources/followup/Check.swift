import ArgumentParser
import Foundation
import Journal

/// `followup check`: parse and validate only.
struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Parse and validate the journal; print diagnostics as path:line:col: severity: message.")

    @OptionGroup var options: ContentOptions

    @Flag(help: "Apply every fix in place (only those lines change), then check again.")
    var fix = false

    func run() async throws {
        var journal = try options.loadJournal()
        if fix {
            let changed = try FixCommand.apply(journal.diagnostics)
            if changed > 0 {
                print("fixed \(counted(changed, "line")); checking again")
                journal = try options.loadJournal()
            } else {
                print("nothing to fix")
            }
        }
        if journal.hasErrors { throw ExitCode(1) }
        print("ok: \(journal.applications.count) applications, \(journal.articles.count) articles")
    }
}

/// `check --fix`: each diagnostic's fix written in place of its line, file by file; a file with
/// an error (which has no fix) is never touched.
enum FixCommand {
    static func apply(_ diagnostics: [Diagnostic]) throws -> Int {
        var byFile: [String: [Diagnostic]] = [:]
        var order: [String] = []
        for diagnostic in diagnostics {
            guard let file = diagnostic.location?.file else { continue }
            if byFile[file] == nil { order.append(file) }
            byFile[file, default: []].append(diagnostic)
        }
        var changed = 0
        for file in order {
            let found = byFile[file] ?? []
            let fixes = found.filter { $0.fix != nil }
            guard !fixes.isEmpty else { continue }
            if found.contains(where: \.isError) {
                FileHandle.standardError.write(Data("\(file): not fixed: it has an error to correct by hand first\n".utf8))
                continue
            }
            let url = URL(fileURLWithPath: file)
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            var lines: [Int: String] = [:]
            for diagnostic in fixes {
                guard let line = diagnostic.location?.line, lines[line] == nil else { continue }
                lines[line] = diagnostic.fix?.replacement
            }
            let bytes = Array(data)
            let updated = JournalEditor.applyFixes(lines, to: bytes)
            guard updated != bytes else { continue }
            try JournalFile.replace(url, with: updated)
            for (line, text) in lines.sorted(by: { $0.key < $1.key }) {
                print("\(file):\(line): \(Diagnostic.printable(text))")
                changed += 1
            }
        }
        return changed
    }
}
