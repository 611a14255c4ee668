import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Notices changes under the folders a site is built from. The kernel tells (inotify, in
/// `KernelWatcher`: Foundation on Linux has no recursive watcher and no watcher package is
/// available here); where inotify is unavailable or its watch limit is reached, file sizes and
/// modification times are polled instead.
public struct ContentWatcher: Sendable {
    public let folders: [URL]
    /// Polling only, even where inotify works (tests of the fallback).
    public let pollingOnly: Bool

    /// How the watcher learns of changes.
    public enum Mode: Sendable, Equatable {
        case kernel(folders: Int)
        case polling(reason: String)
    }

    /// After the last event of a save, this long without another before the rebuild starts. The
    /// benchmark measures editors' save bursts (`followup-bench`, "save bursts"): a rename-over save
    /// and an in-place write both finish within 2 ms here, a vim-style save (backup, write, chmod)
    /// within 5 ms; 30 ms leaves room for a slower disk without making anyone wait.
    public static let quiet = 0.03

    /// The most inotify watches to use (tests set a low one to see the fallback).
    let watchLimit: Int

    public init(folders: [URL], pollingOnly: Bool = false) {
        self.init(folders: folders, pollingOnly: pollingOnly, watchLimit: .max)
    }

    init(folders: [URL], pollingOnly: Bool, watchLimit: Int) {
        self.folders = folders
        self.pollingOnly = pollingOnly
        self.watchLimit = watchLimit
    }

    /// Watches until cancelled, calling `onChange` once per settled change (never two at a time;
    /// changes made during a call are reported once after it). `started` says how it watches.
    public func watch(started: @Sendable (Mode) -> Void = { _ in }, onChange: @Sendable @escaping () async -> Void) async {
        if !pollingOnly, let kernel = KernelWatcher(folders: folders, quiet: Self.quiet, limit: watchLimit) {
            started(.kernel(folders: kernel.count))
            let (changes, continuation) = AsyncStream<Bool>.makeStream(bufferingPolicy: .bufferingNewest(1))
            // The kernel watcher blocks in poll(2): a thread of its own, not one of the few that
            // run the server's tasks.
            let thread = Thread {
                while kernel.next() { continuation.yield(true) }
                continuation.yield(false)
                continuation.finish()
            }
            thread.stackSize = 1 << 20
            thread.start()
            for await working in changes {
                if Task.isCancelled { return }
                guard working else {
                    started(.polling(reason: kernel.failure ?? "inotify stopped"))
                    await poll(onChange: onChange)
                    return
                }
                await onChange()
            }
            return
        }
        let why = KernelWatcher.lastFailure.withLock { $0 } ?? "inotify is not available"
        started(.polling(reason: pollingOnly ? "asked for" : why))
        await poll(onChange: onChange)
    }

    /// A fingerprint of every file's path, size and modification time.
    public func fingerprint() -> [String: Int] {
        var result: [String: Int] = [:]
        for folder in folders {
            var stack = [folder.path]
            var seen = Set<String>()
            // Links are followed only while they stay inside the watched folder (as the reader does).
            let root = folder.resolvingSymlinksInPath().path
            while let directory = stack.popLast() {
                let real = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
                guard real == root || real.hasPrefix(root + "/"), seen.insert(real).inserted,
                    let names = try? FileManager.default.contentsOfDirectory(atPath: directory)
                else { continue }
                for name in names where !name.hasPrefix(".") {
                    let path = directory + "/" + name
                    var info = stat()
                    guard stat(path, &info) == 0 else { continue }
                    if info.st_mode & S_IFMT == S_IFDIR {
                        stack.append(path)
                    } else {
                        result[path] =
                            Int(info.st_size) &* 31 &+ Int(info.st_mtim.tv_sec) &* 1_000_000_007 &+ Int(info.st_mtim.tv_nsec)
                    }
                }
            }
        }
        return result
    }

    /// The fallback: calls `onChange` (one call at a time) after the files stop changing for
    /// `settle` seconds, looking every `interval`.
    public func poll(every interval: Double = 0.3, settle: Double = 0.15, onChange: @Sendable () async -> Void) async {
        var last = fingerprint()
        while !Task.isCancelled {
            try? await Task.sleep(nanoseconds: UInt64(interval * 1e9))
            var now = fingerprint()
            guard now != last else { continue }
            // Debounce: an editor's save can be several writes; wait until two looks agree.
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: UInt64(settle * 1e9))
                let again = fingerprint()
                if again == now { break }
                now = again
            }
            last = now
            await onChange()
        }
    }
}
