/// Which `Host` headers `serve` answers: loopback addresses, `localhost` and the address it is
/// bound to, with any port (as Vite's `allowedHosts` and webpack-dev-server's host check do).
/// Anything else is a page elsewhere reaching the server through DNS rebinding.
public struct HostCheck: Sendable {
    public let bound: String

    public init(bound: String) {
        self.bound = bound.lowercased()
    }

    public func allows(_ header: String?) -> Bool {
        guard let header = header?.trimmingCharacters(in: .whitespaces).lowercased(), !header.isEmpty else {
            return true  // HTTP/1.0 clients send none; a browser always does
        }
        let host = Self.hostPart(header)
        if host == "localhost" || host.hasSuffix(".localhost") || host == "::1" || host == bound { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// `[::1]:8000` → `::1`, `localhost:8000` → `localhost`.
    static func hostPart(_ header: String) -> String {
        if header.hasPrefix("["), let close = header.firstIndex(of: "]") {
            return String(header[header.index(after: header.startIndex)..<close])
        }
        if let colon = header.lastIndex(of: ":"), header.filter({ $0 == ":" }).count == 1 { return String(header[..<colon]) }
        return header
    }

    /// Whether `host` is a loopback address or name (a warning is due otherwise).
    public static func isLoopback(_ host: String) -> Bool {
        HostCheck(bound: "").allows(host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host)
    }
}
