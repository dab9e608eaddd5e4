/// A failed delivery: which step failed, why, and what the server said.
///
/// ``isPermanent`` is true only when the server refused with a 5xx reply: retrying the
/// same message will fail again. Everything else (4xx replies, connection and TLS failures,
/// timeouts, a server lacking STARTTLS or AUTH) is transient: it may clear once the server,
/// the network or the configuration is fixed, so an outbox may retry later.
public struct SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// The server answered with a code other than the expected one.
        case unexpectedReply
        /// Connecting failed or the connection was lost.
        case connectionFailed
        /// Connecting or a reply took longer than the configured timeout.
        case timeout
        /// The TLS handshake failed (certificate not trusted, wrong host name, ...) or trust roots could not be loaded.
        case tlsFailed
        /// `smtp://` to a non-loopback host whose server offered no STARTTLS.
        case startTLSNotOffered
        /// Credentials are configured but the server offers neither AUTH PLAIN nor AUTH LOGIN.
        case authenticationNotOffered
        /// The server sent something that is not a valid SMTP reply at this point.
        case protocolViolation
    }

    /// Server text is cut to this many characters.
    static let maximumMessageLength = 300

    public let reason: Reason
    /// The step that failed, e.g. "connect", "STARTTLS", "RCPT TO", "end of DATA".
    public let step: String
    /// The server's reply code, when the server answered.
    public let code: Int?
    /// The server's reply text (truncated) or a description of the failure.
    public let message: String

    public var isPermanent: Bool { code.map { (500...599).contains($0) } ?? false }

    init(_ reason: Reason, step: String, code: Int? = nil, message: String) {
        self.reason = reason
        self.step = step
        self.code = code
        self.message = Self.truncated(message)
    }

    /// The error for a reply with an unexpected code.
    init(reply: SMTPReply, step: String) {
        self.init(.unexpectedReply, step: step, code: reply.code, message: reply.text)
    }

    public var description: String {
        let kind = isPermanent ? "permanent" : "transient"
        let codeText = code.map { "\($0) " } ?? ""
        return "SMTP \(step) failed (\(reason), \(kind)): \(codeText)\(message)"
    }

    /// Printable characters only, at most ``maximumMessageLength`` of them.
    private static func truncated(_ text: String) -> String {
        let printable = String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
        guard printable.count > maximumMessageLength else { return printable }
        return printable.prefix(maximumMessageLength) + "…"
    }
}
