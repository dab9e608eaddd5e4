public import Foundation

/// A link to a session on the clinic's own video service: `https` only, no user name or password
/// in the link, and the host must be the service's host or one of its subdomains.
public struct VideoLink: Hashable, Sendable, Codable {
    /// The longest link accepted, in bytes.
    public static let maximumLength = 2048

    public let url: URL

    /// Checks `text` against the clinic's video service host (e.g. `video.clinic.example`).
    public init(_ text: String, serviceHost: String) throws(SchedulingError) {
        let url = try Self.checkedURL(text)
        let host = (url.host ?? "").lowercased()
        let service = serviceHost.lowercased()
        guard !service.isEmpty, host == service || host.hasSuffix("." + service) else {
            throw .invalidVideoLink(.notTheService(host: serviceHost))
        }
        self.url = url
    }

    private static func checkedURL(_ text: String) throws(SchedulingError) -> URL {
        guard text.utf8.count <= maximumLength else { throw .invalidVideoLink(.tooLong(limit: maximumLength)) }
        guard !text.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) else {
            throw .invalidVideoLink(.spacesOrControlCharacters)
        }
        guard let parts = URLComponents(string: text), let url = parts.url else {
            throw .invalidVideoLink(.notAWebAddress)
        }
        guard parts.scheme?.lowercased() == "https" else { throw .invalidVideoLink(.notHTTPS) }
        guard let host = parts.host, !host.isEmpty else { throw .invalidVideoLink(.noHostName) }
        guard parts.user == nil, parts.password == nil else {
            throw .invalidVideoLink(.userNameOrPassword)
        }
        return url
    }

    public init(from decoder: any Decoder) throws {
        url = try Self.checkedURL(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(url.absoluteString)
    }
}

/// Why a video link is not accepted.
public enum VideoLinkProblem: Hashable, Sendable {
    /// The host is not the clinic's video service `host` or one of its subdomains.
    case notTheService(host: String)
    case tooLong(limit: Int)
    case spacesOrControlCharacters
    case notAWebAddress
    case notHTTPS
    case noHostName
    case userNameOrPassword
}
