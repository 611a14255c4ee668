import Foundation

@testable import Journal

/// Reads in-memory journal files (path relative to journal/ → text).
func journal(_ files: [String: String], config: SiteConfig = SiteConfig()) -> Journal {
    JournalBuilder.build(files: files.map { ($0.key, $0.value) }, config: config)
}

/// The diagnostics as printed, without the `journal/` prefix noise.
func printed(_ journal: Journal) -> [String] {
    journal.diagnostics.map(\.description)
}

/// A temporary folder removed when the value is released.
final class TemporaryFolder {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("followup-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func write(_ relative: String, _ text: String) throws {
        try write(relative, Data(text.utf8))
    }

    func write(_ relative: String, _ data: Data) throws {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }
}
