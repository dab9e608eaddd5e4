import Crypto
import Foundation

/// Seals small secrets stored in the database (TOTP secrets, later process notes) with AES-256-GCM,
/// under a key derived from the installation's secret key with HKDF (so the raw key is used for
/// nothing else). Sealed form: base64 of nonce || ciphertext || tag.
struct FieldCipher: Sendable {
    private let key: SymmetricKey

    init(secretKey: SymmetricKey, purpose: String) {
        self.key = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: secretKey,
            info: Data("mentalize field encryption v1: \(purpose)".utf8),
            outputByteCount: 32
        )
    }

    func seal(_ plaintext: Data) throws -> String {
        guard let combined = try AES.GCM.seal(plaintext, using: key).combined else { throw CipherError.sealFailed }
        return combined.base64EncodedString()
    }

    func open(_ sealed: String) throws -> Data {
        guard let data = Data(base64Encoded: sealed) else { throw CipherError.malformed }
        return try AES.GCM.open(AES.GCM.SealedBox(combined: data), using: key)
    }

    enum CipherError: Error {
        case sealFailed
        case malformed
    }
}
