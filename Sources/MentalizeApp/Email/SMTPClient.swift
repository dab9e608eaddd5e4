public import Logging
public import NIOCore
import NIOSSL

/// Sends ``EmailMessage``s through an SMTP server, one connection per message.
///
/// Each ``send(_:)`` connects, reads the greeting, says EHLO, secures the connection
/// (implicit TLS, or STARTTLS per ``StartTLSPolicy``), authenticates when credentials are
/// set, transfers the message and quits. Every step is bounded by ``SMTPSettings/timeout``.
/// Failures throw ``SMTPError``; its ``SMTPError/isPermanent`` tells an outbox whether to retry.
public struct SMTPClient: Sendable {
    private let settings: SMTPSettings
    private let eventLoopGroup: any EventLoopGroup
    private let logger: Logger

    public init(settings: SMTPSettings, eventLoopGroup: any EventLoopGroup, logger: Logger) {
        self.settings = settings
        self.eventLoopGroup = eventLoopGroup
        var logger = logger
        logger[metadataKey: "smtp.server"] = "\(settings.host):\(settings.port)"
        self.logger = logger
    }

    /// Delivers `message`; returns once the server has accepted it (250 after DATA).
    /// The connection is closed on every path; cancelling the task closes it at once
    /// and throws `CancellationError`.
    /// - Throws: ``SMTPError``, or `CancellationError` when the task was cancelled.
    public func send(_ message: EmailMessage) async throws {
        let payload = ByteBuffer(bytes: SMTPDataEncoding.dotStuffed(message.rendered()))
        let tlsContext = try settings.makeTLSContext()
        let implicitTLS = settings.security == .implicitTLS ? settings.tlsUpgrade(context: tlsContext) : nil
        let connection = try await SMTPConnection.connect(to: settings, group: eventLoopGroup, implicitTLS: implicitTLS)
        do {
            try await withTaskCancellationHandler {
                try await transfer(message, payload: payload, on: connection, tlsContext: tlsContext)
            } onCancel: {
                connection.channel.close(promise: nil)
            }
        } catch {
            await connection.close()
            if Task.isCancelled { throw CancellationError() }
            logger.debug("SMTP delivery failed", metadata: ["error": "\(error)"])
            throw error
        }
        await connection.close()
    }

    private func transfer(_ message: EmailMessage, payload: ByteBuffer, on connection: SMTPConnection,
                          tlsContext: NIOSSLContext) async throws {
        let greetingStep = settings.security == .implicitTLS ? "TLS handshake and greeting" : "greeting"
        try await connection.exchange(nil, step: greetingStep, expecting: [220])
        var capabilities = try await ehlo(on: connection, step: "EHLO")
        if settings.security == .startTLS {
            if try StartTLSPolicy.useStartTLS(offered: capabilities.startTLS, settings: settings) {
                try await connection.command("STARTTLS", step: "STARTTLS", expecting: [220],
                                             tlsUpgrade: settings.tlsUpgrade(context: tlsContext))
                capabilities = try await ehlo(on: connection, step: "TLS handshake and EHLO")
            } else {
                logger.warning("SMTP server offered no STARTTLS; sending in plain text to a loopback host")
            }
        }
        if let credentials = settings.credentials {
            try await SMTPAuthentication.authenticate(credentials, offered: capabilities.authMechanisms, on: connection)
        }
        try await connection.command("MAIL FROM:<\(message.from)>", step: "MAIL FROM", expecting: [250])
        try await connection.command("RCPT TO:<\(message.to)>", step: "RCPT TO", expecting: [250, 251])
        try await connection.command("DATA", step: "DATA", expecting: [354])
        try await connection.exchange(payload, step: "end of DATA", expecting: [250])
        logger.debug("SMTP server accepted the message")
        do {
            try await connection.command("QUIT", step: "QUIT", expecting: [221])
        } catch {
            // The message is already accepted: a failed QUIT must not make the caller send it again.
            logger.debug("SMTP QUIT failed after delivery", metadata: ["error": "\(error)"])
        }
    }

    private func ehlo(on connection: SMTPConnection, step: String) async throws -> SMTPCapabilities {
        let reply = try await connection.command("EHLO \(settings.heloName)", step: step, expecting: [250])
        return SMTPCapabilities(ehloReply: reply)
    }
}
