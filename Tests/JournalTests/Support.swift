import Foundation
import TestSupport

@testable import Journal

/// Reads in-memory journal files (path relative to journal/ → text).
func journal(_ files: [String: String], config: SiteConfig = SiteConfig()) -> Journal {
    JournalBuilder.build(files: files.map { ($0.key, $0.value) }, config: config)
}

/// The diagnostics as printed, without the `journal/` prefix noise.
func printed(_ journal: Journal) -> [String] {
    journal.diagnostics.map(\.description)
}
