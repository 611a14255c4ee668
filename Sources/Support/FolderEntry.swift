#if canImport(Glibc)
    import Glibc
#endif

/// One entry of a folder as `readdir` reports it, with its type: walking a folder of 10,000 files
/// this way costs no `stat` per file. Shared by the Content reader and the Output writer.
public struct FolderEntry: Sendable {
    public enum Kind: Sendable { case folder, file, link, unknown }

    public var name: String
    public var kind: Kind
    /// False when the name's bytes are not UTF-8 (`name` then holds replacement characters).
    public var isValidName = true

    /// The entries of the folder at `path` without "." and "..", or nil when it cannot be opened.
    public static func list(_ path: String) -> [FolderEntry]? {
        guard let handle = opendir(path) else { return nil }
        defer { closedir(handle) }
        var entries: [FolderEntry] = []
        while let entry = readdir(handle) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            let name = String(decoding: bytes, as: UTF8.self)
            if name == "." || name == ".." { continue }
            let kind: Kind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): kind = .folder
            case Int32(DT_REG): kind = .file
            case Int32(DT_LNK): kind = .link
            default: kind = .unknown
            }
            entries.append(FolderEntry(name: name, kind: kind, isValidName: String(validating: bytes, as: UTF8.self) != nil))
        }
        return entries
    }
}
