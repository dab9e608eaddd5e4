import Crypto
import Vapor

/// Where the loaded secret key lives for the rest of the application.
struct SecretKeyStorageKey: StorageKey {
    typealias Value = SymmetricKey
}
