import Analytics
import Foundation
import Journal
import Templates

/// Rendered pages remembered between the builds of one `serve` session: a page whose context (and
/// theme) did not change is not rendered again, and a page that was already written is not read
/// back to compare. An edit to one application re-renders only the pages that show it.
public final class RenderCache: @unchecked Sendable {
    struct Entry {
        var fingerprint: Fingerprint
        /// A hash of what the page is made from, when its builder can say (in-process only).
        var inputs: Int?
        var bytes: [UInt8]
        var written: Bool
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var next: [String: Entry] = [:]
    /// Pages rendered and pages reused by the last build.
    public private(set) var rendered = 0
    public private(set) var reused = 0
    /// Builds committed to Output with this cache.
    public private(set) var committed = 0
    /// Article bodies as HTML, kept between builds: Markdown is the costliest part of a rebuild.
    let bodies = ArticleBodies()
    /// Applications' facts, for the statistics of the next build.
    let facts = FactsCache()
    /// Pieces of the files that list every application (a row, an item, a month of lanes), kept
    /// between builds by what they are made from: a one-line edit makes one piece again.
    let fragments = Fragments()
    /// Rendered rows of each index page (items with a `memoKey`), kept with the page: a page
    /// reused whole keeps its rows for the build that next renders it.
    private var memos: [String: TemplateMemo] = [:]
    private var memosUsed: Set<String> = []

    public init() {}

    func begin() {
        lock.withLock {
            next = [:]
            rendered = 0
            reused = 0
        }
        fragments.begin()
        lock.withLock { memosUsed = [] }
    }

    /// The rows kept for the page at `path`, for the render about to be made of it.
    func memo(for path: String) -> TemplateMemo {
        lock.withLock {
            memosUsed.insert(path)
            if let memo = memos[path] { return memo }
            let memo = TemplateMemo()
            memos[path] = memo
            return memo
        }
    }

    /// Rows rendered and reused by the index pages of this build.
    var rowsRendered: Int { lock.withLock { memosUsed.reduce(0) { $0 + (memos[$1]?.rendered ?? 0) } } }
    var rowsReused: Int { lock.withLock { memosUsed.reduce(0) { $0 + (memos[$1]?.reused ?? 0) } } }

    /// The page of the last build when it was made from the same inputs.
    func reuse(_ path: String, inputs: Int) -> (bytes: [UInt8], written: Bool)? {
        lock.withLock {
            guard let hit = entries[path], hit.inputs == inputs else { return nil }
            next[path] = hit
            reused += 1
            return (hit.bytes, hit.written)
        }
    }

    /// The page's bytes, rendering them only when its fingerprint changed; and whether those exact
    /// bytes are already in Output.
    func page(_ path: String, _ fingerprint: Fingerprint, inputs: Int? = nil, render: () throws -> [UInt8]) rethrows -> (
        bytes: [UInt8], written: Bool
    ) {
        if var hit = lock.withLock({ entries[path] }), hit.fingerprint == fingerprint {
            hit.inputs = inputs
            lock.withLock {
                next[path] = hit
                reused += 1
            }
            return (hit.bytes, hit.written)
        }
        let bytes = try render()
        // An index page whose rows' keys changed may still come out the same (an edited note is
        // not in the applications table): then Output already holds it.
        let previous = lock.withLock { entries[path] }
        let written = previous.map { $0.written && $0.bytes == bytes } ?? false
        lock.withLock {
            next[path] = Entry(fingerprint: fingerprint, inputs: inputs, bytes: bytes, written: written)
            rendered += 1
        }
        return (bytes, written)
    }

    /// Called after Output was written successfully: every page of this build is now on disk.
    public func commit() {
        lock.withLock {
            for key in next.keys { next[key]?.written = true }
            entries = next
            committed += 1
        }
        fragments.commit()
        lock.withLock { memos = memos.filter { next[$0.key] != nil } }
    }

    /// Called when a build failed: keep what was known before it.
    public func discard() {
        lock.withLock { next = [:] }
    }
}

/// Bytes made from a value, kept by an id and the value's hash from one build to the next; what
/// a build does not ask for is forgotten after it.
final class Fragments: @unchecked Sendable {
    private var values: [String: (key: Int, value: Any)] = [:]
    private var nextValues: [String: (key: Int, value: Any)] = [:]
    private let lock = NSLock()

    /// Lists of values by their keys (`[Int: T]` for each list name), for `values(_:keys:make:)`.
    private var lists: [String: Any] = [:]
    private var nextLists: [String: Any] = [:]

    func begin() {
        lock.withLock {
            nextValues = [:]
            nextLists = [:]
        }
    }

    func commit() {
        lock.withLock {
            values = nextValues
            nextValues = [:]
            lists = nextLists
            nextLists = [:]
        }
    }

    /// The values of one list, each kept by its key (the hash of what it is made from), else made
    /// by `make(index)`: one lock for the whole list, where ten thousand rows took one each.
    func values<T>(_ list: String, keys: [Int], make: (Int) -> T) -> [T] {
        let known = lock.withLock { lists[list] } as? [Int: T] ?? [:]
        var kept: [Int: T] = [:]
        kept.reserveCapacity(keys.count)
        var result: [T] = []
        result.reserveCapacity(keys.count)
        for (index, key) in keys.enumerated() {
            let value = kept[key] ?? known[key] ?? make(index)
            kept[key] = value
            result.append(value)
        }
        lock.withLock {
            var merged = nextLists[list] as? [Int: T] ?? [:]
            merged.merge(kept) { _, new in new }
            nextLists[list] = merged
        }
        return result
    }

    /// The value kept for `id` when it was made from a value with hash `key`, else `make()`.
    func value<T>(_ id: String, key: Int, make: () -> T) -> T {
        if let hit = lock.withLock({ values[id] }), hit.key == key, let value = hit.value as? T {
            lock.withLock { nextValues[id] = hit }
            return value
        }
        let value = make()
        lock.withLock { nextValues[id] = (key, value) }
        return value
    }

    /// The bytes kept for `id`: `value` for the pieces of files.
    func bytes(_ id: String, key: Int, make: () -> [UInt8]) -> [UInt8] { value(id, key: key, make: make) }
}

extension Optional where Wrapped == Fragments {
    /// The value from the store when there is one (serve), else made now (build).
    func value<Input: Hashable, T>(_ id: String, _ input: Input, make: () -> T) -> T {
        guard let self else { return make() }
        return self.value(id, key: input.hashValue, make: make)
    }

    /// The piece from the store when there is one (serve), else made now (build).
    func bytes<Input: Hashable>(_ id: String, _ input: Input, make: () -> [UInt8]) -> [UInt8] {
        guard let self else { return make() }
        return self.bytes(id, key: input.hashValue, make: make)
    }
}

/// Articles' bodies rendered to HTML, by slug, with the text and option they were made from: a
/// rebuild renders again only the articles whose text changed.
final class ArticleBodies: @unchecked Sendable {
    private struct Entry {
        var body: String
        var unsafe: Bool
        var html: String
    }

    private var entries: [String: Entry] = [:]
    private let lock = NSLock()

    func html(for article: Article, unsafe: Bool) -> String? {
        lock.withLock {
            guard let entry = entries[article.slug], entry.unsafe == unsafe, entry.body == article.body else { return nil }
            return entry.html
        }
    }

    func keep(_ article: Article, unsafe: Bool, html: String) {
        lock.withLock { entries[article.slug] = Entry(body: article.body, unsafe: unsafe, html: html) }
    }
}

/// A 128-bit fingerprint (two FNV-1a hashes) of a page's template and context, walked in a fixed
/// order: dictionary keys sorted, arrays in order, every value tagged with its type.
struct Fingerprint: Hashable {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x8422_2325_cbf2_9ce4

    mutating func add(byte: UInt8) {
        a = (a ^ UInt64(byte)) &* 0x100_0000_01b3
        b = (b ^ UInt64(byte)) &* 0x100_0000_01b3 ^ (b >> 29)
    }

    mutating func add(text: String) {
        for byte in text.utf8 { add(byte: byte) }
        add(byte: 0xFF)
    }

    mutating func add(value: TemplateValue) {
        switch value {
        case .string(let text):
            add(byte: 1)
            add(text: text)
        case .bool(let flag):
            add(byte: flag ? 2 : 3)
        case .int(let number):
            add(byte: 4)
            add(text: String(number))
        case .double(let number):
            add(byte: 5)
            add(text: String(number))
        case .object(let members) where members.memoKey != nil:
            // The key stands for what the object is made from (see `TemplateObject.memoKey`).
            add(byte: 11)
            add(text: String(members.memoKey ?? 0))
        case .object(let members):
            add(byte: 6)
            for (key, value) in members.sorted {
                add(text: key)
                add(value: value)
            }
            add(byte: 7)
        case .array(let list):
            add(byte: 8)
            for item in list { add(value: item) }
            add(byte: 9)
        case .null:
            add(byte: 10)
        }
    }
}
