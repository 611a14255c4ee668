import Corpus
import Foundation
import Markdown
import Serve

#if canImport(Glibc)
    import Glibc
#endif
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

// followup-bench: measures `followup build` against the cmark-gfm floor (and Hugo when installed)
// on generated corpora, and prints a table of seconds, ratios and peak memory.
//
//   swift build -c release && .build/release/followup-bench [--quick] [--work /dev/shm/followup-bench]
//   .build/release/followup-bench serve [--quick]    (only the save-to-reload rows of `serve`)
//   .build/release/followup-bench floor CONTENT OUT   (the baseline alone: cmark-gfm, one page per file)
//   .build/release/followup-bench corpus N M DIR      (write a corpus of N applications and M articles)
//   .build/release/followup-bench mbox N FILE         (write the benchmark's mbox of N messages)

/// Runs a program, waits for it, and returns wall time, peak resident memory and exit status.
func measure(_ arguments: [String]) -> (seconds: Double, peakMB: Double, status: Int32) {
    var pid = pid_t()
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    let argv = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    let started = Date()
    let spawned = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
    posix_spawn_file_actions_destroy(&actions)
    guard spawned == 0 else { return (0, 0, -1) }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    return (Date().timeIntervalSince(started), Double(usage.ru_maxrss) / 1024, (status >> 8) & 0xFF)
}

/// The median of three runs.
func median3(_ run: () -> (seconds: Double, peakMB: Double, status: Int32)) -> (seconds: Double, peakMB: Double, status: Int32) {
    let runs = (0..<3).map { _ in run() }.sorted { $0.seconds < $1.seconds }
    return runs[1]
}

/// The baseline: every Markdown file of a Content folder rendered to its own HTML page by cmark-gfm.
func floor(content: String, output: String) throws {
    let manager = FileManager.default
    try? manager.removeItem(atPath: output)
    try manager.createDirectory(atPath: output, withIntermediateDirectories: true)
    var index = 0
    let enumerator = manager.enumerator(atPath: content)
    while let path = enumerator?.nextObject() as? String {
        guard path.hasSuffix(".md"), let data = manager.contents(atPath: content + "/" + path) else { continue }
        let html = MarkdownRenderer.html(String(decoding: data, as: UTF8.self))
        try Data(("<!DOCTYPE html><html><body>" + html + "</body></html>").utf8).write(
            to: URL(fileURLWithPath: "\(output)/\(index).html"))
        index += 1
    }
}

func hugoSite(articles: String, at root: String) throws {
    let manager = FileManager.default
    try? manager.removeItem(atPath: root)
    try manager.createDirectory(atPath: root + "/content/posts", withIntermediateDirectories: true)
    try manager.createDirectory(atPath: root + "/layouts/_default", withIntermediateDirectories: true)
    try "baseURL = 'http://example.org/'\ntitle = 'Bench'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap']\n".write(
        toFile: root + "/hugo.toml", atomically: true, encoding: .utf8)
    try "<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body>{{ block \"main\" . }}{{ end }}</body></html>\n"
        .write(toFile: root + "/layouts/_default/baseof.html", atomically: true, encoding: .utf8)
    try "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}\n".write(
        toFile: root + "/layouts/_default/single.html", atomically: true, encoding: .utf8)
    try
        "{{ define \"main\" }}<ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n"
        .write(toFile: root + "/layouts/_default/list.html", atomically: true, encoding: .utf8)
    for name in try manager.contentsOfDirectory(atPath: articles) where name.hasSuffix(".md") {
        try manager.copyItem(atPath: articles + "/" + name, toPath: root + "/content/posts/" + name)
    }
}

func which(_ program: String) -> String? {
    for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
        let path = "\(folder)/\(program)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}

func format(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "floor", arguments.count == 3 {
    try floor(content: arguments[1], output: arguments[2])
    exit(0)
}
if arguments.first == "mbox", arguments.count == 3, let n = Int(arguments[1]) {
    try Peers.writeMbox(count: n, to: arguments[2])
    exit(0)
}
if arguments.first == "corpus", arguments.count == 4, let n = Int(arguments[1]), let m = Int(arguments[2]) {
    try Corpus(applications: n, articles: m, seed: 42).write(to: URL(fileURLWithPath: arguments[3]))
    exit(0)
}

let quick = arguments.contains("--quick")
/// Only the save-to-reload rows (the serve work is measured far more often than the rest).
let serveOnly = arguments.first == "serve"
let work =
    arguments.firstIndex(of: "--work").map { arguments[$0 + 1] }
    ?? (FileManager.default.fileExists(atPath: "/dev/shm")
        ? "/dev/shm/followup-bench" : NSTemporaryDirectory() + "followup-bench")
let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
let followup = me.deletingLastPathComponent().appendingPathComponent("followup").path
guard FileManager.default.isExecutableFile(atPath: followup) else {
    print("build followup first: swift build -c release")
    exit(1)
}
try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)

print("Followup benchmark on \(ProcessInfo.processInfo.processorCount) cores; work folder \(work) (medians of 3 runs)\n")
print(
    "| applications | articles | floor s | followup s | × floor | peak MB (floor / followup) | unchanged rebuild s (files written) |"
)
print("|---:|---:|---:|---:|---:|---:|---:|")
let sizes = quick ? [1000] : serveOnly ? [1000, 10000] : [1000, 2500, 10000, 20000]
var scaling: [Int: Double] = [:]
for size in sizes where !serveOnly {
    let articles = 1000
    let content = "\(work)/content-\(size)"
    try Corpus(applications: size, articles: articles, seed: 42).write(to: URL(fileURLWithPath: content))
    let floorRun = median3 { measure([me.path, "floor", content, "\(work)/floor-out"]) }
    let output = "\(work)/out-\(size)"
    try? FileManager.default.removeItem(atPath: output)
    let build = median3 {
        try? FileManager.default.removeItem(atPath: output)
        return measure([followup, "build", "--content", content, "--output", output, "--today", "2026-11-20", "--quiet"])
    }
    let rebuild = measure([followup, "build", "--content", content, "--output", output, "--today", "2026-11-20", "--quiet"])
    // Count what an unchanged rebuild wrote: the manifest's mtime changes, pages must not.
    let probe = Process()
    probe.executableURL = URL(fileURLWithPath: followup)
    probe.arguments = ["build", "--content", content, "--output", output, "--today", "2026-11-20", "--verbose"]
    let pipe = Pipe()
    probe.standardOutput = pipe
    try probe.run()
    let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    probe.waitUntilExit()
    let written = text.split(separator: "\n").filter { $0.hasPrefix("wrote ") }.count
    scaling[size] = build.seconds
    print(
        "| \(size) | \(articles) | \(format(floorRun.seconds)) | \(format(build.seconds)) | \(format(build.seconds / floorRun.seconds, 1)) | \(format(floorRun.peakMB, 0)) / \(format(build.peakMB, 0)) | \(format(rebuild.seconds)) (\(written)) |"
    )
    if build.status != 0 { print("  (followup build exited \(build.status))") }
}
if !serveOnly, let small = scaling[1000], sizes.count > 1 {
    let steps = sizes.dropFirst().map { size in
        "\(size): \(format((scaling[size] ?? 0) / small, 2))× (linear \(format(Double(size) / 1000, 1))×)"
    }
    print("\nGrowth against 1,000 applications: " + steps.joined(separator: ", ") + ".")
}

// One application edited at the largest size: the rebuild serve runs after a save.
if !serveOnly, let size = sizes.last {
    let content = "\(work)/content-\(size)"
    let output = "\(work)/out-\(size)"
    let file = "\(content)/journal/single/app-0.md"
    var text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
    text += "- 2025-11-19 note: edited for the benchmark\n"
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    let edit = measure([followup, "build", "--content", content, "--output", output, "--today", "2026-11-20", "--quiet"])
    print(
        "Edit one application at \(size) applications, then rebuild (what serve does before the reload event): \(format(edit.seconds)) s"
    )
}

// Editors' save bursts: how long the kernel's events of one save last, first to last (what the
// watcher's settle time must cover). Three ways a save is made, each in its own folder.
if !serveOnly {
    let folder = URL(fileURLWithPath: "\(work)/bursts")
    try? FileManager.default.removeItem(at: folder)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent("a.md")
    let text = Data(String(repeating: "- 2026-03-01 applied: a line of the journal\n", count: 200).utf8)
    try text.write(to: file)
    let saves: [(String, () throws -> Void)] = [
        ("in place (truncate and write)", { try text.write(to: file) }),
        ("rename over (temporary file, then rename)", { try text.write(to: file, options: .atomic) }),
        (
            "backup first (rename to a.md~, write, chmod, remove the backup)",
            {
                let backup = folder.appendingPathComponent("a.md~")
                try FileManager.default.moveItem(at: file, to: backup)
                try text.write(to: file)
                chmod(file.path, 0o644)
                try FileManager.default.removeItem(at: backup)
            }
        ),
    ]
    var lines: [String] = []
    for (name, save) in saves {
        let spans = try (0..<7).compactMap { _ in try ContentWatcher.saveBurst(in: folder, save: save) }.sorted()
        guard let worst = spans.last else { continue }
        lines.append("\(name): median \(format(spans[spans.count / 2] * 1000, 1)) ms, worst \(format(worst * 1000, 1)) ms")
    }
    if !lines.isEmpty {
        print(
            "\nSave bursts (7 saves each; the watcher waits \(format(ContentWatcher.quiet * 1000, 0)) ms of quiet): "
                + lines.joined(separator: "; "))
    }
}

// Save to reload in `serve`: edit one application file, then wait until the server's state says
// a new build is live (what makes an open page reload). The example, then generated journals.
func saveToReload(content: String, file: String, label: String) throws {
    let port = 18_000 + Int(getpid() % 1000)
    let server = Process()
    server.executableURL = URL(fileURLWithPath: followup)
    server.arguments = [
        "serve", "--content", content, "--output", "\(work)/serve-out", "--today", "2026-11-20", "--port", String(port),
        "--quiet",
    ]
    server.standardOutput = FileHandle.nullDevice
    server.standardError = FileHandle.nullDevice
    try? FileManager.default.removeItem(atPath: "\(work)/serve-out")
    try server.run()
    defer {
        server.terminate()
        server.waitUntilExit()
    }
    /// The build version the server reports, or nil while it does not answer. A plain socket:
    /// URLSession on Linux (libcurl underneath) took a large share of a core at this polling
    /// rate, which the server, on the same two cores, then lacked.
    func version() -> Int? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return nil }
        let request = Array("GET /__followup/state HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n".utf8)
        guard send(fd, request, request.count, 0) == request.count else { return nil }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            response += buffer[0..<count]
        }
        guard let end = response.indices.first(where: { response[$0...].starts(with: [13, 10, 13, 10]) }),
            let object = try? JSONSerialization.jsonObject(with: Data(response[(end + 4)...])) as? [String: Any]
        else { return nil }
        return object["version"] as? Int
    }
    func waitFor(_ test: (Int) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(300)
        while Date() < deadline {
            if let v = version(), test(v) { return true }
            usleep(5_000)
        }
        return false
    }
    guard waitFor({ $0 >= 1 }) else {
        print("Serve: the server did not answer (\(label))")
        return
    }
    var times: [Double] = []
    for round in 0..<(quick ? 3 : 7) {
        let before = version() ?? 0
        var text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        text += "- 2025-11-1\(round % 10) note: saved while serving\n"
        let started = Date()
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        guard waitFor({ $0 > before }) else { break }
        times.append(Date().timeIntervalSince(started))
        usleep(300_000)
    }
    let sorted = times.sorted()
    if !sorted.isEmpty {
        print(
            "| \(label) | \(format(sorted[sorted.count / 2])) | \(format(sorted.first!)) – \(format(sorted.last!)) | \(sorted.count) |"
        )
    }
}
print("\nServe, save one application file → the state endpoint reports the new build:\n")
print("| journal | median s | spread s | saves |")
print("|---|---:|---:|---:|")
var packageRoot = me.deletingLastPathComponent()
while packageRoot.path != "/", !FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent("Package.swift").path) {
    packageRoot.deleteLastPathComponent()
}
let exampleCopy = "\(work)/content-example"
try? FileManager.default.removeItem(atPath: exampleCopy)
if (try? FileManager.default.copyItem(atPath: packageRoot.appendingPathComponent("Content").path, toPath: exampleCopy)) != nil,
    let first = (try? FileManager.default.contentsOfDirectory(atPath: exampleCopy + "/journal"))?.filter({ $0.hasSuffix(".md") })
        .sorted().first
{
    try saveToReload(content: exampleCopy, file: "\(exampleCopy)/journal/\(first)", label: "the example")
}
for size in sizes where size == 1000 || size == 10000 {
    let content = "\(work)/content-\(size)"
    if serveOnly { try Corpus(applications: size, articles: 1000, seed: 42).write(to: URL(fileURLWithPath: content)) }
    // Even-numbered applications have files of their own (Corpus); app-2 is one the bench did not edit.
    try saveToReload(content: content, file: "\(content)/journal/single/app-2.md", label: "\(size) applications")
}

if serveOnly { exit(0) }

// Peer: Hugo on the same 1,000 articles, against Followup with a small journal and those articles.
if let hugo = which("hugo") {
    let content = "\(work)/content-peer"
    try Corpus(applications: 10, articles: 1000, seed: 7).write(to: URL(fileURLWithPath: content))
    try hugoSite(articles: content + "/articles", at: "\(work)/hugo")
    let hugoRun = median3 {
        try? FileManager.default.removeItem(atPath: "\(work)/hugo/public")
        return measure([hugo, "--quiet", "-s", "\(work)/hugo", "-d", "\(work)/hugo/public"])
    }
    let ours = median3 {
        try? FileManager.default.removeItem(atPath: "\(work)/out-peer")
        return measure([
            followup, "build", "--content", content, "--output", "\(work)/out-peer", "--today", "2026-11-20", "--quiet",
        ])
    }
    print(
        "\nPeer, 1,000 articles: Hugo \(format(hugoRun.seconds)) s (\(format(hugoRun.peakMB, 0)) MB), Followup \(format(ours.seconds)) s (\(format(ours.peakMB, 0)) MB): ratio \(format(ours.seconds / hugoRun.seconds)) (below 1.0 means Followup is faster)"
    )
} else {
    print("\nPeer: hugo is not installed (Debian package 'hugo'); the peer row is skipped.")
}

// Peers of `followup import` and `followup mail`: the same work done by Python's standard library
// (csv; mailbox and email) with straightforward scripts of our own, measured in this run.
if let python = which("python3") {
    let csvPath = "\(work)/import-10000.csv"
    try Peers.csv(rows: 10_000).write(toFile: csvPath, atomically: true, encoding: .utf8)
    try Peers.importScript.write(toFile: "\(work)/import.py", atomically: true, encoding: .utf8)
    let empty = "\(work)/content-empty"
    try FileManager.default.createDirectory(atPath: empty + "/journal", withIntermediateDirectories: true)
    let ours = median3 { measure([followup, "import", csvPath, "--content", empty, "--dry-run"]) }
    let theirs = median3 { measure([python, "\(work)/import.py", csvPath, "\(work)/import-peer.md"]) }
    print(
        "\nImport of a 10,000-row CSV: Followup \(format(ours.seconds)) s (\(format(ours.peakMB, 0)) MB), Python csv \(format(theirs.seconds)) s (\(format(theirs.peakMB, 0)) MB): ratio \(format(ours.seconds / theirs.seconds)) (below 1.0 means Followup is faster)"
    )
    let mbox = "\(work)/mail-10000.mbox"
    try Peers.writeMbox(count: quick ? 2_000 : 10_000, to: mbox)
    let size = ((try? FileManager.default.attributesOfItem(atPath: mbox)[.size]) as? Int ?? 0) / 1_048_576
    try Peers.mailScript.write(toFile: "\(work)/mail.py", atomically: true, encoding: .utf8)
    let mailContent = "\(work)/content-mail"
    try FileManager.default.createDirectory(atPath: mailContent + "/journal", withIntermediateDirectories: true)
    var journal = ""
    for index in 0..<50 { journal += "## Company\(index) — Dev\n- 2026-03-01 applied\n\n" }
    try journal.write(toFile: mailContent + "/journal/mail.md", atomically: true, encoding: .utf8)
    let scan = median3 { measure([followup, "mail", mbox, "--content", mailContent, "--today", "2026-04-01", "--json"]) }
    let peer = median3 { measure([python, "\(work)/mail.py", mbox, "\(work)/mail-peer.txt"]) }
    print(
        "Mail scan of \(quick ? 2_000 : 10_000) messages (\(size) MB): Followup \(format(scan.seconds)) s (\(format(scan.peakMB, 0)) MB), Python mailbox+email \(format(peer.seconds)) s (\(format(peer.peakMB, 0)) MB): ratio \(format(scan.seconds / peer.seconds))"
    )
    try? FileManager.default.removeItem(atPath: mbox)
}
