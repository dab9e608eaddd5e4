import Fluent
import MentalizeCore
import Vapor

/// Checks a username and password: throttling first, then the password (or a decoy hash for
/// unknown and disabled accounts, so timing does not tell them apart).
struct PasswordSignIn {
    enum Outcome {
        case accepted(UserAccount)
        case rejected
        case throttled
    }

    let request: Request

    func attempt(username: String, password: String) async throws -> Outcome {
        let throttle = SignInThrottle(database: request.db, now: request.now)
        let subjects = SignInThrottle.Subjects(username: username, address: request.clientAddress)
        if try await throttle.waitTime(for: subjects) > 0 {
            return .throttled
        }
        let user = try await UserAccount.query(on: request.db).filter(\.$username == username).first()
        let credential = try await user.flatMap { try $0.requireID() }.asyncMap { id in
            try await Credential.query(on: request.db).filter(\.$user.$id == id).first()
        } ?? nil
        let hasher = request.application.passwordHasher
        let matches = try await hasher.verify(password, against: credential?.passwordHash ?? PasswordHasher.decoy)
        guard matches, let user, user.disabledAt == nil else {
            try await throttle.recordFailure(for: subjects)
            request.logger.info("sign-in failed")
            return .rejected
        }
        try await throttle.recordSuccess(for: subjects)
        return .accepted(user)
    }
}

extension Optional {
    /// `map` with an async transform.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}

struct PasswordPolicyKey: StorageKey {
    typealias Value = PasswordPolicy
}

extension Application {
    /// The password rules with the bundled common-password blocklist (loaded once at start-up).
    var passwordPolicy: PasswordPolicy {
        get throws {
            guard let policy = storage[PasswordPolicyKey.self] else { throw Abort(.internalServerError, reason: "password policy not loaded") }
            return policy
        }
    }
}

struct PasswordHasherKey: StorageKey {
    typealias Value = PasswordHasher
}

extension Application {
    /// The password hasher (tests install cheaper parameters).
    var passwordHasher: PasswordHasher {
        get { storage[PasswordHasherKey.self] ?? PasswordHasher() }
        set { storage[PasswordHasherKey.self] = newValue }
    }
}
