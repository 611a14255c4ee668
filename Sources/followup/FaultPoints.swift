import Analytics
import ArgumentParser
import Foundation
import Journal
import Site

/// Test seams for the fault tests: with FOLLOWUP_TEST_PAUSE=render the build stops after rendering
/// and before touching Output; with FOLLOWUP_TEST_PAUSE=write it stops after writing three files. In
/// both cases it says so on standard error and sleeps, so a test can kill it at that point.
enum FaultPoints {
    static func install(on writer: inout OutputWriter, files: Int) {
        switch ProcessInfo.processInfo.environment["FOLLOWUP_TEST_PAUSE"] {
        case "render":
            pause("rendered")
        case "write":
            let counter = Counter()
            let write = writer.writeFile
            writer.writeFile = { url, bytes in
                try write(url, bytes)
                // The first write is the manifest of intent; stop after three pages.
                if counter.increment() == 4 { pause("writing") }
            }
        default: break
        }
    }

    static func pause(_ point: String) {
        FileHandle.standardError.write(Data("paused: \(point)\n".utf8))
        sleep(120)
    }

    final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()
        func increment() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}
