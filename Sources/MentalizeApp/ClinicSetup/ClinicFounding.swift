import Fluent
import Foundation
import MentalizeCore
import SQLKit

/// Creates the installation's clinic, its helplines and the first administrator, all in one
/// transaction, once: the founding is claimed by a conditional update of the installation row, so a
/// second `mentalize setup` (or a second first-run page, or the demo seed after either) is refused
/// even when two run at the same moment on two nodes.
struct ClinicFounding {
    let accounts: AccountService

    /// Why founding was refused.
    struct Refused: Error, CustomStringConvertible {
        let description: String
    }

    static var alreadyFounded: String { PageText.text("setup.error.alreadyFounded") }

    /// Creates everything; returns the administrator's account. Throws ``Refused`` or
    /// ``AccountService/Problem`` and writes nothing when anything is wrong. `alsoWithin` runs in the
    /// same transaction first (the first-run page uses its one-time link up there).
    @discardableResult
    func found(_ request: ClinicFoundingRequest, adminPassword: String, alsoWithin: @escaping @Sendable (any Database) async throws -> Void = { _ in }) async throws -> UserAccount {
        if let problem = request.problems.first { throw Refused(description: problem) }
        guard try await !Self.isFounded(accounts.database) else { throw Refused(description: Self.alreadyFounded) }
        let clinic = Clinic(id: UUID(), name: request.clinicName.trimmingCharacters(in: .whitespacesAndNewlines), timeZone: request.timeZone, country: request.country.uppercased(),
                            locale: request.locale ?? LanguageNegotiation.fallback)
        clinic.defaultLanguage = request.locale
        clinic.publicURL = request.publicURL.isEmpty ? nil : PublicAddress.normalised(request.publicURL)
        let admin = try await accounts.checkedNewAccount(clinicID: try clinic.requireID(), username: request.adminEmail, displayName: request.adminName, roles: ["admin"], password: adminPassword)
        try await accounts.database.transaction { db in
            try await alsoWithin(db)
            guard try await Self.claim(db, now: accounts.now) else { throw Refused(description: Self.alreadyFounded) }
            try await clinic.create(on: db)
            for (position, line) in request.helplines.enumerated() {
                try await Helpline(clinicID: try clinic.requireID(), name: line.name, phone: line.number, hours: line.hours, position: position).create(on: db)
            }
            try await admin.insert(on: db)
        }
        return admin.account
    }

    /// Whether the installation has a clinic (founded by setup, the first-run page or the demo).
    static func isFounded(_ database: any Database) async throws -> Bool {
        try await ClinicQueries(database: database).first() != nil
    }

    /// Marks the installation founded if nothing founded it before; false when something did.
    static func claim(_ database: any Database, now: Date) async throws -> Bool {
        guard let sql = database as? any SQLDatabase else { return false }
        let rows = try await sql.update(Installation.schema).set("founded_at", to: now)
            .where("founded_at", .is, SQLLiteral.null)
            .returning("id").all()
        return !rows.isEmpty
    }
}
