/// Decides whether an `smtp://` session upgrades with STARTTLS.
///
/// STARTTLS is used whenever the server offers it. Without it the session may continue in
/// plain text only to a loopback host; for any other host this is an error, so neither
/// credentials nor messages ever cross a network unencrypted.
enum StartTLSPolicy {
    /// - Returns: true to issue STARTTLS, false to continue in plain text (loopback only).
    /// - Throws: ``SMTPError/Reason/startTLSNotOffered`` for a non-loopback host without STARTTLS.
    static func useStartTLS(offered: Bool, settings: SMTPSettings) throws -> Bool {
        if offered { return true }
        guard settings.isLoopbackHost else {
            throw SMTPError(.startTLSNotOffered, step: "EHLO",
                            message: "server \(settings.host) offered no STARTTLS; refusing to send in plain text")
        }
        return false
    }
}
