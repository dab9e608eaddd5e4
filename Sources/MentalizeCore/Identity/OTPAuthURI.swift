/// Builds the `otpauth://totp/...` URI that authenticator apps read (usually from a QR code).
public enum OTPAuthURI {
    /// `otpauth://totp/Issuer:account?secret=...&issuer=Issuer&algorithm=SHA1&digits=6&period=30`, with the
    /// issuer and account percent-encoded (everything but RFC 3986 unreserved characters, `:` included).
    public static func make(secret: [UInt8], issuer: String, account: String, digits: Int = 6, period: Int = 30) -> String {
        let issuerText = percentEncode(issuer)
        let label = "\(issuerText):\(percentEncode(account))"
        let secretText = Base32.encode(secret, padding: false)
        return "otpauth://totp/\(label)?secret=\(secretText)&issuer=\(issuerText)&algorithm=SHA1"
            + "&digits=\(digits)&period=\(period)"
    }

    /// Percent-encodes the UTF-8 bytes of `text`, leaving only `A-Z a-z 0-9 - . _ ~`.
    public static func percentEncode(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                output.append(byte)
            default:
                output.append(contentsOf: [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0f)]])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
