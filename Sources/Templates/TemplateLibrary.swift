/// Named templates that can include each other: a theme's pages, partials and layouts.
public struct TemplateLibrary: Sendable {
    private var templates: [String: Template] = [:]
    /// A hash of every template and its name: what a memoised item's output may depend on besides
    /// its own section.
    private(set) var digest = 0

    public init() {}

    /// Parses and adds a template; partials refer to it by `name` (its path without `.mustache`).
    public mutating func register(_ text: String, named name: String) throws(TemplateSyntaxError) {
        templates[name] = try TemplateParser.parse(text)
        var hasher = Hasher()
        for (name, template) in templates.sorted(by: { $0.key < $1.key }) {
            hasher.combine(name)
            hasher.combine(template.digest)
        }
        digest = hasher.finalize()
    }

    public func contains(_ name: String) -> Bool { templates[name] != nil }

    /// The template's output as UTF-8, or nil when there is no template of that name. With a
    /// `memo`, list items that carry a `memoKey` are taken from it or kept in it.
    public func render(_ value: TemplateValue, template name: String, memo: TemplateMemo? = nil) throws(TemplateRenderError)
        -> [UInt8]?
    {
        guard let template = templates[name] else { return nil }
        do {
            return try Self.render(template, value, templates, memo, digest)
        } catch let error where error.stackLow {
            // Deep, data-driven recursion: once more on a thread with a stack that holds it.
            let templates = self.templates
            let digest = self.digest
            let result = StackGuard.onLargeStack { () -> Result<[UInt8], TemplateRenderError> in
                do throws(TemplateRenderError) {
                    return .success(try Self.render(template, value, templates, memo, digest))
                } catch {
                    return .failure(error)
                }
            }
            return try result.get()
        }
    }

    private static func render(
        _ template: Template, _ value: TemplateValue, _ templates: [String: Template], _ memo: TemplateMemo?,
        _ digest: Int
    ) throws(TemplateRenderError) -> [UInt8] {
        var renderer = TemplateRenderer(templates: templates, root: value, memo: memo, library: digest)
        try renderer.render(template, TemplateRenderer.Scope())
        // A copy of exactly the right size: a site keeps every page in memory until it is written,
        // and the render buffer's spare capacity would otherwise stay with each page.
        return Array(renderer.out[...])
    }
}
