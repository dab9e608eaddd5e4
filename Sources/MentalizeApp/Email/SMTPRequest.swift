import NIOCore
import NIOSSL

/// One step of an SMTP session written into the channel: optional bytes to send and the
/// promise of the server's next reply, with that step's timeout.
struct SMTPRequest: Sendable {
    /// The TLS handler to install when the server answers 220 to STARTTLS.
    struct TLSUpgrade: Sendable {
        let context: NIOSSLContext
        let serverHostname: String?
    }

    /// Bytes to send; nil only waits for a reply (the greeting).
    let bytes: ByteBuffer?
    /// Names the step in errors and logs.
    let step: String
    let timeout: TimeAmount
    let reply: EventLoopPromise<SMTPReply>
    let tlsUpgrade: TLSUpgrade?
}
