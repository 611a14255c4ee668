import Foundation
import Journal
import Templates

/// A theme: Mustache templates and asset files, from a folder or compiled into the binary.
public struct Theme: Sendable {
    let library: TemplateLibrary
    /// Asset files by path below `assets/`.
    public let assets: [String: Data]
    public let name: String
    /// Changes when any template or asset changes: part of every cached page's fingerprint.
    let fingerprint: Fingerprint
    /// Templates the build needs that this theme lacks, taken from the built-in theme instead (a
    /// theme copied before a page was added keeps working).
    public let fallbacks: [String]

    /// The page templates a build needs: those of every kind of page.
    static var requiredTemplates: [String] { SitePages.templates }

    /// A template or a whole theme that cannot be used, with where and why.
    public struct LoadError: Error, CustomStringConvertible {
        public var diagnostic: Diagnostic
        public var description: String { diagnostic.description }

        init(_ file: String, line: Int = 1, column: Int = 1, _ message: String) {
            diagnostic = .error(SourceLocation(file: file, line: line, column: column), message)
        }

        init(unlocated message: String) { diagnostic = .error(nil, message) }
    }

    /// The theme in `folder`, or the built-in one when there is no such folder.
    public static func resolve(_ folder: URL?) throws -> Theme {
        var isDirectory: ObjCBool = false
        if let folder, FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue {
            return try load(folder: folder)
        }
        return try embedded()
    }

    /// Loads `folder/templates/**/*.mustache` and `folder/assets/**`.
    public static func load(folder: URL) throws -> Theme {
        var templates: [String: String] = [:]
        var assets: [String: Data] = [:]
        for (relative, url) in files(below: folder.appendingPathComponent("templates")) where relative.hasSuffix(".mustache") {
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            templates[String(relative.dropLast(".mustache".count))] = String(decoding: data, as: UTF8.self)
        }
        for (relative, url) in files(below: folder.appendingPathComponent("assets")) {
            if let data = FileManager.default.contents(atPath: url.path) { assets[relative] = data }
        }
        return try Theme(name: folder.path, templates: templates, assets: assets)
    }

    /// The default theme as compiled into the binary.
    public static func embedded() throws -> Theme {
        try Theme(
            name: "default (built in)", templates: EmbeddedTheme.templates,
            assets: EmbeddedTheme.assets.mapValues { Data($0.utf8) })
    }

    init(name: String, templates given: [String: String], assets: [String: Data]) throws {
        self.name = name
        var library = TemplateLibrary()
        var templates = given
        var fallbacks: [String] = []
        // A page template (or a partial it uses) that the theme lacks comes from the built-in theme.
        for (builtIn, text) in EmbeddedTheme.templates where templates[builtIn] == nil {
            if Self.requiredTemplates.contains(builtIn) { fallbacks.append(builtIn) }
            if builtIn.hasPrefix("partials/") || Self.requiredTemplates.contains(builtIn) { templates[builtIn] = text }
        }
        self.fallbacks = fallbacks.sorted()
        for (templateName, text) in templates.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(text, named: templateName)
            } catch {
                throw LoadError(
                    "\(name)/templates/\(templateName).mustache", line: error.line, column: error.column, error.message)
            }
        }
        for required in Self.requiredTemplates where !library.contains(required) {
            throw LoadError("\(name)/templates/\(required).mustache", "the theme has no '\(required)' template")
        }
        self.library = library
        self.assets = assets
        var fingerprint = Fingerprint()
        for (templateName, text) in templates.sorted(by: { $0.key < $1.key }) {
            fingerprint.add(text: templateName)
            fingerprint.add(text: text)
        }
        for (assetName, data) in assets.sorted(by: { $0.key < $1.key }) {
            fingerprint.add(text: assetName)
            for byte in data { fingerprint.add(byte: byte) }
        }
        self.fingerprint = fingerprint
    }

    /// Renders a page template with its context.
    func render(_ template: String, _ context: TemplateValue, memo: TemplateMemo? = nil) throws -> [UInt8] {
        do {
            guard let html = try library.render(context, template: template, memo: memo) else {
                throw LoadError(name, "no template named '\(template)'")
            }
            return html
        } catch let error as TemplateRenderError {
            throw LoadError("\(name)/templates/\(template).mustache", "\(error)")
        }
    }

    static func files(below folder: URL) -> [(String, URL)] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        else { return [] }
        var result: [(String, URL)] = []
        let base = folder.standardizedFileURL.path + "/"
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(base) else { continue }
            let relative = String(path.dropFirst(base.count))
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            result.append((relative, url))
        }
        return result.sorted { $0.0 < $1.0 }
    }
}

extension Theme {
    /// Writes the built-in default theme as a folder a user can copy and edit (`followup init`).
    public static func writeEmbedded(to folder: URL) throws {
        for (name, text) in EmbeddedTheme.templates {
            let url = folder.appendingPathComponent("templates/\(name).mustache")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        for (name, text) in EmbeddedTheme.assets {
            let url = folder.appendingPathComponent("assets/\(name)")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try Data(EmbeddedTheme.readme.utf8).write(to: folder.appendingPathComponent("README.md"))
    }
}
