import Foundation
import NIOCore
import NIOPosix
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
        case let error as NIOConnectionError:
            self.init(.connectionFailed, step: step, message: Self.connectionMessage(error))
        default:
            self.init(.connectionFailed, step: step, message: "\(error)")
        }
    }

    /// The operating system's own words for why connecting failed ("Connection refused"), not the
    /// connection attempt's internal summary.
    private static func connectionMessage(_ error: NIOConnectionError) -> String {
        let reasons = error.connectionErrors.map { attempt in
            if let io = attempt.error as? IOError { return "\(attempt.target): \(String(cString: strerror(io.errnoCode)))" }
            return "\(attempt.target): \(attempt.error)"
        }
        return reasons.isEmpty ? "could not connect" : "could not connect (" + reasons.joined(separator: "; ") + ")"
    }
}
