import Foundation

/// Where and how to deliver e-mail: server, transport security, credentials and limits.
///
/// Create it from a URL with ``init(url:heloName:timeout:)``. Its `description` is
/// ``redacted`` so that printing or logging the settings never reveals the password.
public struct SMTPSettings: Sendable, Equatable, CustomStringConvertible {
    /// How the connection is protected.
    public enum Security: Sendable, Equatable {
        /// `smtp://`: plain TCP upgraded with STARTTLS (plain text only on loopback hosts).
        case startTLS
        /// `smtps://`: TLS from the first byte.
        case implicitTLS
    }

    /// User name and password for SMTP AUTH.
    public struct Credentials: Sendable, Equatable, CustomStringConvertible {
        public let user: String
        public let password: String

        public init(user: String, password: String) {
            self.user = user
            self.password = password
        }

        public var description: String { "\(user):***" }
    }

    /// Server host name or IP address as written in the URL (brackets of IPv6 literals removed).
    public let host: String
    public let port: Int
    public let security: Security
    public let credentials: Credentials?
    /// A PEM file of extra trust roots (a clinic's private CA), used besides the system roots.
    public let trustRootsFile: String?
    /// The name this client announces in EHLO.
    public let heloName: String
    /// The limit for connecting and for each command's reply.
    public let timeout: Duration

    /// True when `host` is `localhost`, an address in 127.0.0.0/8 or `::1`.
    public var isLoopbackHost: Bool { LoopbackHost.contains(host) }

    /// The settings as a URL without the password.
    public var redacted: String {
        var text = security == .implicitTLS ? "smtps://" : "smtp://"
        if let credentials {
            let user = credentials.user.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed)
            text += "\(user ?? "?"):***@"
        }
        text += host.contains(":") ? "[\(host)]" : host
        text += ":\(port)"
        if let trustRootsFile {
            text += "?ca=\(trustRootsFile)"
        }
        return text
    }

    public var description: String { redacted }
}
