import Analytics
import ArgumentParser
import Foundation
import Journal
import Site

/// Phase times on standard error when FOLLOWUP_TIMING is set (for the benchmark and for curiosity),
/// and a one-line progress display while a build runs on a terminal (nothing when piped).
final class Timing {
    let enabled: Bool
    let progress: Bool
    var last = Date()

    init(enabled: Bool, progress: Bool = false) {
        self.enabled = enabled
        self.progress = progress && !enabled
    }

    /// Replaces the progress line (nil clears it).
    func say(_ text: String?) {
        guard progress else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + (text ?? "")).utf8))
    }

    /// Peak resident memory so far.
    static func peakMB() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss >> 10
    }

    func mark(_ phase: String) {
        guard enabled else { return }
        let now = Date()
        FileHandle.standardError.write(
            Data("\(phase): \(String(format: "%.3f", now.timeIntervalSince(last))) s, peak \(Self.peakMB()) MB\n".utf8))
        last = now
    }
}
