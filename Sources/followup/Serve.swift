import ArgumentParser
import Foundation
import Journal
import Serve
import Site

/// `followup serve`: build, serve Output on loopback, rebuild on every change, reload open pages.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Build, serve the site on loopback, and rebuild and reload on every change.")

    @OptionGroup var options: ContentOptions
    @OptionGroup var site: SiteOptions

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: UInt16 = 8000

    @Option(help: "The address to listen on; only loopback unless you say otherwise.")
    var host: String = "127.0.0.1"

    @Flag(
        help:
            "Look for changes by polling instead of inotify (for network file systems, where the kernel does not see other machines' writes)."
    )
    var poll = false

    func run() async throws {
        try site.validate(options)
        if !HostCheck.isLoopback(host) {
            FileHandle.standardError.write(
                Data(
                    "warning: --host \(host) puts your private journal (contacts, notes, salaries) on the network for anyone who can reach this machine; use --public, or serve on 127.0.0.1\n"
                        .utf8))
        }
        let prefix = Self.pathPrefix(site.baseURL)
        let server = try DevServer(
            root: URL(fileURLWithPath: site.output), prefix: prefix, host: host, port: port)
        let rebuilder = Rebuilder(site: site, content: options, hub: server.hub)
        await rebuilder.rebuild()
        let watcher = ContentWatcher(folders: [options.contentURL, URL(fileURLWithPath: site.theme)], pollingOnly: poll)
        let quiet = site.quiet, verbose = site.verbose
        let signals = Self.interrupts()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            group.addTask {
                try await server.waitUntilListening()
                let bound = await server.port ?? port
                let shown = host.contains(":") ? "[\(host)]" : host
                say("Serving \(site.output) at http://\(shown):\(bound)\(prefix) (Ctrl-C to stop)")
                await watcher.watch(
                    started: { mode in
                        switch mode {
                        case .kernel(let folders):
                            if verbose { say("Watching \(counted(folders, "folder")) with inotify") }
                        case .polling(let reason):
                            if !quiet && reason != "asked for" {
                                FileHandle.standardError.write(
                                    Data("note: watching by polling (a change shows within half a second): \(reason)\n".utf8))
                            }
                        }
                    }, onChange: { await rebuilder.rebuild() })
            }
            let stopping = StopFlag()
            group.addTask {
                for await _ in signals { break }
                stopping.set()
                await server.stop()
                throw CancellationError()
            }
            do {
                try await group.next()
            } catch {
                // Once Ctrl-C stops the server, whichever task ends first (the server's run may
                // throw as it stops) ends a clean stop; any other error is a failure.
                guard error is CancellationError || stopping.isSet else { throw error }
            }
            if stopping.isSet { print("\nStopped.") }
            group.cancelAll()
        }
    }

    /// The path part of `--base-url` (`https://x.example/sub/` → `/sub/`), `/` without one.
    static func pathPrefix(_ baseURL: String?) -> String {
        guard var url = baseURL, !url.isEmpty else { return "/" }
        if let scheme = url.range(of: "://") {
            let afterHost = url[scheme.upperBound...].firstIndex(of: "/") ?? url.endIndex
            url = String(url[afterHost...])
        }
        if !url.hasPrefix("/") { url = "/" + url }
        if !url.hasSuffix("/") { url += "/" }
        return url
    }

    /// SIGINT and SIGTERM as an async sequence, so Ctrl-C stops the server cleanly.
    static func interrupts() -> AsyncStream<Int32> {
        AsyncStream { continuation in
            for number in [SIGINT, SIGTERM] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .main)
                source.setEventHandler { continuation.yield(number) }
                source.resume()
                Self.keep.append(source)
            }
        }
    }
    nonisolated(unsafe) static var keep: [any DispatchSourceSignal] = []
}

/// Set once when Ctrl-C (or SIGTERM) asks the server to stop, read by the task that waits for it.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}

/// Runs one build at a time and tells the open pages about it.
actor Rebuilder {
    let site: SiteOptions
    let content: ContentOptions
    let hub: ReloadHub
    var version = 0
    let caches = BuildCaches()

    init(site: SiteOptions, content: ContentOptions, hub: ReloadHub) {
        self.site = site
        self.content = content
        self.hub = hub
    }

    func rebuild() async {
        let started = Date()
        let outcome = site.attempt(content, caches: caches)
        var diagnostics = outcome.all
        // A public site names no file: diagnostics quote private applications' paths and text.
        if site.public && !outcome.diagnostics.isEmpty {
            let errors = outcome.diagnostics.filter(\.isError).count
            let others = outcome.diagnostics.count - errors
            diagnostics =
                [
                    .note(
                        nil,
                        "the journal has \(counted(errors, "error")) and \(counted(others, "other diagnostic")); a public site does not show them: run 'followup check'"
                    )
                ] + outcome.others
        }
        if outcome.failure != nil {
            await hub.publish(SiteState(version: version, diagnostics: diagnostics, hasErrors: true))
            FileHandle.standardError.write(Data("Build failed; still serving the last good site.\n".utf8))
            return
        }
        version += 1
        await hub.publish(SiteState(version: version, diagnostics: diagnostics, hasErrors: false))
        let written = outcome.report?.written.count ?? 0
        say(
            "Rebuilt in \(String(format: "%.2f", Date().timeIntervalSince(started))) s (\(written) files changed, \(caches.rendered.rendered) pages rendered)"
        )
    }
}

/// Prints a line at once, even when standard output is a pipe.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
