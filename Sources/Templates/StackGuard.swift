import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// How much of the current thread's stack is left: deep rendering checks it, so that a template
/// nesting deeper than the stack allows ends in an error (or a retry on a thread with a larger
/// stack), never in a crash.
enum StackGuard {
    /// Bytes left below the caller's frame, or nil when the thread's stack cannot be told.
    static func remaining() -> Int? {
        #if canImport(Glibc)
            var attributes = pthread_attr_t()
            guard followupGetThreadAttributes(pthread_self(), &attributes) == 0 else { return nil }
            defer { pthread_attr_destroy(&attributes) }
            var base: UnsafeMutableRawPointer?
            var size = 0
            guard pthread_attr_getstack(&attributes, &base, &size) == 0, let base else { return nil }
            var marker = 0
            return withUnsafeMutablePointer(to: &marker) { Int(bitPattern: $0) } - Int(bitPattern: base)
        #else
            return nil
        #endif
    }

    /// What must stay free: the frames of an error's way out, and the caller's own.
    static let reserve = 256 * 1024

    /// Runs `work` on a new thread with a stack of `bytes`, waiting for it.
    static func onLargeStack<T: Sendable>(_ bytes: Int = 512 * 1024 * 1024, _ work: @escaping @Sendable () -> T) -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = work()
            done.signal()
        }
        thread.stackSize = bytes
        thread.start()
        done.wait()
        return box.value!
    }

    final class ResultBox<T>: @unchecked Sendable {
        var value: T?
    }
}

#if canImport(Glibc)
    /// glibc's `pthread_getattr_np`, which the Glibc module leaves out (it is a GNU extension).
    @_silgen_name("pthread_getattr_np")
    func followupGetThreadAttributes(_ thread: pthread_t, _ attributes: UnsafeMutablePointer<pthread_attr_t>) -> Int32
#endif
