import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The door of `serve`: it accepts every connection itself and reads the request's head (at most
/// `maximumHead` bytes, within `timeout` seconds) before the HTTP library sees a byte of it.
///
/// FlyingFox 0.27 parses a request line or header in time that grows with the square of its
/// length (a 1 MB header took minutes of CPU, and three such requests stopped the server), and it
/// has no limit of its own. So a head that is too large gets `431` here, a client too slow to send
/// one is dropped, and only a head of sane size goes on, with `Connection: close` (one request per
/// connection, so no later head can slip past), to the server on an internal loopback port.
final class RequestGate: @unchecked Sendable {
    static let maximumHead = 16 * 1024
    static let timeout = 10

    private let listener: Int32
    /// The HTTP server's internal port (known once it listens; set before `start`).
    var backendPort: UInt16
    /// The port the gate listens on.
    let port: UInt16
    private let lock = NSLock()
    private var stopped = false

    struct BindError: Error, CustomStringConvertible {
        var description: String
    }

    /// Binds `host:port` (an IPv4 or IPv6 literal, or `localhost`); fails at once when it is taken.
    init(host: String, port: UInt16, backendPort: UInt16 = 0) throws {
        self.backendPort = backendPort
        let ipv6 = host.contains(":")
        let fd = socket(ipv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw BindError(description: "cannot open a socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var bound: Int32
        if ipv6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = port.bigEndian
            guard inet_pton(AF_INET6, host, &address.sin6_addr) == 1 else {
                close(fd)
                throw BindError(description: "'\(host)' is not an IPv6 address")
            }
            bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            guard inet_pton(AF_INET, host == "localhost" ? "127.0.0.1" : host, &address.sin_addr) == 1 else {
                close(fd)
                throw BindError(description: "'\(host)' is not an IPv4 address")
            }
            bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
        guard bound == 0, listen(fd, 128) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw BindError(description: "cannot listen on \(host):\(port): \(reason)")
        }
        listener = fd
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        if ipv6 {
            self.port = withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
            }
        } else {
            self.port = withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
            }
        }
    }

    /// Accepts connections on a thread of its own until `stop`.
    func start() {
        let thread = Thread { [self] in
            while true {
                let client = accept(listener, nil, nil)
                if client < 0 {
                    if errno == EINTR { continue }
                    return  // the listener was closed
                }
                let connection = Thread { [self] in self.handle(client) }
                connection.stackSize = 256 * 1024
                connection.start()
            }
        }
        thread.start()
    }

    func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func handle(_ client: Int32) {
        defer { close(client) }
        var wait = timeval(tv_sec: Self.timeout, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var head: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        var end: Int?
        while end == nil {
            let n = recv(client, &buffer, buffer.count, 0)
            guard n > 0 else { return }  // closed, or too slow to send its head
            let searchFrom = max(0, head.count - 3)
            head += buffer[0..<n]
            end = Self.headEnd(head, from: searchFrom)
            if end == nil && head.count > Self.maximumHead {
                Self.send(
                    client,
                    Array(
                        "HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Type: text/plain\r\nContent-Length: 32\r\nConnection: close\r\n\r\nThe request's head is too large\n"
                            .utf8))
                return
            }
        }
        guard let end, end <= Self.maximumHead + 4 else {
            Self.send(
                client,
                Array("HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8))
            return
        }
        let backend = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard backend >= 0 else { return }
        defer { close(backend) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = backendPort.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(backend, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { return }
        Self.send(backend, Self.closingHead(Array(head[0..<end])))
        // The answer goes back as it comes (a page, or an event stream that lasts); the client
        // closing its side ends both.
        var fds = [pollfd(fd: backend, events: Int16(POLLIN), revents: 0), pollfd(fd: client, events: Int16(POLLIN), revents: 0)]
        while true {
            fds[0].revents = 0
            fds[1].revents = 0
            guard poll(&fds, 2, -1) > 0 else {
                if errno == EINTR { continue }
                return
            }
            if fds[0].revents != 0 {
                let n = recv(backend, &buffer, buffer.count, 0)
                guard n > 0, Self.send(client, Array(buffer[0..<n])) else { return }
            }
            if fds[1].revents != 0 {
                let n = recv(client, &buffer, buffer.count, Int32(MSG_DONTWAIT))
                if n == 0 { return }  // the client went away
                if n < 0 && errno != EAGAIN && errno != EWOULDBLOCK { return }
                // Anything more the client sends is a second request on this connection: not read.
            }
        }
    }

    /// The index just past the blank line that ends a head (`\r\n\r\n` or `\n\n`), searching from `from`.
    static func headEnd(_ bytes: [UInt8], from: Int) -> Int? {
        var i = from
        while i < bytes.count {
            if bytes[i] == 10 {
                if i + 1 < bytes.count && bytes[i + 1] == 10 { return i + 2 }
                if i + 2 < bytes.count && bytes[i + 1] == 13 && bytes[i + 2] == 10 { return i + 3 }
            }
            i += 1
        }
        return nil
    }

    /// The head with its own `Connection` lines replaced by `Connection: close`.
    static func closingHead(_ head: [UInt8]) -> [UInt8] {
        let text = String(decoding: head, as: UTF8.self)
        var lines = text.components(separatedBy: "\r\n")
        if lines.count <= 1 { lines = text.components(separatedBy: "\n") }
        let kept = lines.filter { !$0.lowercased().hasPrefix("connection:") && !$0.isEmpty }
        return Array((kept.joined(separator: "\r\n") + "\r\nConnection: close\r\n\r\n").utf8)
    }

    @discardableResult
    static func send(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            offset += n
        }
        return true
    }
}
