import Foundation
import TestSupport
import Testing

@testable import Serve

/// The content watcher: inotify where it works (folders added as they appear, a burst of writes
/// reported once, editors' hidden files ignored), polling where asked or where inotify cannot.
@Suite(.serialized) struct WatcherTests {
    /// Counts the watcher's calls and remembers how it said it watches.
    actor Log {
        var changes = 0
        var mode: ContentWatcher.Mode?
        func change() { changes += 1 }
        func started(_ mode: ContentWatcher.Mode) { self.mode = mode }
    }

    /// Waits (up to a generous 120 s, to catch a hang, not to time anything: a loaded machine running
    /// the whole suite on two cores can keep a task waiting for many seconds) until `test` holds.
    static func eventually(_ log: Log, _ test: @escaping (Int) -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            if test(await log.changes) { return true }
            try? await Task.sleep(nanoseconds: 10_000_000)
        }
        return false
    }

    static func start(_ folder: URL, pollingOnly: Bool = false, limit: Int = .max) async -> (Log, Task<Void, Never>) {
        let log = Log()
        let watcher = ContentWatcher(folders: [folder], pollingOnly: pollingOnly, watchLimit: limit)
        let task = Task {
            await watcher.watch(started: { mode in Task { await log.started(mode) } }, onChange: { await log.change() })
        }
        // The watches are in place once the watcher says how it watches.
        let deadline = Date().addingTimeInterval(120)
        while await log.mode == nil, Date() < deadline { try? await Task.sleep(nanoseconds: 10_000_000) }
        return (log, task)
    }

    @Test func theKernelReportsASaveAndFoldersThatAppearLater() async throws {
        let folder = TemporaryFolder("followup-watch")
        try folder.write("journal/a.md", "## Acme — Dev\n")
        let (log, task) = await Self.start(folder.url)
        defer { task.cancel() }
        guard case .kernel(let folders)? = await log.mode else {
            Issue.record("inotify was not used: \(String(describing: await log.mode))")
            return
        }
        #expect(folders == 2, "the root and journal/")
        try folder.write("journal/a.md", "## Acme — Dev\n- 2026-03-01 applied\n")
        #expect(await Self.eventually(log) { $0 >= 1 }, "a save is reported")
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("journal/new/deeper"), withIntermediateDirectories: true)
        #expect(await Self.eventually(log) { $0 >= 2 }, "a new folder is a change")
        let before = await log.changes
        try folder.write("journal/new/deeper/b.md", "## Birch — Dev\n")
        #expect(await Self.eventually(log) { $0 > before }, "a file in a folder made after the start is seen")
    }

    @Test func aBurstOfWritesIsOneChangeAndHiddenFilesAreNone() async throws {
        let folder = TemporaryFolder("followup-watch")
        try folder.write("a.md", "x")
        let (log, task) = await Self.start(folder.url)
        defer { task.cancel() }
        for round in 0..<20 { try folder.write("a.md", "round \(round)") }
        #expect(await Self.eventually(log) { $0 >= 1 })
        try? await Task.sleep(nanoseconds: 300_000_000)
        #expect(await log.changes <= 3, "20 quick writes are reported as one change (or a few), not 20")
        let settled = await log.changes
        try folder.write(".a.md.swp", "editor state")
        try? await Task.sleep(nanoseconds: 500_000_000)
        #expect(await log.changes == settled, "an editor's hidden swap file is not a change")
    }

    @Test func pollingStillNoticesAChange() async throws {
        let folder = TemporaryFolder("followup-watch")
        try folder.write("journal/a.md", "x")
        let (log, task) = await Self.start(folder.url, pollingOnly: true)
        defer { task.cancel() }
        #expect(await log.mode == .polling(reason: "asked for"))
        try folder.write("journal/a.md", "longer text")
        #expect(await Self.eventually(log) { $0 >= 1 })
    }

    @Test func theWatchLimitFallsBackToPolling() async throws {
        let folder = TemporaryFolder("followup-watch")
        try folder.write("journal/a/one.md", "x")
        try folder.write("journal/b/two.md", "x")
        let (log, task) = await Self.start(folder.url, limit: 2)
        defer { task.cancel() }
        #expect(await log.mode == .polling(reason: "the inotify watch limit is reached (fs.inotify.max_user_watches)"))
        try folder.write("journal/b/two.md", "a longer text")
        #expect(await Self.eventually(log) { $0 >= 1 }, "polling takes over")
    }
}
