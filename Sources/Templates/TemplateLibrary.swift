/// Named templates that can include each other: a theme's pages, partials and layouts.
public struct TemplateLibrary: Sendable {
    private var templates: [String: Template] = [:]

    public init() {}

    /// Parses and adds a template; partials refer to it by `name` (its path without `.mustache`).
    public mutating func register(_ text: String, named name: String) throws(TemplateSyntaxError) {
        templates[name] = try TemplateParser.parse(text)
    }

    public func contains(_ name: String) -> Bool { templates[name] != nil }

    /// The template's output as UTF-8, or nil when there is no template of that name.
    public func render(_ value: TemplateValue, template name: String) throws(TemplateRenderError) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        do {
            return try Self.render(template, value, templates)
        } catch let error where error.stackLow {
            // Deep, data-driven recursion: once more on a thread with a stack that holds it.
            let templates = self.templates
            let result = StackGuard.onLargeStack { () -> Result<[UInt8], TemplateRenderError> in
                do throws(TemplateRenderError) {
                    return .success(try Self.render(template, value, templates))
                } catch {
                    return .failure(error)
                }
            }
            return try result.get()
        }
    }

    private static func render(_ template: Template, _ value: TemplateValue, _ templates: [String: Template])
        throws(TemplateRenderError) -> [UInt8]
    {
        var renderer = TemplateRenderer(templates: templates, root: value)
        try renderer.render(template, TemplateRenderer.Scope())
        // A copy of exactly the right size: a site keeps every page in memory until it is written,
        // and the render buffer's spare capacity would otherwise stay with each page.
        return Array(renderer.out[...])
    }
}
