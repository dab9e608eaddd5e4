import Foundation

/// The address people reach the installation at, as links in emails use it: `https://` (or
/// `http://` for a loopback address), a host, no path, query or credentials.
enum PublicAddress {
    /// Why `text` cannot be the public address, or nil when it can (an empty text is "not set").
    static func problem(_ text: String) -> String? {
        guard !text.isEmpty else { return nil }
        guard let url = URLComponents(string: text), let host = url.host, !host.isEmpty,
              url.user == nil, url.password == nil, url.query == nil, url.fragment == nil, url.path.isEmpty || url.path == "/"
        else { return PageText.text("clinic.error.publicAddressForm") }
        let loopback = host == "localhost" || host.hasPrefix("127.") || host == "[::1]" || host == "::1"
        if url.scheme == "https" || (url.scheme == "http" && loopback) { return nil }
        return PageText.text("clinic.error.publicAddressHTTPS")
    }

    /// The address without a trailing slash.
    static func normalised(_ text: String) -> String {
        let text = text.trimmingCharacters(in: .whitespaces)
        return text.hasSuffix("/") ? String(text.dropLast()) : text
    }
}
