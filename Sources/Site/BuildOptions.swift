import Journal

/// What a build was asked for, beyond the journal itself.
public struct BuildOptions: Sendable {
    public var today: CivilDate
    /// Overrides site.yml `base_url` (used for sitemap and feed URLs only; links stay relative).
    public var baseURL: String?
    public var includeDrafts: Bool
    public var isPublic: Bool

    public init(today: CivilDate, baseURL: String? = nil, includeDrafts: Bool = false, isPublic: Bool = false) {
        self.today = today
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.isPublic = isPublic
    }
}

/// A whole site: every file's path inside Output and its bytes (or, when the build handed its files
/// to a staging folder, only how many there are).
public struct RenderedSite: Sendable {
    public var files: [String: [UInt8]]
    public var fileCount: Int
    /// Things worth telling the user once (a sitemap without an absolute base URL, say).
    public var notes: [Diagnostic]
    /// Pages whose bytes the previous build of this session already wrote (from `RenderCache`);
    /// the writer checks their size instead of reading them back.
    public var alreadyWritten: Set<String> = []

    public init(files: [String: [UInt8]], notes: [Diagnostic], alreadyWritten: Set<String> = [], fileCount: Int? = nil) {
        self.files = files
        self.fileCount = fileCount ?? files.count
        self.notes = notes
        self.alreadyWritten = alreadyWritten
    }
}
