import NIOCore
import NIOEmbedded
import NIOSSL
import Testing
@testable import MentalizeApp

@Suite("SMTPClientHandler matches replies to requests")
struct SMTPClientHandlerTests {
    private func makeChannel() throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandlers(
            ByteToMessageHandler(SMTPReplyDecoder()), SMTPClientHandler(eventLoop: channel.eventLoop))
        return channel
    }

    private func request(_ channel: EmbeddedChannel, _ command: String?, step: String,
                         upgrade: SMTPRequest.TLSUpgrade? = nil) -> EventLoopFuture<SMTPReply> {
        let promise = channel.eventLoop.makePromise(of: SMTPReply.self)
        let bytes = command.map { ByteBuffer(string: $0 + "\r\n") }
        let request = SMTPRequest(bytes: bytes, step: step, timeout: .seconds(5), reply: promise, tlsUpgrade: upgrade)
        channel.writeAndFlush(request, promise: nil)
        return promise.futureResult
    }

    private func error(of future: EventLoopFuture<SMTPReply>) throws -> SMTPError? {
        do {
            _ = try future.wait()
            return nil
        } catch {
            return SMTPError(wrapping: error, step: "test")
        }
    }

    @Test("a greeting that arrives before the first request is kept for it")
    func earlyGreeting() throws {
        let channel = try makeChannel()
        try channel.writeInbound(ByteBuffer(string: "220 smtp.test ready\r\n"))
        let greeting = request(channel, nil, step: "greeting")
        #expect(try greeting.wait().code == 220)
        let ehlo = request(channel, "EHLO localhost", step: "EHLO")
        #expect(try channel.readOutbound(as: ByteBuffer.self) == ByteBuffer(string: "EHLO localhost\r\n"))
        try channel.writeInbound(ByteBuffer(string: "250 smtp.test\r\n"))
        #expect(try ehlo.wait().code == 250)
        _ = try channel.finish()
    }

    @Test("a reply nobody asked for closes the connection")
    func unsolicitedReply() throws {
        let channel = try makeChannel()
        _ = request(channel, nil, step: "greeting")
        try channel.writeInbound(ByteBuffer(string: "220 ready\r\n"))
        try channel.writeInbound(ByteBuffer(string: "250 surprise\r\n"))
        #expect(!channel.isActive)
        let next = try error(of: request(channel, "NOOP", step: "NOOP"))
        #expect(next?.reason == .protocolViolation)
    }

    @Test("plaintext after the 220 reply to STARTTLS is refused (response injection)")
    func startTLSInjection() throws {
        let channel = try makeChannel()
        let context = try NIOSSLContext(configuration: .makeClientConfiguration())
        _ = request(channel, nil, step: "greeting")
        try channel.writeInbound(ByteBuffer(string: "220 ready\r\n"))
        let upgrade = SMTPRequest.TLSUpgrade(context: context, serverHostname: "smtp.test")
        let startTLS = request(channel, "STARTTLS", step: "STARTTLS", upgrade: upgrade)
        try channel.writeInbound(ByteBuffer(string: "220 go ahead\r\n250-injected\r\n"))
        let failure = try error(of: startTLS)
        #expect(failure?.reason == .protocolViolation)
        #expect(failure?.step == "STARTTLS")
        #expect(!channel.isActive)
    }

    @Test("a missing reply times out and closes the connection")
    func timeout() throws {
        let channel = try makeChannel()
        let greeting = request(channel, nil, step: "greeting")
        channel.embeddedEventLoop.advanceTime(by: .seconds(5))
        let failure = try error(of: greeting)
        #expect(failure?.reason == .timeout)
        #expect(failure?.step == "greeting")
        #expect(!channel.isActive)
    }
}
