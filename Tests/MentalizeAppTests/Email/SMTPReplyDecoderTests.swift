import NIOCore
import NIOEmbedded
import Testing
@testable import MentalizeApp

@Suite("SMTPReplyDecoder frames replies whatever the packets")
struct SMTPReplyDecoderTests {
    private func decode(_ packets: [String]) throws -> [SMTPReply] {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(SMTPReplyDecoder()))
        var replies: [SMTPReply] = []
        for packet in packets {
            try channel.writeInbound(ByteBuffer(string: packet))
            while let reply = try channel.readInbound(as: SMTPReply.self) { replies.append(reply) }
        }
        _ = try channel.finish()
        return replies
    }

    @Test("a multi-line reply split inside lines and inside CRLF")
    func splitReply() throws {
        let replies = try decode(["25", "0-smtp.test gre", "ets you\r", "\n250-8BITMIME\r\n250-AUTH PLA", "IN LOGIN\r\n250 HELP\r", "\n"])
        #expect(replies == [SMTPReply(code: 250, lines: ["smtp.test greets you", "8BITMIME", "AUTH PLAIN LOGIN", "HELP"])])
    }

    @Test("several replies in one packet; the first knows data followed")
    func severalReplies() throws {
        let replies = try decode(["250 OK\r\n354 go ahead\r\n", "221 bye\n"])
        #expect(replies.map(\.code) == [250, 354, 221])
        #expect(replies.map(\.followedByData) == [true, false, false])
        #expect(replies.last?.text == "bye")
    }

    @Test("a bare code without text")
    func bareCode() throws {
        #expect(try decode(["250\r\n"]) == [SMTPReply(code: 250, lines: [""])])
    }

    @Test("malformed input is refused", arguments: [
        "hello\r\n", "25\r\n", "250-a\r\n354 b\r\n", "250_x\r\n", "999 nine\r\n", String(repeating: "2", count: 3000),
    ])
    func malformed(input: String) {
        #expect(throws: SMTPReplyDecoder.MalformedReply.self) { try decode([input]) }
    }

    @Test("EHLO capabilities: STARTTLS and AUTH mechanisms in both spellings")
    func capabilities() {
        let reply = SMTPReply(code: 250, lines: ["smtp.test", "PIPELINING", "starttls", "AUTH login PLAIN", "AUTH=XOAUTH2"])
        let capabilities = SMTPCapabilities(ehloReply: reply)
        #expect(capabilities.startTLS)
        #expect(capabilities.authMechanisms == ["LOGIN", "PLAIN", "XOAUTH2"])
        #expect(!SMTPCapabilities(ehloReply: SMTPReply(code: 250, lines: ["STARTTLS is the name"])).startTLS)
        #expect(SMTPAuthentication.mechanism(offered: ["LOGIN", "PLAIN"]) == .plain)
        #expect(SMTPAuthentication.mechanism(offered: ["LOGIN", "CRAM-MD5"]) == .login)
        #expect(SMTPAuthentication.mechanism(offered: ["CRAM-MD5"]) == nil)
    }
}
