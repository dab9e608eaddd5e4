/// Base32 as defined by RFC 4648 §6 (alphabet A-Z, 2-7), used for TOTP secrets.
public enum Base32 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    /// Encodes `bytes`; with `padding`, the output is padded with `=` to a multiple of 8 characters.
    public static func encode(_ bytes: [UInt8], padding: Bool = true) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 4) / 5 * 8)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                output.append(alphabet[Int((buffer >> UInt32(bits)) & 31)])
            }
        }
        if bits > 0 { output.append(alphabet[Int((buffer << UInt32(5 - bits)) & 31)]) }
        if padding {
            while output.count % 8 != 0 { output.append(UInt8(ascii: "=")) }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes `text`: letters in either case, optional trailing `=` padding; anything else is an error.
    public static func decode(_ text: String) throws(Base32Error) -> [UInt8] {
        var symbols = Array(text.utf8)
        while symbols.last == UInt8(ascii: "=") { symbols.removeLast() }
        guard [0, 2, 4, 5, 7].contains(symbols.count % 8) else { throw .invalidLength }
        var output: [UInt8] = []
        output.reserveCapacity(symbols.count * 5 / 8)
        var buffer: UInt32 = 0
        var bits = 0
        for (offset, symbol) in symbols.enumerated() {
            guard let value = Self.value(of: symbol) else { throw .invalidCharacter(position: offset) }
            buffer = (buffer << 5) | UInt32(value)
            bits += 5
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
            buffer &= (1 << UInt32(bits)) - 1
        }
        guard buffer == 0 else { throw .nonZeroTrailingBits }
        return output
    }

    private static func value(of symbol: UInt8) -> UInt8? {
        switch symbol {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): symbol - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): symbol - UInt8(ascii: "a")
        case UInt8(ascii: "2")...UInt8(ascii: "7"): symbol - UInt8(ascii: "2") + 26
        default: nil
        }
    }
}

/// Base32 input could not be decoded.
public enum Base32Error: Error, Hashable, Sendable, CustomStringConvertible {
    case invalidLength
    case invalidCharacter(position: Int)
    case nonZeroTrailingBits

    public var description: String {
        switch self {
        case .invalidLength: "The Base32 text has an impossible length."
        case .invalidCharacter(let position): "The Base32 text has an invalid character at position \(position)."
        case .nonZeroTrailingBits: "The Base32 text does not end on a clean boundary."
        }
    }
}
