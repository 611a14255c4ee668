import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Notices changes under the folders a site is built from by polling file sizes and modification
/// times. Polling because Foundation on Linux has no recursive file watcher and no watcher package
/// is available here; inotify would need one watch per folder and its own bookkeeping, while a poll
/// of a few thousand `stat` calls every half second costs a few milliseconds.
public struct ContentWatcher: Sendable {
    public let folders: [URL]

    public init(folders: [URL]) {
        self.folders = folders
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

    /// Calls `onChange` (one call at a time) after the files stop changing for `settle` seconds.
    public func watch(every interval: Double = 0.3, settle: Double = 0.15, onChange: @Sendable () async -> Void) async {
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
