import Testing

@testable import Serve

@Suite struct HostCheckTests {
    @Test func loopbackAndTheBoundHostOnly() {
        let check = HostCheck(bound: "127.0.0.1")
        for ok in [
            nil, "127.0.0.1", "127.0.0.1:8000", "localhost", "LOCALHOST:80", "app.localhost:3000", "[::1]:8000", "127.9.9.9",
        ] {
            #expect(check.allows(ok), "\(ok ?? "none")")
        }
        for bad in [
            "evil.example", "127.0.0.1.evil.example", "0.0.0.0", "10.0.0.1", "[::2]", "localhost.evil.example", "127.0.0.256",
        ] {
            #expect(!check.allows(bad), "\(bad)")
        }
        #expect(HostCheck(bound: "192.168.1.20").allows("192.168.1.20:8000"))
        #expect(HostCheck.isLoopback("127.0.0.1") && HostCheck.isLoopback("::1") && HostCheck.isLoopback("localhost"))
        #expect(!HostCheck.isLoopback("0.0.0.0") && !HostCheck.isLoopback("192.168.1.20"))
    }
}
