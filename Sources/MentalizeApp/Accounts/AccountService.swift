import Fluent
import Foundation
import MentalizeCore
import Vapor

/// Creating and changing accounts (used by `mentalize user ...` and the admin pages). Passwords must
/// pass the core ``PasswordPolicy``: length, the common-password blocklist, not the person's details.
struct AccountService {
    let database: any Database
    let hasher: PasswordHasher
    let passwordPolicy: PasswordPolicy
    let now: Date

    /// A problem with what was asked, in words for the person asking.
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    static let knownRoles: Set<String> = ["patient", "therapist", "supervisor", "programmeLead", "admin"]
    /// The longest display name: names appear in tables, lists and headers across the app.
    static let displayNameLimit = 100

    /// An account checked and its password hashed, not yet stored: ``insert(on:)`` stores it, inside
    /// whatever transaction the caller is in (first-run setup creates the clinic in the same one).
    struct NewAccount {
        let account: UserAccount
        let passwordHash: String
        let createdAt: Date
        /// The patient record a patient's account belongs to.
        let patientID: UUID?

        func insert(on db: any Database) async throws {
            try await account.create(on: db)
            try await Credential(userID: try account.requireID(), passwordHash: passwordHash, passwordChangedAt: createdAt).create(on: db)
            if let patientID, !(try await PatientAccountStore(database: db).link(patientID: patientID, to: try account.requireID())) {
                throw Problem(description: PatientAccountStore.alreadyLinked)
            }
        }
    }

    /// `pendingRoles` are clinical roles proposed for a second person's approval (``RoleApprovals``):
    /// they are checked here but not held until approved.
    @discardableResult
    func create(clinicID: UUID, username: String, displayName: String, roles: [String], pendingRoles: [String] = [], patientID: UUID? = nil, password: String) async throws -> UserAccount {
        let new = try await checkedNewAccount(clinicID: clinicID, username: username, displayName: displayName, roles: roles, pendingRoles: pendingRoles, patientID: patientID, password: password)
        try await database.transaction { db in try await new.insert(on: db) }
        return new.account
    }

    /// Checks everything about a new account (name, roles, password rules, a free username) and
    /// hashes its password; nothing is written. A patient's account names its patient record, which
    /// must have no account yet; a patient account holds no other role.
    func checkedNewAccount(clinicID: UUID, username: String, displayName: String, roles: [String], pendingRoles: [String] = [], patientID: UUID? = nil, password: String) async throws -> NewAccount {
        let username = username.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard !username.isEmpty, username.count <= 254 else { throw Problem(description: PageText.text("account.error.usernameLength")) }
        guard ContactChecks.isEmail(username) else {
            throw Problem(description: PageText.text("account.error.usernameNotEmail"))
        }
        let displayName = displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !displayName.isEmpty else { throw Problem(description: PageText.text("account.error.displayNameEmpty")) }
        guard displayName.count <= Self.displayNameLimit else {
            throw Problem(description: PageText.text("account.error.displayNameLength", ["limit": String(Self.displayNameLimit)]))
        }
        guard !(roles + pendingRoles).isEmpty, (roles + pendingRoles).allSatisfy(Self.knownRoles.contains) else {
            throw Problem(description: Self.unknownRolesText)
        }
        try await PatientAccountStore(database: database).check(roles: roles + pendingRoles, patientID: patientID, clinicID: clinicID)
        try checkPassword(password, username: username, displayName: displayName, totpEnabled: false)
        if try await AccountQueries(database: database).account(named: username) != nil {
            throw Problem(description: PageText.text("account.error.exists", ["username": username]))
        }
        let hash = try await hasher.hash(password)
        return NewAccount(account: UserAccount(clinicID: clinicID, username: username, displayName: displayName, roles: roles), passwordHash: hash, createdAt: now, patientID: patientID)
    }

    /// Sets a new password and ends every session of the account; `alsoWithin` runs first in the
    /// same transaction (a reset link is used up there). The second factor is kept.
    func setPassword(username: String, password: String, alsoWithin: @escaping @Sendable (any Database) async throws -> Void = { _ in }) async throws {
        let account = try await find(username)
        let totpEnabled = try await AccountQueries(database: database).credential(of: account.requireID())?.totpEnabledAt != nil
        try checkPassword(password, username: account.username, displayName: account.displayName, totpEnabled: totpEnabled)
        let hash = try await hasher.hash(password)
        let id = try account.requireID()
        let now = self.now
        try await database.transaction { db in
            try await alsoWithin(db)
            if let credential = try await AccountQueries(database: db).credential(of: id) {
                credential.passwordHash = hash
                credential.passwordChangedAt = now
                try await credential.update(on: db)
            } else {
                try await Credential(userID: id, passwordHash: hash, passwordChangedAt: now).create(on: db)
            }
            try await AccountQueries(database: db).endSessions(of: id)
        }
    }

    /// Replaces an account's roles; its sessions end so the new roles apply at the next sign-in.
    func setRoles(username: String, roles: [String]) async throws {
        guard !roles.isEmpty, roles.allSatisfy(Self.knownRoles.contains) else {
            throw Problem(description: Self.unknownRolesText)
        }
        let account = try await find(username)
        let id = try account.requireID()
        try await database.transaction { db in
            account.roles = Array(Set(roles)).sorted().joined(separator: ",")
            try await account.update(on: db)
            try await AccountQueries(database: db).endSessions(of: id)
        }
    }

    /// Disables an account and ends all its sessions at once.
    func disable(username: String) async throws {
        let account = try await find(username)
        let id = try account.requireID()
        try await database.transaction { db in
            account.disabledAt = now
            try await account.update(on: db)
            try await AccountQueries(database: db).endSessions(of: id)
        }
    }

    /// Enables a disabled account again; the person signs in afresh with their existing password.
    func enable(username: String) async throws {
        let account = try await find(username)
        account.disabledAt = nil
        try await account.update(on: database)
    }

    /// Says which roles an account can hold (the role names as typed, such as programmeLead).
    private static var unknownRolesText: String {
        PageText.text("account.error.roles", ["roles": knownRoles.sorted().joined(separator: ", ")])
    }

    private func checkPassword(_ password: String, username: String, displayName: String, totpEnabled: Bool) throws {
        let problems = passwordPolicy.problems(password: password, totpEnabled: totpEnabled, name: displayName, email: username)
        guard problems.isEmpty else { throw Problem(description: problems.map(PasswordProblemText.text).joined(separator: " ")) }
    }

    func all() async throws -> [UserAccount] {
        try await AccountQueries(database: database).all()
    }

    /// The clinic new accounts join (Mentalize runs one clinic per installation for now).
    func onlyClinicID() async throws -> UUID {
        guard let clinic = try await ClinicQueries(database: database).first() else {
            throw Problem(description: PageText.text("account.error.noClinic"))
        }
        return try clinic.requireID()
    }

    func find(_ username: String) async throws -> UserAccount {
        let name = username.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard let account = try await AccountQueries(database: database).account(named: name) else {
            throw Problem(description: PageText.text("account.error.noAccount", ["username": name]))
        }
        return account
    }
}
