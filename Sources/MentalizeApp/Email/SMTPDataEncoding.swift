/// The transparency procedure of RFC 5321 §4.5.2 for the DATA payload.
enum SMTPDataEncoding {
    /// `message` (CRLF line endings) with a "." added before every line that starts with ".",
    /// a final CRLF if missing, and the terminating ".CRLF" line.
    static func dotStuffed(_ message: String) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(message.utf8.count + 16)
        var atLineStart = true
        for byte in message.utf8 {
            if atLineStart, byte == UInt8(ascii: ".") { output.append(UInt8(ascii: ".")) }
            output.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
        }
        if !atLineStart { output += Array("\r\n".utf8) }
        output += Array(".\r\n".utf8)
        return output
    }
}
