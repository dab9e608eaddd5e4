import NIOCore
import NIOSSL

extension SMTPError {
    /// Classifies an error from NIO, NIO SSL or the reply decoder as an ``SMTPError`` of `step`.
    init(wrapping error: any Error, step: String) {
        switch error {
        case let error as SMTPError:
            self = error
        case let error as SMTPReplyDecoder.MalformedReply:
            self.init(.protocolViolation, step: step, message: error.description)
        case ChannelError.connectTimeout:
            self.init(.timeout, step: step, message: "no connection within the timeout")
        case is NIOSSLError, is NIOSSLExtraError, is BoringSSLError:
            self.init(.tlsFailed, step: step, message: "TLS failed: \(error)")
        default:
            self.init(.connectionFailed, step: step, message: "\(error)")
        }
    }
}
