/// A first password made for a person who did not choose one: 24 characters from an alphabet
/// without look-alikes (no 0/o, 1/l/i), in groups of four, about 118 bits of randomness.
enum GeneratedPassword {
    private static let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")

    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let groups = (0..<6).map { _ in String((0..<4).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }) }
        return groups.joined(separator: "-")
    }
}
