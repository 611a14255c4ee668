import Foundation
import Support
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Changes under a set of folders as the Linux kernel reports them (inotify): one watch per folder,
/// folders that appear later watched as they appear, links followed only while they stay inside
/// the watched folder (as the reader does). A change is reported once its burst of events is over:
/// an editor's save is several events (a temporary file, a rename, a chmod) within a few
/// milliseconds, so the watcher waits until `quiet` seconds pass with no event, then reports.
///
/// `init` fails (nil) where inotify is unavailable or the per-user watch limit is reached
/// (`fs.inotify.max_user_watches`); `ContentWatcher` then polls instead.
final class KernelWatcher: @unchecked Sendable {
    private let descriptor: Int32
    private var folders: [Int32: String] = [:]
    private let roots: [String]
    private let quiet: Double
    /// At most this many watches (the kernel's own limit is the usual one; tests set a low one).
    private let limit: Int
    /// Why the kernel watcher was given up, when it was (read by `ContentWatcher` for its note).
    private(set) var failure: String?

    static let mask: UInt32 = UInt32(
        IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF
            | IN_MOVE_SELF)

    init?(folders: [URL], quiet: Double, limit: Int = .max) {
        #if os(Linux)
            let fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
            guard fd >= 0 else { return nil }
            descriptor = fd
            self.quiet = quiet
            self.limit = limit
            roots = folders.map { $0.resolvingSymlinksInPath().path }
            for folder in folders where !addTree(folder.path) {
                KernelWatcher.lastFailure.withLock { $0 = failure }
                close(fd)
                return nil
            }
        #else
            return nil
        #endif
    }

    deinit { close(descriptor) }

    /// Why the last watcher could not start (its `init` returned nil after a refused watch).
    static let lastFailure = Mutex<String?>(nil)

    /// How many folders are watched.
    var count: Int { folders.count }

    /// Watches `path` and every folder below it; false when the kernel refuses a watch (the limit).
    private func addTree(_ path: String) -> Bool {
        var stack = [path]
        var seen = Set(folders.values.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path })
        while let folder = stack.popLast() {
            let real = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
            guard roots.contains(where: { real == $0 || real.hasPrefix($0 + "/") }), seen.insert(real).inserted else {
                continue
            }
            let wd = folders.count < limit ? inotify_add_watch(descriptor, folder, Self.mask | UInt32(IN_ONLYDIR)) : -2
            if wd < 0 {
                if wd == -2 || errno == ENOSPC || errno == ENOMEM {
                    failure = "the inotify watch limit is reached (fs.inotify.max_user_watches)"
                    return false
                }
                continue  // gone already, or not a folder
            }
            folders[wd] = folder
            for entry in FolderEntry.list(folder) ?? [] where !entry.name.hasPrefix(".") {
                if entry.kind == .folder || entry.kind == .link || entry.kind == .unknown {
                    stack.append(folder + "/" + entry.name)
                }
            }
        }
        return true
    }

    /// Blocks until something changed and the burst of events is over; false once the watcher
    /// cannot go on (the watch limit reached by new folders), so the caller falls back to polling.
    func next() -> Bool {
        var changed = false
        while true {
            // Before the first event: wait without end; after it: until `quiet` passes in silence.
            let timeout: Int32 = changed ? Int32((quiet * 1000).rounded(.up)) : 1000
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, timeout)
            if ready < 0 && errno == EINTR { continue }
            if ready <= 0 {
                if changed { return true }
                continue
            }
            switch drain() {
            case .nothing: break
            case .changed: changed = true
            case .broken: return false
            }
        }
    }

    private enum Drained { case nothing, changed, broken }

    /// Reads every pending event; watches new folders; says whether any event counts.
    private func drain() -> Drained {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var counted = false
        while true {
            let got = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if got <= 0 { break }
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= got {
                let (wd, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameBytes = buffer[(offset + header)..<min(offset + header + length, got)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset += header + length
                if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    counted = true
                    continue
                }
                if mask & UInt32(IN_IGNORED) != 0 {
                    folders[wd] = nil
                    continue
                }
                // Hidden names are editors' swap and lock files: never part of a build.
                if name.hasPrefix(".") { continue }
                counted = true
                if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, let parent = folders[wd] {
                    if !addTree(parent + "/" + name) { return .broken }
                }
            }
        }
        return counted ? .changed : .nothing
    }
}

extension ContentWatcher {
    /// How long the kernel's events of one save last, first to last (for the benchmark, which
    /// measures the settle time `quiet` rests on): a reader on its own thread stamps each batch of
    /// events as it arrives while `save` runs, until 200 ms pass without one. Nil where inotify is
    /// unavailable.
    public static func saveBurst(in folder: URL, save: () throws -> Void) rethrows -> Double? {
        #if os(Linux)
            let fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
            guard fd >= 0 else { return nil }
            defer { close(fd) }
            guard inotify_add_watch(fd, folder.path, KernelWatcher.mask) >= 0 else { return nil }
            let stamps = Mutex<[Date]>([])
            let done = DispatchSemaphore(value: 0)
            let ready = DispatchSemaphore(value: 0)
            let reader = Thread {
                ready.signal()
                var buffer = [UInt8](repeating: 0, count: 64 * 1024)
                while true {
                    var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                    guard Glibc.poll(&poller, 1, 200) > 0 else { break }
                    let got = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                    if got > 0 { stamps.withLock { $0.append(Date()) } }
                }
                done.signal()
            }
            reader.start()
            ready.wait()
            usleep(2_000)  // into its poll(2)
            try save()
            done.wait()
            let times = stamps.withLock { $0 }
            guard let first = times.first, let last = times.last else { return 0 }
            return last.timeIntervalSince(first)
        #else
            return nil
        #endif
    }
}
