import Crypto
import Vapor

/// Where the loaded secret key lives for the rest of the application.
struct SecretKeyStorageKey: StorageKey {
    typealias Value = SymmetricKey
}

extension Application {
    /// The installation's secret key, loaded at start-up.
    var secretKey: SymmetricKey {
        get throws {
            guard let key = storage[SecretKeyStorageKey.self] else { throw Abort(.internalServerError, reason: "the secret key is not loaded") }
            return key
        }
    }
}
