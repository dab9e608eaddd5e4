import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Finds out whether the server could listen on an address before anything is created: binding
/// a socket the way the server will (address reuse on), then closing it at once.
enum PortCheck {
    /// Throws a one-line ``ConfigurationError`` when `host:port` cannot be listened on.
    static func ensureFree(host: String, port: Int) throws {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &found) == 0, let info = found else {
            throw ConfigurationError("cannot listen on \(host): it is not an address of this machine (use an IP address such as 127.0.0.1 or 0.0.0.0)")
        }
        defer { freeaddrinfo(found) }
        let socket = Glibc.socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
        guard socket >= 0 else { throw ConfigurationError("cannot open a socket to listen on \(host):\(port)") }
        defer { close(socket) }
        var on: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
        guard bind(socket, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 else {
            let reason = errno == EADDRINUSE ? "the port is already in use (is Mentalize or another server running? choose another with --port)"
                : errno == EACCES ? "this user may not listen on port \(port) (ports below 1024 need privileges: use a port such as 8080 behind a proxy)"
                : "the address is not available on this machine"
            throw ConfigurationError("cannot listen on \(host):\(port): \(reason)")
        }
    }
}
