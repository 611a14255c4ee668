import Foundation
import Testing

@testable import Site

/// The example site and its public build, byte for byte, against a manifest taken before the
/// architecture change (issue 10): a refactoring must not move a single byte of the output. When a
/// change is meant to alter the output, run the tests with FOLLOWUP_WRITE_SNAPSHOT=1 once and
/// commit the new manifest with the change that explains it.
@Suite struct SnapshotTests {
    static let folder = SiteFixture.packageRoot.appendingPathComponent("Tests/Fixtures/snapshot")

    /// `path size hash` a line, sorted by path; the hash is 64-bit FNV-1a of the bytes.
    static func manifest(_ files: [String: [UInt8]]) -> String {
        files.keys.sorted().map { path in
            let bytes = files[path]!
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
            return "\(path) \(bytes.count) \(String(hash, radix: 16))\n"
        }.joined()
    }

    func compare(_ name: String, _ files: [String: [UInt8]]) throws {
        let url = Self.folder.appendingPathComponent(name)
        let now = Self.manifest(files)
        if ProcessInfo.processInfo.environment["FOLLOWUP_WRITE_SNAPSHOT"] != nil {
            try now.write(to: url, atomically: true, encoding: .utf8)
        }
        let before = try String(contentsOf: url, encoding: .utf8)
        let old = Set(before.split(separator: "\n")), new = Set(now.split(separator: "\n"))
        #expect(old.subtracting(new).sorted() == [], "files that changed or went (before)")
        #expect(new.subtracting(old).sorted() == [], "files that changed or came (now)")
    }

    @Test func exampleSiteIsByteIdenticalToTheSnapshot() throws {
        try compare("example.txt", try SiteFixture.example().0.files)
    }

    @Test func publicExampleSiteIsByteIdenticalToTheSnapshot() throws {
        try compare("example-public.txt", try SiteFixture.example(isPublic: true).0.files)
    }
}
