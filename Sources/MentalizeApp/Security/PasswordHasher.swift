import _CryptoExtras
import Crypto
import Foundation
import MentalizeCore
import NIOPosix

/// Hashes and verifies passwords with scrypt (N = 2^15, r = 8, p = 1, 16-byte salt, 32-byte key).
/// scrypt reads the whole password, so unlike bcrypt nothing after byte 72 is ignored. Hashing runs on
/// a thread pool, never on an event loop. Stored form: `scrypt$15$8$1$<salt b64>$<key b64>`.
struct PasswordHasher: Sendable {
    struct Parameters: Sendable, Equatable {
        var logN: Int
        var r: Int
        var p: Int

        static let standard = Parameters(logN: 15, r: 8, p: 1)
        /// Much cheaper, for tests only (the format and checks are the same).
        static let fastForTests = Parameters(logN: 10, r: 8, p: 1)
    }

    let parameters: Parameters

    init(parameters: Parameters = .standard) {
        self.parameters = parameters
    }

    func hash(_ password: String) async throws -> String {
        let salt = Data((0..<16).map { _ in UInt8.random(in: .min ... .max) })
        let key = try await derive(password, salt: salt, parameters: parameters)
        return ["scrypt", String(parameters.logN), String(parameters.r), String(parameters.p), salt.base64EncodedString(), key.base64EncodedString()]
            .joined(separator: "$")
    }

    /// True when `password` matches `stored`; false for a wrong password or a malformed hash.
    func verify(_ password: String, against stored: String) async throws -> Bool {
        let parts = stored.split(separator: "$").map(String.init)
        guard parts.count == 6, parts[0] == "scrypt",
              let logN = Int(parts[1]), let r = Int(parts[2]), let p = Int(parts[3]),
              (10...20).contains(logN), (1...16).contains(r), (1...4).contains(p),
              let salt = Data(base64Encoded: parts[4]), let expected = Data(base64Encoded: parts[5]) else {
            return false
        }
        let actual = try await derive(password, salt: salt, parameters: Parameters(logN: logN, r: r, p: p))
        return ConstantTime.equal([UInt8](actual), [UInt8](expected))
    }

    /// A hash of a random password, verified against when the account does not exist, so unknown
    /// and known users take the same time.
    static let decoy = "scrypt$15$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="

    private func derive(_ password: String, salt: Data, parameters: Parameters) async throws -> Data {
        try await NIOThreadPool.singleton.runIfActive {
            let key = try KDF.Scrypt.deriveKey(
                from: Data(password.utf8), salt: salt, outputByteCount: 32,
                rounds: 1 << parameters.logN, blockSize: parameters.r, parallelism: parameters.p,
                maxMemory: 256 * 1024 * 1024
            )
            return key.withUnsafeBytes { Data($0) }
        }
    }
}
