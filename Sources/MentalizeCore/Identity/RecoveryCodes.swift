import Crypto

/// One-time recovery codes for a lost authenticator: shown once, stored only as SHA-256 hashes.
///
/// A code is 10 characters from a 32-symbol alphabet without 0/O and 1/I (50 bits), shown in two
/// groups of five: `K7M2Q-XW9RT`. Input is normalised before hashing: case, spaces and dashes are ignored.
public enum RecoveryCodes {
    /// The symbols codes are made of.
    public static let alphabet = Array("23456789ABCDEFGHJKLMNPQRSTUVWXYZ")
    public static let codeLength = 10
    public static let codeCount = 10

    /// `count` fresh codes, formatted for display.
    public static func generate(count: Int = codeCount) -> [String] {
        var generator = SystemRandomNumberGenerator()
        return (0..<max(count, 0)).map { _ in
            let symbols = (0..<codeLength).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
            return String(symbols.prefix(5)) + "-" + String(symbols.dropFirst(5))
        }
    }

    /// The canonical form of typed input (upper-case, no spaces or dashes), or nil when it cannot be a code.
    public static func normalise(_ input: String) -> String? {
        let kept = input.uppercased().filter { $0 != " " && $0 != "-" }
        guard kept.count == codeLength, kept.allSatisfy({ alphabet.contains($0) }) else { return nil }
        return kept
    }

    /// The hex SHA-256 of the normalised code, for storage; nil when the input cannot be a code.
    public static func storageHash(of input: String) -> String? {
        guard let code = normalise(input) else { return nil }
        return SHA256.hash(data: Array(code.utf8)).map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }

    /// The index of the stored hash that `input` matches, comparing every stored hash in constant time.
    public static func matchIndex(of input: String, in storedHashes: [String]) -> Int? {
        guard let hash = storageHash(of: input) else { return nil }
        let typed = Array(hash.utf8)
        var found: Int?
        for (index, stored) in storedHashes.enumerated() where ConstantTime.equal(Array(stored.utf8), typed) {
            found = found ?? index
        }
        return found
    }
}
