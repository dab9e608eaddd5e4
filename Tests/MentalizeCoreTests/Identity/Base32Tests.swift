import MentalizeCore
import Testing

/// Base32 against the RFC 4648 §10 test vectors, plus malformed input.
struct Base32Tests {
    @Test("RFC 4648 test vectors encode and decode", arguments: [
        ("", ""), ("f", "MY======"), ("fo", "MZXQ===="), ("foo", "MZXW6==="), ("foob", "MZXW6YQ="),
        ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI======"),
    ])
    func vectors(plain: String, encoded: String) throws {
        #expect(Base32.encode(Array(plain.utf8)) == encoded)
        #expect(try Base32.decode(encoded) == Array(plain.utf8))
        #expect(try Base32.decode(encoded.lowercased()) == Array(plain.utf8))
        #expect(Base32.encode(Array(plain.utf8), padding: false) == encoded.filter { $0 != "=" })
    }

    @Test("a 20-byte secret round-trips without padding")
    func roundTrip() throws {
        let secret = TOTP.generateSecret()
        let text = Base32.encode(secret, padding: false)
        #expect(text.count == 32)
        #expect(try Base32.decode(text) == secret)
    }

    @Test("malformed input is a typed error, not a crash")
    func malformed() {
        #expect(throws: Base32Error.invalidCharacter(position: 2)) { try Base32.decode("MZ1W6===") }
        #expect(throws: Base32Error.invalidLength) { try Base32.decode("MZXW6Y") }
        #expect(throws: Base32Error.invalidLength) { try Base32.decode("M") }
        #expect(throws: Base32Error.nonZeroTrailingBits) { try Base32.decode("MZ") }
        #expect(throws: Base32Error.invalidCharacter(position: 1)) { try Base32.decode("M=ZXW6YQ") }
    }
}
