import Foundation

/// Finding the `## Activities` section that `followup new activity` appends to.
public enum ActivitySection {
    /// Whether a line is the heading `## Activities` (any case).
    public static func isHeading(_ line: String) -> Bool {
        let trimmed = line.trimmingWhitespace
        guard trimmed.hasPrefix("## ") else { return false }
        return trimmed.dropFirst(3).trimmingWhitespace.lowercased() == "activities"
    }

    /// The first journal file (in path order, relative to `folder`) that is a shared file with the heading.
    public static func file(in folder: URL) -> String? {
        var diagnostics: [Diagnostic] = []
        for file in ContentFiles.markdownFiles(in: folder, diagnostics: &diagnostics, displayPrefix: "") {
            guard let data = FileManager.default.contents(atPath: file.path), let text = String(data: data, encoding: .utf8),
                !text.hasPrefix("---")
            else { continue }
            if text.split(separator: "\n", omittingEmptySubsequences: false).contains(where: { isHeading(String($0)) }) {
                return file.relativePath
            }
        }
        return nil
    }
}
