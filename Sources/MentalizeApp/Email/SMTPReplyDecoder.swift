import NIOCore

/// Frames server bytes into ``SMTPReply`` values: lines end at LF (CRLF expected), lines of one
/// reply share a code and all but the last have "-" after it. Works whatever the TCP packets hold.
struct SMTPReplyDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPReply

    /// A reply line longer than this (RFC 5321 allows 512) or a reply with more lines is refused.
    static let maximumLineLength = 2048
    static let maximumLineCount = 256

    /// Thrown for bytes that are not an SMTP reply.
    struct MalformedReply: Error, CustomStringConvertible {
        let reason: String
        var description: String { "malformed SMTP reply: \(reason)" }
    }

    private var code: Int?
    private var lines: [String] = []

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > Self.maximumLineLength { throw MalformedReply(reason: "line too long") }
            return .needMoreData
        }
        let length = newline - buffer.readerIndex
        guard length <= Self.maximumLineLength, var line = buffer.readBytes(length: length + 1) else {
            throw MalformedReply(reason: "line too long")
        }
        line.removeLast()
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        try consume(line: line, context: context, remaining: buffer.readableBytes)
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }

    private mutating func consume(line: [UInt8], context: ChannelHandlerContext, remaining: Int) throws {
        guard line.count >= 3, line.prefix(3).allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              let lineCode = Int(String(decoding: line.prefix(3), as: UTF8.self)), (200...599).contains(lineCode)
        else { throw MalformedReply(reason: "line does not start with a reply code") }
        guard code == nil || code == lineCode else { throw MalformedReply(reason: "code changed within a reply") }
        let separator = line.count > 3 ? line[3] : UInt8(ascii: " ")
        guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else {
            throw MalformedReply(reason: "no space or hyphen after the reply code")
        }
        code = lineCode
        lines.append(String(decoding: line.dropFirst(4), as: UTF8.self))
        guard lines.count <= Self.maximumLineCount else { throw MalformedReply(reason: "too many lines") }
        if separator == UInt8(ascii: " ") {
            let reply = SMTPReply(code: lineCode, lines: lines, followedByData: remaining > 0)
            code = nil
            lines = []
            context.fireChannelRead(Self.wrapInboundOut(reply))
        }
    }
}
