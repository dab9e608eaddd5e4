import Foundation

extension EmailMessage {
    /// Header text longer than this is sent as encoded-words, which fold onto short lines.
    private static let maximumLiteralHeaderLength = 900

    /// The message as sent after DATA (before dot-stuffing): 7-bit ASCII, CRLF line
    /// endings, lines of at most 998 octets, the body quoted-printable.
    /// `uniqueID` is the left part of the Message-ID; the right part is the sender's domain.
    func rendered(date: Date = Date(), uniqueID: String = UUID().uuidString.lowercased()) -> String {
        let headers = [
            "Date: \(Self.rfc5322Date(date))",
            "From: \(renderedFrom)",
            "To: \(to)",
            "Subject: \(Self.headerText(subject))",
            "Message-ID: <\(uniqueID)@\(fromDomain)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
        ]
        return headers.map { $0 + "\r\n" }.joined() + "\r\n" + MIMEEncoding.quotedPrintable(body)
    }

    /// `address`, or `"Name" <address>` / `=?utf-8?B?...?= <address>` with a display name.
    private var renderedFrom: String {
        guard let fromName, !fromName.isEmpty else { return from }
        if Self.isLiteralSafe(fromName) {
            let escaped = fromName.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(escaped)\" <\(from)>"
        }
        return "\(MIMEEncoding.encodedWords(fromName)) <\(from)>"
    }

    /// Printable ASCII text as is; anything else (or text that looks like an encoded-word) encoded.
    private static func headerText(_ text: String) -> String {
        isLiteralSafe(text) ? text : MIMEEncoding.encodedWords(text)
    }

    private static func isLiteralSafe(_ text: String) -> Bool {
        text.utf8.count <= maximumLiteralHeaderLength
            && !text.contains("=?")
            && text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
    }

    /// RFC 5322 date in UTC, e.g. `Tue, 05 May 2026 09:03:07 +0000`.
    private static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
