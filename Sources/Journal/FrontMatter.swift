/// Front matter split off a Markdown file: the YAML between the `---` lines, and where the body starts.
struct FrontMatter {
    /// The YAML text (its lines joined by `\n`).
    var yaml: String
    /// The file line (1-based) of the YAML's first line.
    var firstYAMLLine: Int
    /// The file line (1-based) where the body starts.
    var bodyStartLine: Int

    /// Whether the file begins with front matter (`---` on its first line, after an optional BOM).
    static func starts(_ source: SourceText) -> Bool {
        isFence(source.line(1))
    }

    static func isFence(_ line: Substring) -> Bool {
        var text = line
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text == "---"
    }

    /// Splits the front matter off, or returns the error of an unclosed block.
    static func split(_ source: SourceText) -> Result<FrontMatter, Diagnostic> {
        var index = 2
        while index <= source.lines.count {
            if isFence(source.line(index)) {
                return .success(
                    FrontMatter(yaml: source.lines(2, index - 1), firstYAMLLine: 2, bodyStartLine: index + 1))
            }
            index += 1
        }
        return .failure(
            .error(source.location(line: 1, column: 1), "front matter is not closed: add a line '---' after it"))
    }

    /// The body as the Markdown parser should see it: the front-matter lines blanked, so that every
    /// position cmark-gfm reports is already the file's own line.
    static func body(of source: SourceText, from line: Int) -> String {
        String(repeating: "\n", count: max(line - 1, 0)) + source.lines(line, source.lines.count)
    }
}
