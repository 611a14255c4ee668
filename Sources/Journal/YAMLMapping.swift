import Markdown
import Yams

/// A YAML mapping read from front matter or site.yml, with every key's place in the file.
///
/// Yams does the YAML; this type adds what the journal needs on top: file positions in UTF-8
/// columns, typed getters that report wrong types, and a cap on alias expansion (Yams has none).
struct YAMLMapping {
    struct Field {
        var key: String
        var node: Node
        var location: SourceLocation
    }

    var fields: [Field]
    let source: SourceText
    let firstLine: Int

    /// The most scalar, sequence and mapping nodes a document may expand to (alias bombs stop here).
    static let nodeBudget = 10_000

    /// A file's front matter: the plain reader's when it can say, else Yams's.
    static func frontMatter(_ frontMatter: FrontMatter, source: SourceText) -> Result<YAMLMapping, Diagnostic> {
        if let plain = PlainFrontMatter.parse(frontMatter.yaml, source: source, firstLine: frontMatter.firstYAMLLine) {
            return .success(plain)
        }
        return parse(frontMatter.yaml, source: source, firstLine: frontMatter.firstYAMLLine, what: "front matter")
    }

    /// Parses `yaml` (whose first line is file line `firstLine`) as a mapping, or gives the error.
    static func parse(_ yaml: String, source: SourceText, firstLine: Int, what: String) -> Result<YAMLMapping, Diagnostic> {
        let node: Node?
        do {
            // The basic resolver: values are read as text by the getters below, so Yams's
            // regular-expression tag resolution (most of its cost per file) would be wasted. UTF-8
            // is said outright: Yams's default encoding reads the process environment on every call.
            node = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            return .failure(describe(error, source: source, firstLine: firstLine, what: what))
        } catch {
            return .failure(.error(source.location(line: firstLine, column: 1), "\(what) is not valid YAML"))
        }
        guard let node else {
            return .success(YAMLMapping(fields: [], source: source, firstLine: firstLine))
        }
        var budget = nodeBudget
        guard fits(node, budget: &budget) else {
            return .failure(
                .error(
                    source.location(line: firstLine, column: 1),
                    "\(what) expands to more than \(nodeBudget) values (YAML aliases?); it is not read"))
        }
        guard case .mapping(let mapping) = node else {
            let place = node.mark.map { fileLocation($0, source: source, firstLine: firstLine) }
            return .failure(
                .error(
                    place ?? source.location(line: firstLine, column: 1),
                    "\(what) must be a mapping of keys to values (like 'title: My search')"))
        }
        var fields: [Field] = []
        for (key, value) in mapping {
            let keyText = key.scalar?.string ?? ""
            let location =
                key.mark.map { fileLocation($0, source: source, firstLine: firstLine) }
                ?? source.location(line: firstLine, column: 1)
            fields.append(Field(key: keyText, node: value, location: location))
        }
        return .success(YAMLMapping(fields: fields, source: source, firstLine: firstLine))
    }

    /// Counts nodes with an early stop, so an alias bomb costs at most `budget` steps.
    static func fits(_ node: Node, budget: inout Int) -> Bool {
        var stack = [node]
        while let next = stack.popLast() {
            budget -= 1
            if budget < 0 { return false }
            switch next {
            case .scalar, .alias: break
            case .sequence(let sequence): stack.append(contentsOf: sequence)
            case .mapping(let mapping):
                for (key, value) in mapping {
                    stack.append(key)
                    stack.append(value)
                }
            }
        }
        return true
    }

    /// A Yams mark (line from 1, column in Unicode scalars from 1) as a file location in UTF-8 columns.
    static func fileLocation(_ mark: Mark, source: SourceText, firstLine: Int) -> SourceLocation {
        let line = firstLine + mark.line - 1
        let text = source.line(line)
        let scalars = text.unicodeScalars
        let index =
            scalars.index(scalars.startIndex, offsetBy: max(mark.column - 1, 0), limitedBy: scalars.endIndex)
            ?? scalars.endIndex
        return source.location(line: line, column: text.utf8.distance(from: text.utf8.startIndex, to: index) + 1)
    }

    /// The library's problem in our words, at the place a person must change, with the usual fix.
    static func explain(_ problem: String, at location: SourceLocation, source: SourceText, what: String) -> Diagnostic {
        let lineText = String(source.line(location.line))
        if problem.contains("mapping values are not allowed") {
            let indented = lineText.first == " " || lineText.first == "\t"
            return .error(
                location, "\(what) is not valid YAML: a ':' where a value was expected",
                hint: indented
                    ? "this line is indented under the one above; start every key at the same column"
                    : "a value holding ': ' needs quotes, like role: \"Dev: Senior\"")
        }
        if problem.contains("expected ',' or ']'") || problem.contains("expected ',' or '}'") {
            // The list or mapping was opened on an earlier line and never closed: point at its bracket.
            let opener: Character = problem.contains("]") ? "[" : "{"
            var line = location.line
            while line >= 1 {
                let text = String(source.line(line))
                if let index = text.lastIndex(of: opener) {
                    let column = text.utf8.distance(from: text.utf8.startIndex, to: index) + 1
                    return .error(
                        source.location(line: line, column: column),
                        "\(what) is not valid YAML: '\(opener)' is never closed",
                        hint: "close it on the same line, like tags: [ios, remote], or quote a value that starts with '\(opener)'"
                    )
                }
                line -= 1
            }
        }
        if problem.contains("could not find expected ':'") {
            return .error(
                location, "\(what) is not valid YAML: a line without 'key: value'", hint: "write each line as 'key: value'")
        }
        if problem.contains("found character that cannot start any token"), lineText.contains("\t") {
            return .error(location, "\(what) is not valid YAML: a tab", hint: "YAML indents with spaces, not tabs")
        }
        return .error(location, "\(what) is not valid YAML: \(problem)")
    }

    static func describe(_ error: YamlError, source: SourceText, firstLine: Int, what: String) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return explain(problem, at: fileLocation(mark, source: source, firstLine: firstLine), source: source, what: what)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(
                fileLocation(context.mark, source: source, firstLine: firstLine),
                "\(what) has the key '\(duplicates.joined(separator: "', '"))' more than once")
        default:
            return .error(source.location(line: firstLine, column: 1), "\(what) is not valid YAML")
        }
    }
}

/// Typed reading of YAML values, each reporting a wrong type as an error at the key.
extension YAMLMapping.Field {
    /// A plain text value, trimmed; nil for an empty value.
    func text(_ diagnostics: inout [Diagnostic]) -> String? {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain && (scalar.string == "~" || scalar.string.lowercased() == "null") { return nil }
            let value = scalar.string.withoutControlCharacters.trimmingWhitespace
            return value.isEmpty ? nil : value
        default:
            diagnostics.append(.error(location, "'\(key)' must be text, not a list or a mapping"))
            return nil
        }
    }

    /// `true` or `false`.
    func bool(_ diagnostics: inout [Diagnostic]) -> Bool? {
        if case .scalar(let scalar) = node {
            switch scalar.string.lowercased() {
            case "true": return true
            case "false": return false
            default: break
            }
        }
        diagnostics.append(.error(location, "'\(key)' must be true or false"))
        return nil
    }

    /// A whole number no smaller than `minimum`.
    func integer(_ diagnostics: inout [Diagnostic], minimum: Int = 0, maximum: Int = 100_000) -> Int? {
        if case .scalar(let scalar) = node, let value = Int(scalar.string), value >= minimum, value <= maximum {
            return value
        }
        diagnostics.append(.error(location, "'\(key)' must be a whole number from \(minimum) to \(maximum)"))
        return nil
    }

    /// A list of texts: a YAML sequence, or one comma-separated text.
    func list(_ diagnostics: inout [Diagnostic]) -> [String] {
        switch node {
        case .scalar(let scalar):
            return scalar.string.withoutControlCharacters.split(separator: ",").map { String($0).trimmingWhitespace }.filter {
                !$0.isEmpty
            }
        case .sequence(let sequence):
            var result: [String] = []
            for item in sequence {
                guard case .scalar(let scalar) = item else {
                    diagnostics.append(.error(location, "'\(key)' must be a list of words"))
                    return []
                }
                let value = scalar.string.withoutControlCharacters.trimmingWhitespace
                if !value.isEmpty { result.append(value) }
            }
            return result
        default:
            diagnostics.append(.error(location, "'\(key)' must be a list, like [one, two]"))
            return []
        }
    }
}

extension StringProtocol {
    /// Control characters (NUL, escape, line breaks, bidi isolates stay) turned into spaces: values
    /// are one line of plain text, and a NUL must never reach a page or a file name.
    var withoutControlCharacters: String {
        // Control characters are C0, DEL and C1 (U+0080–U+009F, two bytes starting 0xC2): a byte scan
        // finds out whether there are any without looking up Unicode properties.
        guard utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }),
            unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { return String(self) }
        var out = ""
        for scalar in unicodeScalars {
            out.unicodeScalars.append(scalar.properties.generalCategory == .control ? " " : scalar)
        }
        return out
    }
}
