/// A dated work-search activity that is not an application (a job fair, a workshop, a networking
/// evening), written under `## Activities` in a shared journal file. It counts only in the
/// work-search log.
public struct Activity: Sendable, Hashable {
    public var date: CivilDate
    public var time: ClockTime?
    /// What was done, as written (inline Markdown).
    public var text: String
    public var location: SourceLocation
    /// The file's path relative to the Content folder.
    public var path: String

    public init(date: CivilDate, time: ClockTime?, text: String, location: SourceLocation, path: String) {
        self.date = date
        self.time = time
        self.text = text
        self.location = location
        self.path = path
    }
}
