import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A raw HTTP/1.1 client, so that requests reach the server exactly as written (URL types would
/// normalise `..` away) and a streamed body can be read as it arrives.
enum RawHTTP {
    static func request(
        port: UInt16, _ head: String, until marker: String? = nil, timeout: Double = 20, host: String = "127.0.0.1"
    ) -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return "" }
        defer { close(fd) }
        var wait = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return "" }
        let text = head + "\r\nHost: \(host)\r\nConnection: close\r\n\r\n"
        _ = text.withCString { send(fd, $0, strlen($0), 0) }
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n > 0 {
                received += buffer[0..<n]
                if let marker, String(decoding: received, as: UTF8.self).contains(marker) { break }
            } else if n == 0 {
                break
            }
        }
        return String(decoding: received, as: UTF8.self)
    }

    static func status(_ response: String) -> Int {
        Int(response.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
}

@Suite(.serialized) struct ServeCommandTests {
    static let journal = "## Acme — Dev\n- 2026-03-01 applied\n"

    /// Starts `followup serve --port 0` in a copy of a small journal and returns the process and port.
    func start(in folder: URL, extra: [String] = []) throws -> (Process, UInt16) {
        let (process, seen) = try Runner.start(
            ["serve", "--port", "0", "--today", "2026-03-15", "--quiet"] + extra, in: folder, until: "(Ctrl-C")
        guard let range = seen.range(of: #"127\.0\.0\.1:(\d+)"#, options: .regularExpression),
            let port = UInt16(seen[range].split(separator: ":").last ?? "")
        else {
            process.terminate()
            throw CancellationError()
        }
        return (process, port)
    }

    func waitFor(port: UInt16, prefix: String = "/", _ condition: (String) -> Bool) -> String {
        let deadline = Date().addingTimeInterval(20)
        var last = ""
        while Date() < deadline {
            last = RawHTTP.request(port: port, "GET \(prefix)__followup/state HTTP/1.1")
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return last
    }

    @Test func servesRebuildsReloadsAndShowsErrors() throws {
        let folder = try Runner.project(Self.journal)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (process, port) = try start(in: folder)
        defer { process.terminate(); process.waitUntilExit() }

        let home = RawHTTP.request(port: port, "GET /index.html HTTP/1.1")
        #expect(RawHTTP.status(home) == 200)
        #expect(
            home.contains("Content-Type: text/html; charset=utf-8") || home.contains("content-type: text/html; charset=utf-8"))
        #expect(home.contains("__followup/reload.js"))
        // HEAD tells the length the GET body has, for pages and for files streamed from disk.
        for path in ["/index.html", "/assets/style.css"] {
            let get = RawHTTP.request(port: port, "GET \(path) HTTP/1.1")
            let head = RawHTTP.request(port: port, "HEAD \(path) HTTP/1.1")
            let body = get.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
            #expect(head.lowercased().contains("content-length: \(body.utf8.count)\r\n"), "\(path): \(head)")
            #expect(body.utf8.count > 100)
        }
        let onDisk = try String(contentsOf: folder.appendingPathComponent("Output/index.html"), encoding: .utf8)
        #expect(!onDisk.contains("__followup"), "the reload script must never reach built files")

        // An open page's event stream, then an edit: the same stream delivers the reload event.
        let events = Box()
        let listening = DispatchSemaphore(value: 0)
        let listener = Thread {
            listening.signal()
            events.text = RawHTTP.request(port: port, "GET /__followup/events HTTP/1.1", until: "\"version\":2", timeout: 30)
        }
        listener.start()
        listening.wait()
        Thread.sleep(forTimeInterval: 0.5)
        try "## Acme — Dev\n- 2026-03-01 applied\n- 2026-03-04 reply: they called back\n".write(
            to: folder.appendingPathComponent("Content/journal/a.md"), atomically: true, encoding: .utf8)
        let deadline = Date().addingTimeInterval(30)
        while !events.text.contains("\"version\":2") && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(events.text.contains("text/event-stream"))
        #expect(events.text.contains("event: state"))
        #expect(events.text.contains("\"version\":1"))
        #expect(events.text.contains("\"version\":2"), "no reload event on the open stream")
        let rebuilt = waitFor(port: port) { $0.contains("\"version\":2") }
        #expect(rebuilt.contains("\"version\":2"))
        let page = RawHTTP.request(port: port, "GET /applications/acme-dev/index.html HTTP/1.1")
        #expect(page.contains("they called back"))

        // A broken file: the last good page is still served, and the errors are reported.
        try "## Acme — Dev\n- 2026-03-01 applied\n- 2026-02-30 reply: they called back\n".write(
            to: folder.appendingPathComponent("Content/journal/a.md"), atomically: true, encoding: .utf8)
        let broken = waitFor(port: port) { $0.contains("\"hasErrors\":true") }
        #expect(
            broken.contains(
                #"{"location":{"column":3,"file":"Content/journal/a.md","line":3},"message":"invalid date '2026-02-30'","severity":"error"}"#
            ), "the state carries the diagnostic as a value")
        let stillGood = RawHTTP.request(port: port, "GET /applications/acme-dev/index.html HTTP/1.1")
        #expect(RawHTTP.status(stillGood) == 200)
        #expect(stillGood.contains("they called back"))
        let errors = RawHTTP.request(port: port, "GET /__followup/errors HTTP/1.1")
        #expect(errors.contains("<td>Content/journal/a.md</td><td class=\"num\">3</td><td class=\"num\">3</td>"))

        // Traversal in every spelling is refused.
        for path in [
            "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%252e%252e/etc/passwd", "/..%2f..%2fetc%2fpasswd",
            "http://127.0.0.1/../../etc/passwd", "//etc/passwd",
        ] {
            let response = RawHTTP.request(port: port, "GET \(path) HTTP/1.1")
            #expect([400, 403, 404].contains(RawHTTP.status(response)), "\(path): \(response.prefix(40))")
            #expect(!response.contains("root:"))
        }
    }

    @Test func aSlowClientDoesNotStallOthers() throws {
        let folder = try Runner.project(Self.journal)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (process, port) = try start(in: folder)
        defer { process.terminate(); process.waitUntilExit() }
        // Three clients that send half a request line and then nothing.
        var idle: [Int32] = []
        for _ in 0..<3 {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            _ = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            _ = "GET /index.ht".withCString { send(fd, $0, strlen($0), 0) }
            idle.append(fd)
        }
        defer { idle.forEach { close($0) } }
        let started = Date()
        let response = RawHTTP.request(port: port, "GET /index.html HTTP/1.1", timeout: 20)
        #expect(RawHTTP.status(response) == 200)
        #expect(Date().timeIntervalSince(started) < 20)
        let long = RawHTTP.request(port: port, "GET /" + String(repeating: "a", count: 10_000) + " HTTP/1.1")
        #expect([400, 403, 404, 414, 431, 0].contains(RawHTTP.status(long)))
    }

    @Test func answersOnlyToLoopbackHostsAndPublicServeNamesNoFile() throws {
        let folder = try Runner.project(Self.journal + "\n## Secret Employer — Dev\nprivate: true\n- 2026-02-30 applied\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        // The private application's impossible date is an error: the build fails and serve shows why.
        let (process, port) = try start(in: folder, extra: ["--public"])
        defer { process.terminate(); process.waitUntilExit() }
        for host in ["evil.example", "evil.example:8000", "192.168.1.5", "127.0.0.1.evil.example"] {
            let response = RawHTTP.request(port: port, "GET /__followup/state HTTP/1.1", host: host)
            #expect(RawHTTP.status(response) == 403, "\(host)")
        }
        for host in ["127.0.0.1:\(port)", "localhost:\(port)", "[::1]:\(port)", "127.1.2.3"] {
            #expect(RawHTTP.status(RawHTTP.request(port: port, "GET /__followup/state HTTP/1.1", host: host)) == 200, "\(host)")
        }
        let state = RawHTTP.request(port: port, "GET /__followup/state HTTP/1.1")
        let errors = RawHTTP.request(port: port, "GET /__followup/errors HTTP/1.1")
        for text in [state, errors] {
            #expect(!text.contains("a.md") && !text.contains("Secret") && !text.contains("2026-02-30"), "\(text)")
            #expect(text.contains("a public site does not show them"))
        }
    }

    @Test func hugeRequestHeadsAreRefusedBeforeParsingAndServeKeepsAnswering() throws {
        let folder = try Runner.project(Self.journal)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (process, port) = try start(in: folder)
        defer { process.terminate(); process.waitUntilExit() }
        let big = String(repeating: "a", count: 1_000_000)
        // Three at once, as in the finding: each is answered 431 at once, and a normal request still works.
        let group = DispatchGroup()
        let answers = Box()
        for _ in 0..<3 {
            group.enter()
            DispatchQueue.global().async {
                let response = RawHTTP.request(port: port, "GET /index.html HTTP/1.1\r\nX-Big: \(big)", timeout: 60)
                answers.text += String(RawHTTP.status(response)) + " "
                group.leave()
            }
        }
        #expect(group.wait(timeout: .now() + 90) == .success)
        #expect(answers.text.split(separator: " ").allSatisfy { $0 == "431" || $0 == "0" }, "\(answers.text)")
        #expect(answers.text.contains("431"))
        let line = RawHTTP.request(port: port, "GET /\(big) HTTP/1.1", timeout: 60)
        #expect(RawHTTP.status(line) == 431 || RawHTTP.status(line) == 0)
        #expect(RawHTTP.status(RawHTTP.request(port: port, "GET /index.html HTTP/1.1")) == 200)
    }

    @Test func servesUnderASubPathAndStopsOnInterrupt() throws {
        let folder = try Runner.project(Self.journal)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (process, port) = try start(in: folder, extra: ["--base-url", "/sub/"])
        let page = RawHTTP.request(port: port, "GET /sub/applications/index.html HTTP/1.1")
        #expect(RawHTTP.status(page) == 200)
        #expect(page.contains("<script src=\"/sub/__followup/reload.js\""))
        #expect(page.contains("href=\"../applications/acme-dev/index.html\""))
        #expect(RawHTTP.status(RawHTTP.request(port: port, "GET / HTTP/1.1")) == 302)
        #expect(waitFor(port: port, prefix: "/sub/") { $0.contains("\"version\":1") }.contains("\"version\":1"))
        kill(process.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(!process.isRunning)
        if process.isRunning { process.terminate() } else { #expect(process.terminationStatus == 0) }
    }
}

/// Text written by one thread and read by another once it is done (the test waits on it).
final class Box: @unchecked Sendable {
    private let lock = NSLock()
    private var value = ""
    var text: String {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}
