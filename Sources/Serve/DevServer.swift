import FlyingFox
import FlyingSocks
import Foundation

/// `followup serve`: Output over HTTP on loopback, live reload and the diagnostics of the last build.
public final class DevServer: Sendable {
    public let files: StaticFiles
    public let hub = ReloadHub()
    let server: HTTPServer
    /// What the world connects to: it reads each request's head with a size limit first.
    let gate: RequestGate

    /// Binds `host:port` (IPv4 or IPv6 literal; port 0 picks a free one) at once, so a port in
    /// use is reported before anything is built. The HTTP server itself listens on an internal
    /// loopback port behind the gate.
    public init(root: URL, prefix: String, host: String, port: UInt16) throws {
        files = StaticFiles(root: root, prefix: prefix)
        gate = try RequestGate(host: host, port: port)
        let address = try sockaddr_in.inet(ip4: "127.0.0.1", port: 0)
        server = HTTPServer(
            address: address, timeout: 30, logger: .disabled,
            handler: DevHandler(files: files, hub: hub, hosts: HostCheck(bound: host)))
    }

    static func serveFile(_ request: HTTPRequest, files: StaticFiles, hub: ReloadHub) async -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed, body: Data("Only GET and HEAD\n".utf8))
        }
        switch files.resolve(request.target.path(percentEncoded: true)) {
        case .redirect(let location):
            return HTTPResponse(statusCode: .found, headers: HTTPHeaders([.location: location]))
        case .forbidden:
            return HTTPResponse(statusCode: .forbidden, headers: [.contentType: "text/plain"], body: Data("Forbidden\n".utf8))
        case .notFound:
            if await hub.current.version == 0, await hub.current.hasErrors {
                return HTTPResponse(
                    statusCode: .serviceUnavailable, headers: [.contentType: "text/html; charset=utf-8"],
                    body: Data(ErrorsPage.html(await hub.current, prefix: files.prefix).utf8))
            }
            return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain"], body: Data("Not found\n".utf8))
        case .file(let url):
            let type = StaticFiles.contentType(for: url)
            var headers = HTTPHeaders([.contentType: type, .cacheControl: "no-store"])
            if !type.hasPrefix("text/html") {
                // Streamed from disk in small buffers: a large file is never held whole per request.
                guard let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size]) as? Int,
                    let body = try? HTTPBodySequence(file: url, suggestedBufferSize: 64 * 1024)
                else {
                    return HTTPResponse(statusCode: .notFound, body: Data("Not found\n".utf8))
                }
                headers[.contentLength] = String(size)
                if request.method == .HEAD { return HTTPResponse(statusCode: .ok, headers: headers, body: Data()) }
                return HTTPResponse(statusCode: .ok, headers: headers, body: body)
            }
            guard var data = FileManager.default.contents(atPath: url.path) else {
                return HTTPResponse(statusCode: .notFound, body: Data("Not found\n".utf8))
            }
            data = inject(data, prefix: files.prefix)
            // HEAD says how long the GET body would be.
            headers[.contentLength] = String(data.count)
            let body = request.method == .HEAD ? Data() : data
            return HTTPResponse(statusCode: .ok, headers: headers, body: body)
        }
    }

    /// Adds the reload script before `</body>`; built files on disk never contain it.
    static func inject(_ data: Data, prefix: String) -> Data {
        let tag = Data(ReloadScript.tag(prefix: prefix).utf8)
        guard let range = data.range(of: Data("</body>".utf8), options: .backwards) else { return data + tag }
        var copy = data
        copy.replaceSubrange(range.lowerBound..<range.lowerBound, with: tag)
        return copy
    }

    /// Serves until cancelled.
    public func run() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.server.run() }
            group.addTask {
                try await self.server.waitUntilListening(timeout: 10)
                if let address = await self.server.listeningAddress, case .ip4(_, let port) = address {
                    self.gate.backendPort = port
                }
                self.gate.start()
                self.opened.signal()
                while !Task.isCancelled { try await Task.sleep(nanoseconds: 1_000_000_000) }
            }
            group.addTask {
                while !Task.isCancelled {
                    try await Task.sleep(nanoseconds: 10_000_000_000)
                    await self.hub.heartbeat()
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Signalled once the gate accepts connections.
    let opened = DispatchSemaphore(value: 0)

    public func waitUntilListening() async throws {
        try await server.waitUntilListening(timeout: 10)
        let opened = self.opened
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                _ = opened.wait(timeout: .now() + 10)
                opened.signal()  // others may wait too
                done.resume()
            }
        }
    }

    /// The port actually bound (useful with port 0).
    public var port: UInt16? {
        get async { gate.port }
    }

    public func stop() async {
        gate.stop()
        await hub.finishAll()
        await server.stop(timeout: 1)
    }
}

/// Routes a request: the live-reload endpoints under `PREFIX__followup/`, everything else from Output.
struct DevHandler: HTTPHandler {
    let files: StaticFiles
    let hub: ReloadHub
    let hosts: HostCheck

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        // DNS rebinding: a web page whose name now points at 127.0.0.1 sends its own name as Host.
        guard hosts.allows(request.headers[.host]) else {
            return HTTPResponse(
                statusCode: .forbidden, headers: [.contentType: "text/plain"],
                body: Data("Forbidden: this server answers only to localhost and its own address\n".utf8))
        }
        let path = request.target.path(percentEncoded: true)
        let special = files.prefix + "__followup/"
        guard path.hasPrefix(special) else { return await DevServer.serveFile(request, files: files, hub: hub) }
        switch String(path.dropFirst(special.count)) {
        case "events":
            let stream = await hub.subscribe()
            return HTTPResponse(
                statusCode: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
                body: HTTPBodySequence(from: EventStreamBody(stream: stream)))
        case "reload.js":
            return HTTPResponse(
                statusCode: .ok, headers: [.contentType: "text/javascript; charset=utf-8"], body: Data(ReloadScript.source.utf8))
        case "state":
            return HTTPResponse(
                statusCode: .ok, headers: [.contentType: "application/json"], body: Data(await hub.current.json.utf8))
        case "errors":
            return HTTPResponse(
                statusCode: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                body: Data(ErrorsPage.html(await hub.current, prefix: files.prefix).utf8))
        default:
            return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain"], body: Data("Not found\n".utf8))
        }
    }
}
