import NIOCore

/// Recognises loopback hosts: `localhost`, IPv4 127.0.0.0/8 and IPv6 `::1` (any spelling).
enum LoopbackHost {
    static func contains(_ host: String) -> Bool {
        if host.lowercased() == "localhost" { return true }
        // Parsing and printing back gives the canonical form ("0:0::1" becomes "::1").
        guard let address = try? SocketAddress(ipAddress: host, port: 0),
              let canonical = address.ipAddress
        else { return false }
        return canonical == "::1" || canonical.hasPrefix("127.")
    }
}
