import MentalizeCore
import Testing

/// Recovery codes: generation, normalisation, hashing and matching.
struct RecoveryCodesTests {
    @Test("ten codes of two groups of five unambiguous symbols, all different")
    func generation() {
        let codes = RecoveryCodes.generate()
        #expect(codes.count == 10)
        #expect(Set(codes).count == 10)
        for code in codes {
            #expect(code.count == 11 && Array(code)[5] == "-")
            #expect(code.filter { $0 != "-" }.allSatisfy { RecoveryCodes.alphabet.contains($0) })
            #expect(!code.contains { "01IO".contains($0) })
        }
    }

    @Test("input is normalised for case, spaces and dashes", arguments: ["k7m2q-xw9rt", " K7M2Q XW9RT ", "K7M-2QX-W9RT"])
    func normalisation(input: String) {
        #expect(RecoveryCodes.normalise(input) == "K7M2QXW9RT")
        #expect(RecoveryCodes.storageHash(of: input) == RecoveryCodes.storageHash(of: "K7M2Q-XW9RT"))
    }

    @Test("impossible input is rejected", arguments: ["", "K7M2Q-XW9R", "K7M2Q-XW9RTT", "K7M2Q-XW9R0", "K7M2Q_XW9RT"])
    func rejected(input: String) {
        #expect(RecoveryCodes.normalise(input) == nil)
        #expect(RecoveryCodes.matchIndex(of: input, in: []) == nil)
    }

    @Test("the storage hash is the hex SHA-256 of the normalised code")
    func hashValue() {
        // expected: SHA-256("K7M2QXW9RT") computed independently with Python's hashlib
        #expect(RecoveryCodes.storageHash(of: "k7m2q-xw9rt") == "6b1d2e223c246b986519f48b2ff0e5c53cf20a52422537d9cadaeb01b38793ef")
    }

    @Test("a typed code finds its stored hash; other codes do not")
    func matching() {
        // setup
        let codes = RecoveryCodes.generate()
        let stored = codes.compactMap { RecoveryCodes.storageHash(of: $0) }
        // verify
        #expect(stored.count == 10)
        #expect(RecoveryCodes.matchIndex(of: codes[3].lowercased(), in: stored) == 3)
        #expect(RecoveryCodes.matchIndex(of: codes[3], in: Array(stored.dropFirst(4))) == nil)
    }
}
