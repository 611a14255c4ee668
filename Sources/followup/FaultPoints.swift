import Analytics
import ArgumentParser
import Foundation
import Journal
import Site

/// Test seams for the fault tests: with FOLLOWUP_TEST_PAUSE=render the build stops after rendering
/// (its files staged) and before anything else in Output changes; with FOLLOWUP_TEST_PAUSE=write it
/// stops after moving three files into place. In both cases it says so on standard error and
/// sleeps, so a test can kill it at that point.
enum FaultPoints {
    static var point: String? { ProcessInfo.processInfo.environment["FOLLOWUP_TEST_PAUSE"] }

    /// With FOLLOWUP_TEST_PAUSE=write, the build pauses after moving three files into Output.
    static func install(on writer: inout OutputWriter) {
        guard point == "write" else { return }
        let counter = Counter()
        let move = writer.moveFile
        writer.moveFile = { from, to in
            try move(from, to)
            if counter.increment() == 3 { pause("writing") }
        }
    }

    /// With FOLLOWUP_TEST_PAUSE=render, the build pauses once the whole site is rendered (and
    /// staged), before Output changes.
    static func rendered() {
        if point == "render" { pause("rendered") }
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
