import Crypto
import Foundation

/// The installation's secret key: 256 random bits in a 0600 file in the data directory. It protects
/// sessions and encrypted fields, so losing it with existing data must stop the server, never be
/// papered over with a new key.
struct SecretKeyStore: Sendable {
    static let fileName = "secret.key"
    let file: URL

    /// Reads the key, or creates it when `mayCreate` is true (a new, empty installation).
    func loadOrCreate(mayCreate: Bool) throws -> SymmetricKey {
        let fm = FileManager.default
        if fm.fileExists(atPath: file.path) {
            return try load()
        }
        guard mayCreate else {
            throw ConfigurationError("the secret key \(file.path) is missing but the database already holds data: restore the key file from your backup (a new key cannot read existing data)")
        }
        let key = SymmetricKey(size: .bits256)
        let text = key.withUnsafeBytes { Data($0).base64EncodedString() } + "\n"
        guard fm.createFile(atPath: file.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw ConfigurationError("cannot write the secret key \(file.path): check the data directory's permissions")
        }
        return key
    }

    private func load() throws -> SymmetricKey {
        let attributes = try? FileManager.default.attributesOfItem(atPath: file.path)
        if let mode = attributes?[.posixPermissions] as? Int, mode & 0o077 != 0 {
            throw ConfigurationError("the secret key \(file.path) is readable by other users: run `chmod 600 \(file.path)`")
        }
        guard let data = FileManager.default.contents(atPath: file.path),
              let text = String(data: data, encoding: .utf8),
              let bytes = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)),
              bytes.count == 32 else {
            throw ConfigurationError("the secret key \(file.path) is unreadable or damaged: restore it from your backup")
        }
        return SymmetricKey(data: bytes)
    }

    /// A value that identifies the key without revealing it, stored in the database so that a
    /// node started with the wrong key refuses to run.
    static func fingerprint(of key: SymmetricKey) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("mentalize key check v1".utf8), using: key)
        return mac.map { String(format: "%02x", $0) }.joined()
    }
}
