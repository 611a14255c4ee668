import Foundation

/// Everything read from a Content folder: settings, applications, articles, and what was wrong.
///
/// The one input of every later stage; it never changes after loading.
public struct Journal: Sendable {
    public var config: SiteConfig
    /// Applications ordered by file path, then position in the file; slugs assigned.
    public var applications: [Application]
    /// Articles ordered by file path; drafts included (the site decides whether to show them).
    public var articles: [Article]
    /// Work-search activities that are not applications (`## Activities`), in path order.
    public var activities: [Activity] = []
    /// Every diagnostic, sorted by file, line and column.
    public var diagnostics: [Diagnostic]

    public init(
        config: SiteConfig = SiteConfig(), applications: [Application] = [], articles: [Article] = [],
        diagnostics: [Diagnostic] = []
    ) {
        self.config = config
        self.applications = applications
        self.articles = articles
        self.diagnostics = diagnostics
    }

    public var hasErrors: Bool { diagnostics.hasErrors }
}
