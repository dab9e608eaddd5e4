/// Why an SMTP URL or setting was rejected. The text never contains the password.
public enum SMTPSettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidURL
    case unsupportedScheme(String)
    case missingHost
    case invalidPort(Int)
    case missingUser
    case missingPassword
    case unexpectedPath
    case unknownOption(String)
    case emptyTrustRootsPath
    case invalidHeloName
    case invalidTimeout

    public var description: String {
        switch self {
        case .invalidURL:
            "SMTP URL is not a valid URL"
        case .unsupportedScheme(let scheme):
            "SMTP URL scheme '\(scheme)' is not supported; use smtp:// (STARTTLS) or smtps:// (implicit TLS)"
        case .missingHost:
            "SMTP URL has no host"
        case .invalidPort(let port):
            "SMTP URL port \(port) is not in 1...65535"
        case .missingUser:
            "SMTP URL has a password but no user name"
        case .missingPassword:
            "SMTP URL has a user name but no password"
        case .unexpectedPath:
            "SMTP URL must not have a path"
        case .unknownOption(let name):
            "SMTP URL option '\(name)' is unknown; the only option is 'ca'"
        case .emptyTrustRootsPath:
            "SMTP URL option 'ca' needs the path of a PEM file"
        case .invalidHeloName:
            "SMTP HELO name must be a non-empty host name without spaces or control characters"
        case .invalidTimeout:
            "SMTP timeout must be positive"
        }
    }
}
