import NIOCore
import NIOPosix
import NIOSSL

/// One TCP connection to the server, with async request/reply steps on top of ``SMTPClientHandler``.
struct SMTPConnection: Sendable {
    let channel: any Channel
    let timeout: TimeAmount
    /// ``SMTPClientHandler/closeReason``.
    let closeReason: EventLoopFuture<Void>

    /// Connects (with TLS from the start when `implicitTLS` is given) and installs the SMTP handlers.
    static func connect(
        to settings: SMTPSettings,
        group: any EventLoopGroup,
        implicitTLS: SMTPRequest.TLSUpgrade?
    ) async throws -> SMTPConnection {
        let timeout = TimeAmount(settings.timeout)
        do {
            return try await ClientBootstrap(group: group)
                .connectTimeout(timeout)
                .connect(host: settings.host, port: settings.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let pipeline = channel.pipeline.syncOperations
                        if let implicitTLS {
                            try pipeline.addHandler(NIOSSLClientHandler(
                                context: implicitTLS.context, serverHostname: implicitTLS.serverHostname))
                        }
                        try pipeline.addHandler(ByteToMessageHandler(SMTPReplyDecoder()))
                        let handler = SMTPClientHandler(eventLoop: channel.eventLoop)
                        do {
                            try pipeline.addHandler(handler)
                        } catch {
                            handler.closeReason.fail(error)
                            throw error
                        }
                        return SMTPConnection(channel: channel, timeout: timeout,
                                              closeReason: handler.closeReason.futureResult)
                    }
                }
        } catch {
            throw SMTPError(wrapping: error, step: "connect")
        }
    }

    /// Sends `command` (CRLF is appended) and returns the reply if its code is one of `expected`.
    @discardableResult
    func command(_ command: String, step: String, expecting expected: Set<Int>,
                 tlsUpgrade: SMTPRequest.TLSUpgrade? = nil) async throws -> SMTPReply {
        var bytes = channel.allocator.buffer(capacity: command.utf8.count + 2)
        bytes.writeString(command)
        bytes.writeString("\r\n")
        return try await exchange(bytes, step: step, expecting: expected, tlsUpgrade: tlsUpgrade)
    }

    /// Sends `bytes` (nil: sends nothing) and returns the next reply if its code is one of `expected`.
    @discardableResult
    func exchange(_ bytes: ByteBuffer?, step: String, expecting expected: Set<Int>,
                  tlsUpgrade: SMTPRequest.TLSUpgrade? = nil) async throws -> SMTPReply {
        let promise = channel.eventLoop.makePromise(of: SMTPReply.self)
        let request = SMTPRequest(bytes: bytes, step: step, timeout: timeout, reply: promise, tlsUpgrade: tlsUpgrade)
        channel.writeAndFlush(request).whenFailure { promise.fail($0) }
        let reply: SMTPReply
        do {
            reply = try await promise.futureResult.get()
        } catch {
            throw SMTPError(wrapping: await cause(of: error), step: step)
        }
        guard expected.contains(reply.code) else { throw SMTPError(reply: reply, step: step) }
        return reply
    }

    /// The reason the connection ended when `error` only says the channel was already closed.
    private func cause(of error: any Error) async -> any Error {
        guard case ChannelError.ioOnClosedChannel? = error as? ChannelError else { return error }
        do {
            try await closeReason.get()
            return error
        } catch {
            return error
        }
    }

    /// Closes the connection; closing one already closed is not an error.
    func close() async {
        try? await channel.close()
    }
}
