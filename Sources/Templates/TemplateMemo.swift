import Foundation

/// Rendered list items kept from one render to the next (a `serve` session's index pages): an
/// item object with a `memoKey` is rendered again only when its key, its section's template, its
/// indentation or its escaping changed, so a one-line edit re-renders one row of a table of ten
/// thousand.
///
/// Keys are made of what the output depends on: the digest of the theme's templates, the digest of
/// the item's section, the item's own key, the indentation and the escaping; never an object's
/// identity, so a theme loaded again for each build still finds its rows.
///
/// An item is kept only when its section was a function of the item alone: every name it looked up
/// was found in the item (or in values inside it), it used no block and no position of its list
/// (`first()`, `index()`…). A row that shows a value of the page around it is rendered every time.
/// One memo serves one page: what a render does not ask for is forgotten after it (`begin`,
/// `commit`).
public final class TemplateMemo: @unchecked Sendable {
    struct Key: Hashable {
        let library: Int
        let template: Int
        let item: Int
        let indentation: [UInt8]
        let escapesHTML: Bool
    }

    private var entries: [Key: [UInt8]] = [:]
    private var next: [Key: [UInt8]] = [:]
    private let lock = NSLock()
    /// Items reused and rendered since `begin`.
    public private(set) var reused = 0
    public private(set) var rendered = 0

    public init() {}

    public func begin() {
        lock.withLock {
            next = [:]
            reused = 0
            rendered = 0
        }
    }

    public func commit() {
        lock.withLock {
            entries = next
            next = [:]
        }
    }

    func bytes(_ key: Key) -> [UInt8]? {
        lock.withLock {
            guard let hit = entries[key] ?? next[key] else { return nil }
            next[key] = hit
            reused += 1
            return hit
        }
    }

    func keep(_ key: Key, bytes: [UInt8]) {
        lock.withLock {
            next[key] = bytes
            rendered += 1
        }
    }
}
