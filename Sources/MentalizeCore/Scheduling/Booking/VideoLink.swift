public import Foundation

/// A link to a session on the clinic's own video service: `https` only, no user name or password
/// in the link, and the host must be the service's host or one of its subdomains.
public struct VideoLink: Hashable, Sendable, Codable {
    public let url: URL

    /// Checks `text` against the clinic's video service host (e.g. `video.clinic.example`).
    public init(_ text: String, serviceHost: String) throws(SchedulingError) {
        let url = try Self.checkedURL(text)
        let host = (url.host ?? "").lowercased()
        let service = serviceHost.lowercased()
        guard !service.isEmpty, host == service || host.hasSuffix("." + service) else {
            throw .invalidVideoLink("it must point to the clinic's video service (\(serviceHost)).")
        }
        self.url = url
    }

    private static func checkedURL(_ text: String) throws(SchedulingError) -> URL {
        guard text.utf8.count <= 2048 else { throw .invalidVideoLink("it is longer than 2048 characters.") }
        guard !text.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) else {
            throw .invalidVideoLink("it contains spaces or control characters.")
        }
        guard let parts = URLComponents(string: text), let url = parts.url else {
            throw .invalidVideoLink("it is not a web address.")
        }
        guard parts.scheme?.lowercased() == "https" else { throw .invalidVideoLink("it must start with https://.") }
        guard let host = parts.host, !host.isEmpty else { throw .invalidVideoLink("it has no host name.") }
        guard parts.user == nil, parts.password == nil else {
            throw .invalidVideoLink("it must not contain a user name or password.")
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
