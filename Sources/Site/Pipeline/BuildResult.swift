import Journal

/// Why a build wrote nothing, as a value a caller can switch on rather than a sentence to parse.
public enum BuildFailure: Error, Sendable, Hashable {
    /// The journal has errors; they are among the result's diagnostics.
    case contentErrors(count: Int)
    /// The theme cannot be used: a template that does not parse or render, with where.
    case theme(Diagnostic)
    /// Output may not be written (inside Content, a symbolic link in the way, a file Followup did
    /// not write): nothing was changed.
    case refusedOutput(Diagnostic)
    /// Reading or writing failed part way; `outputChanged` when Output could not be put back.
    case io(Diagnostic, outputChanged: Bool)

    /// The failure as a diagnostic to print or show; nil for content errors (those are printed already).
    public var diagnostic: Diagnostic? {
        switch self {
        case .contentErrors: return nil
        case .theme(let d), .refusedOutput(let d), .io(let d, _): return d
        }
    }

    public var outputChanged: Bool {
        if case .io(_, let changed) = self { return changed }
        return false
    }
}

/// What one build gave: the journal's diagnostics, the notes worth telling once, and either the
/// write report or why nothing was written.
public struct BuildResult: Sendable {
    /// The journal's diagnostics, in file order.
    public var diagnostics: [Diagnostic]
    /// Things to tell once (a sitemap without an absolute base URL, a template taken from the
    /// built-in theme, a public article naming a company of the journal).
    public var notes: [Diagnostic] = []
    public var failure: BuildFailure?
    public var report: OutputWriter.Report?
    public var fileCount = 0

    public var succeeded: Bool { failure == nil }
    /// What the build itself says besides the journal's diagnostics: the notes and the failure's own.
    public var others: [Diagnostic] { notes + (failure?.diagnostic.map { [$0] } ?? []) }
    /// Every diagnostic of the build: the journal's, then the others.
    public var all: [Diagnostic] { diagnostics + others }
}
