import Foundation

/// The 7-bit encodings used to render a message: RFC 2047 encoded-words for
/// header text and RFC 2045 quoted-printable for the body.
enum MIMEEncoding {
    /// UTF-8 bytes per encoded-word: 42 bytes make 56 base64 characters, a 68-character word.
    private static let bytesPerEncodedWord = 42
    /// Quoted-printable line length before the soft break "=" (RFC 2045: at most 76 with it).
    private static let quotedPrintableLineLength = 75

    /// `text` as `=?utf-8?B?...?=` words, split between Unicode scalars and folded with CRLF SP.
    static func encodedWords(_ text: String) -> String {
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > bytesPerEncodedWord {
                words.append(encodedWord(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(encodedWord(chunk)) }
        return words.joined(separator: "\r\n ")
    }

    private static func encodedWord(_ bytes: [UInt8]) -> String {
        "=?utf-8?B?\(Data(bytes).base64EncodedString())?="
    }

    /// `text` (any line breaks) as quoted-printable lines, each ended by CRLF.
    static func quotedPrintable(_ text: String) -> String {
        lines(of: text).map { encodeLine($0) + "\r\n" }.joined()
    }

    /// The lines of `text`, split at CRLF, CR or LF; a final line break adds no empty line.
    static func lines(of text: String) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        var previousWasCR = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n"), previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = byte == UInt8(ascii: "\r")
            if byte == UInt8(ascii: "\n") || previousWasCR {
                lines.append(current)
                current = []
            } else {
                current.append(byte)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    private static func encodeLine(_ line: [UInt8]) -> String {
        var output = ""
        var length = 0
        for (index, byte) in line.enumerated() {
            let isLast = index == line.count - 1
            let isWhitespace = byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
            let isLiteral = (33...126).contains(byte) && byte != UInt8(ascii: "=")
            let token = isLiteral || (isWhitespace && !isLast)
                ? String(Unicode.Scalar(byte))
                : "=" + hexByte(byte)
            if length + token.utf8.count > quotedPrintableLineLength {
                output += "=\r\n"
                length = 0
            }
            output += token
            length += token.utf8.count
        }
        return output
    }

    private static func hexByte(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
