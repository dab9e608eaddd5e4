import Crypto
import Fluent
import Foundation
import MentalizeCore
import Vapor

/// TOTP second factor for one user: enrolment, code checks (a code is never accepted twice) and
/// single-use recovery codes. Secrets are sealed with the installation key; codes and recovery
/// attempts are throttled like passwords.
struct SecondFactor {
    let request: Request
    let userID: UUID

    enum Outcome: Equatable {
        case accepted
        case rejected
        case throttled
    }

    static let issuer = "Mentalize"

    private var cipher: FieldCipher {
        get throws {
            guard let key = request.application.storage[SecretKeyStorageKey.self] else { throw Abort(.internalServerError) }
            return FieldCipher(secretKey: key, purpose: "totp")
        }
    }

    func credential() async throws -> Credential {
        guard let credential = try await Credential.query(on: request.db).filter(\.$user.$id == userID).first() else {
            throw Abort(.unauthorized)
        }
        return credential
    }

    /// The secret being enrolled: the pending one, or a new one stored (sealed) until confirmed.
    func pendingSecret() async throws -> [UInt8] {
        let credential = try await credential()
        if credential.totpEnabledAt == nil, let sealed = credential.totpSecretSealed {
            return [UInt8](try cipher.open(sealed))
        }
        let secret = TOTP.generateSecret()
        credential.totpSecretSealed = try cipher.seal(Data(secret))
        credential.totpEnabledAt = nil
        try await credential.update(on: request.db)
        return secret
    }

    /// Checks a 6-digit code against the (pending or enabled) secret; on success records its step
    /// so the same code cannot be replayed, and enables TOTP if it was pending.
    func verify(code: String) async throws -> Outcome {
        let credential = try await credential()
        guard let sealed = credential.totpSecretSealed else { return .rejected }
        let (throttle, subjects) = throttled()
        if try await throttle.waitTime(for: subjects) > 0 { return .throttled }
        let totp = TOTP(secret: [UInt8](try cipher.open(sealed)))
        guard case .accepted(let step) = totp.verify(code, at: request.now, lastUsedStep: credential.totpLastStep) else {
            try await throttle.recordFailure(for: subjects)
            return .rejected
        }
        credential.totpLastStep = step
        if credential.totpEnabledAt == nil { credential.totpEnabledAt = request.now }
        try await credential.update(on: request.db)
        try await throttle.recordSuccess(for: subjects)
        return .accepted
    }

    /// Uses up one recovery code if it matches an unused one.
    func redeem(recoveryCode: String) async throws -> Outcome {
        let (throttle, subjects) = throttled()
        if try await throttle.waitTime(for: subjects) > 0 { return .throttled }
        let unused = try await RecoveryCode.query(on: request.db).filter(\.$user.$id == userID).filter(\.$usedAt == nil).all()
        guard let index = RecoveryCodes.matchIndex(of: recoveryCode, in: unused.map(\.codeHash)) else {
            try await throttle.recordFailure(for: subjects)
            return .rejected
        }
        unused[index].usedAt = request.now
        try await unused[index].update(on: request.db)
        try await throttle.recordSuccess(for: subjects)
        return .accepted
    }

    /// Code and recovery-code guesses share one back-off per user (and per address).
    private func throttled() -> (SignInThrottle, SignInThrottle.Subjects) {
        (SignInThrottle(database: request.db, now: request.now),
         SignInThrottle.Subjects(username: "second-factor:\(userID.uuidString)", address: request.clientAddress))
    }

    /// Replaces the user's recovery codes with new ones and returns them (shown once, stored hashed).
    func newRecoveryCodes() async throws -> [String] {
        let codes = RecoveryCodes.generate()
        try await request.db.transaction { db in
            try await RecoveryCode.query(on: db).filter(\.$user.$id == userID).delete()
            for code in codes {
                guard let hash = RecoveryCodes.storageHash(of: code) else { continue }
                try await RecoveryCode(userID: userID, codeHash: hash).create(on: db)
            }
        }
        return codes
    }
}
