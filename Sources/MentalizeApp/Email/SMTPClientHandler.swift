import NIOCore
import NIOSSL

/// Matches each ``SMTPRequest`` with the server's next ``SMTPReply``, one request at a time.
/// The first request must be the one for the greeting (no bytes): the greeting may arrive
/// before it and is then kept for it.
///
/// It enforces the request's timeout, fails the pending request when the channel errors or
/// closes, and refuses replies nobody asked for. After a 220 reply to STARTTLS it installs the
/// TLS handler before any further byte is read, and refuses plaintext that arrived after that
/// reply (a STARTTLS response-injection attack). Any failure closes the channel.
final class SMTPClientHandler: ChannelDuplexHandler {
    typealias InboundIn = SMTPReply
    typealias OutboundIn = SMTPRequest
    typealias OutboundOut = ByteBuffer

    /// Failed with the first failure, at the latest when the channel closes: it tells a request
    /// written after the channel (and this handler) went away why the connection ended.
    let closeReason: EventLoopPromise<Void>

    private var pending: SMTPRequest?
    /// The greeting, when it arrived before the first request.
    private var earlyGreeting: SMTPReply?
    private var hasRequested = false
    private var timeoutTask: Scheduled<Void>?
    /// The first failure; later requests fail with it at once.
    private var failure: (any Error)?

    init(eventLoop: any EventLoop) {
        closeReason = eventLoop.makePromise()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = Self.unwrapOutboundIn(data)
        if let failure {
            request.reply.fail(failure)
            promise?.fail(failure)
            return
        }
        guard pending == nil else {
            let message = "a previous command is still waiting for its reply"
            let error = SMTPError(.protocolViolation, step: request.step, message: message)
            request.reply.fail(error)
            promise?.fail(error)
            return
        }
        defer { hasRequested = true }
        if !hasRequested, let greeting = earlyGreeting {
            earlyGreeting = nil
            request.reply.succeed(greeting)
            promise?.succeed()
            return
        }
        pending = request
        timeoutTask = context.eventLoop.assumeIsolated().scheduleTask(in: request.timeout) { [self] in
            let message = "no reply within \(request.timeout.nanoseconds / 1_000_000) ms"
            fail(SMTPError(.timeout, step: request.step, message: message), context: context)
        }
        if let bytes = request.bytes {
            context.write(Self.wrapOutboundOut(bytes), promise: promise)
        } else {
            promise?.succeed()
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let reply = Self.unwrapInboundIn(data)
        guard let request = pending else {
            if !hasRequested, earlyGreeting == nil {
                earlyGreeting = reply
                return
            }
            let message = "reply without a command: \(reply.code) \(reply.text)"
            fail(SMTPError(.protocolViolation, step: "reading replies", message: message), context: context)
            return
        }
        if let upgrade = request.tlsUpgrade, reply.code == 220 {
            guard !reply.followedByData else {
                let message = "server sent data after its STARTTLS reply"
                fail(SMTPError(.protocolViolation, step: request.step, message: message), context: context)
                return
            }
            do {
                let tls = try NIOSSLClientHandler(context: upgrade.context, serverHostname: upgrade.serverHostname)
                try context.pipeline.syncOperations.addHandler(tls, position: .first)
            } catch {
                fail(error, context: context)
                return
            }
        }
        finishPending()
        request.reply.succeed(reply)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(error, context: context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        let error = SMTPError(.connectionFailed, step: pending?.step ?? "connection", message: "connection closed")
        fail(error, context: context)
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        let error = SMTPError(.connectionFailed, step: pending?.step ?? "connection", message: "connection closed")
        fail(error, context: context)
    }

    /// Records the first failure, fails the pending request and closes the channel.
    private func fail(_ error: any Error, context: ChannelHandlerContext) {
        let isFirst = failure == nil
        if isFirst {
            failure = error
            closeReason.fail(error)
        }
        if let request = pending {
            finishPending()
            request.reply.fail(failure ?? error)
        }
        if isFirst { context.close(promise: nil) }
    }

    private func finishPending() {
        timeoutTask?.cancel()
        timeoutTask = nil
        pending = nil
    }
}
