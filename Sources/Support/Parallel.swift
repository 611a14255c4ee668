import Dispatch

/// Maps over an array on every core, keeping the input order, so parallel output is byte-identical
/// to serial output. Work items must not share mutable state.
public enum Parallel {
    /// Set to false to run everything on one thread (tests compare both).
    nonisolated(unsafe) public static var enabled = true

    /// `chunk` items are handed to a worker at a time (by default an eighth of a core's share);
    /// pass 1 when items differ a lot in cost.
    public static func map<T, U>(_ items: [T], chunk: Int? = nil, _ transform: (T) throws -> U) rethrows -> [U] {
        guard enabled, items.count > 1 else { return try items.map(transform) }
        var results = [Result<U, Error>?](repeating: nil, count: items.count)
        let chunk = max(1, chunk ?? items.count / (ProcessInfoCores.count * 8))
        let chunks = (items.count + chunk - 1) / chunk
        withoutActuallyEscaping(transform) { transform in
            results.withUnsafeMutableBufferPointer { buffer in
                // Each index is written by exactly one worker, and nothing reads until all are done.
                let shared = Unchecked((items, buffer.baseAddress, transform))
                DispatchQueue.concurrentPerform(iterations: chunks) { c in
                    let (items, base, transform) = shared.value
                    let start = c * chunk
                    for index in start..<min(start + chunk, items.count) {
                        base?[index] = Result { try transform(items[index]) }
                    }
                }
            }
        }
        return try results.map { result in
            guard let result else { preconditionFailure("a parallel work item did not run") }
            return try result.get()
        }
    }
}

/// Hands values to worker threads that the caller guarantees are used safely.
struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// The number of cores, read once.
enum ProcessInfoCores {
    static let count: Int = {
        #if canImport(Glibc)
            return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
            return 2
        #endif
    }()
}

#if canImport(Glibc)
    import Glibc
#endif
