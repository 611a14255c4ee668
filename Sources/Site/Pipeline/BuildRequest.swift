import Foundation
import Journal

/// What one build is asked to do: where the content, theme and Output are, and the build's options.
/// Every command that makes a site (build, serve) and every test fixture fills one in.
public struct BuildRequest: Sendable {
    public var content: URL
    /// A theme folder; nil, or a folder that does not exist, means the built-in default theme.
    public var theme: URL?
    public var output: URL
    /// The day to compute as of; nil means today in site.yml's time zone.
    public var today: CivilDate?
    /// Overrides site.yml `base_url` (sitemap and feed only; links stay relative).
    public var baseURL: String?
    public var includeDrafts: Bool
    public var isPublic: Bool

    public init(
        content: URL, theme: URL?, output: URL, today: CivilDate? = nil, baseURL: String? = nil, includeDrafts: Bool = false,
        isPublic: Bool = false
    ) {
        self.content = content
        self.theme = theme
        self.output = output
        self.today = today
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.isPublic = isPublic
    }
}

/// What `serve` keeps between its builds: parsed files and rendered pages.
public struct BuildCaches: Sendable {
    public let parsed = ParseCache()
    public let rendered = RenderCache()

    public init() {}
}

/// The steps of a build, announced as each begins (the CLI's progress line and its timing).
public enum BuildStep: Sendable {
    case reading
    case computing
    case rendering(applications: Int, articles: Int)
    case writing
    case finished
}

/// Seams for the callers that watch a build: progress, and the fault tests' pause points.
public struct BuildHooks: @unchecked Sendable {
    public var step: (BuildStep) -> Void = { _ in }
    /// Given the writer before staging, to wrap its file moves.
    public var prepareWriter: (inout OutputWriter) -> Void = { _ in }
    /// Called once the whole site is rendered and staged, before Output changes.
    public var rendered: () -> Void = {}

    public init() {}
}
