import FlyingSocks
import Foundation
import Support

/// What open pages need to know: which build they show, and what is wrong with the content now.
public struct SiteState: Sendable, Equatable, Codable {
    public var version: Int
    /// Diagnostics of the last build attempt, as values (the page draws them; nothing parses text).
    public var diagnostics: [Diagnostic]
    /// The last attempt failed: the site still shows the build before it.
    public var hasErrors: Bool

    public init(version: Int = 0, diagnostics: [Diagnostic] = [], hasErrors: Bool = false) {
        self.version = version
        self.diagnostics = diagnostics
        self.hasErrors = hasErrors
    }

    /// The state as one line of JSON, for the event stream and `__followup/state`.
    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// Sends server-sent events to every open page: the current state on connect, then every change.
public actor ReloadHub {
    private var state = SiteState()
    private var listeners: [UUID: AsyncStream<[UInt8]>.Continuation] = [:]

    public init() {}

    public var current: SiteState { state }

    public func publish(_ new: SiteState) {
        state = new
        let message = Self.event(new)
        for listener in listeners.values { listener.yield(message) }
    }

    /// A new stream of event bytes, starting with the current state.
    public func subscribe() -> AsyncStream<[UInt8]> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(16))
        continuation.yield(Array("retry: 1000\n\n".utf8))
        continuation.yield(Self.event(state))
        continuation.onTermination = { [weak self] _ in
            Task { await self?.remove(id) }
        }
        listeners[id] = continuation
        return stream
    }

    /// A comment line every few seconds keeps idle connections (and proxies) open.
    public func heartbeat() {
        for listener in listeners.values { listener.yield(Array(": keep-alive\n\n".utf8)) }
    }

    public var listenerCount: Int { listeners.count }

    public func finishAll() {
        for listener in listeners.values { listener.finish() }
        listeners.removeAll()
    }

    private func remove(_ id: UUID) { listeners[id] = nil }

    static func event(_ state: SiteState) -> [UInt8] {
        Array("event: state\ndata: \(state.json)\n\n".utf8)
    }
}

/// The bytes of an event stream as the buffered sequence FlyingFox streams a response body from.
struct EventStreamBody: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let stream: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator { Iterator(base: stream.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<[UInt8]>.AsyncIterator
        var pending: ArraySlice<UInt8> = []

        mutating func fill() async -> Bool {
            while pending.isEmpty {
                guard let chunk = await base.next() else { return false }
                pending = chunk[...]
            }
            return true
        }

        mutating func next() async throws -> UInt8? {
            guard await fill() else { return nil }
            return pending.popFirst()
        }

        mutating func nextBuffer(suggested count: Int) async throws -> ArraySlice<UInt8>? {
            guard await fill() else { return nil }
            let chunk = pending.prefix(Swift.max(count, 1))
            pending = pending.dropFirst(chunk.count)
            return chunk
        }
    }
}
