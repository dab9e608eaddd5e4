/// How people reach the server. Browsers keep Mentalize's sign-in cookie only over HTTPS (or on
/// the machine itself), so plain http is served only on a loopback address or behind a proxy.
public struct ServingOptions: Sendable, Equatable {
    /// A certificate chain and private key, both PEM, to serve HTTPS directly.
    public struct TLSFiles: Sendable, Equatable {
        public var certificate: String
        public var privateKey: String
    }

    public var tls: TLSFiles?
    /// A reverse proxy on a trusted address terminates HTTPS (`--behind-proxy`).
    public var behindProxy = false
    /// The proxy addresses whose `X-Forwarded-For` and `X-Forwarded-Proto` are believed
    /// (`--trusted-proxy`, repeatable; 127.0.0.1 and ::1 when none is given).
    public var trustedProxies: [String] = ["127.0.0.1", "::1"]

    public init() {}

    /// Whether `host` is this machine only.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Refuses plain http on an address others can reach, with what to do instead.
    public func check(host: String) throws {
        guard tls == nil, !behindProxy, !Self.isLoopback(host) else { return }
        throw ConfigurationError("refusing to serve plain http on \(host): browsers drop the sign-in cookie there; give --tls-cert FILE --tls-key FILE, or serve on 127.0.0.1 behind an HTTPS reverse proxy with --behind-proxy (docs/operating.md, \"Go live\")")
    }
}
