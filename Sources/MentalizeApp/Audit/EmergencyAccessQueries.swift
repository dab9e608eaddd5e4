import Fluent
import FluentSQL
import Foundation
import SQLKit

/// Queries over emergency (break-glass) grants, for the people who review them.
struct EmergencyAccessQueries {
    let database: any Database

    /// Patients with this family name (case folded) and date of birth, matched in SQL, never by
    /// fetching everyone born that day: lower() folds ASCII case on SQLite and all case on PostgreSQL.
    func patients(familyName: String, dateOfBirth: String, limit: Int) async throws -> [Patient] {
        try await Patient.query(on: database)
            .filter(\.$dateOfBirth == dateOfBirth)
            .filter(.sql(SQLBinaryExpression(SQLFunction("lower", args: SQLColumn("family_name")), .equal, SQLFunction("lower", args: SQLBind(familyName)))))
            .limit(limit)
            .all()
    }

    /// Grants made since `since`, newest first, with who was granted and for which patient.
    func grants(since: Date, limit: Int) async throws -> [BreakGlassGrantRecord] {
        try await BreakGlassGrantRecord.query(on: database).filter(\.$grantedAt >= since).sort(\.$grantedAt, .descending).with(\.$user).with(\.$patient).limit(limit).all()
    }

    /// The grants of these people to these patients (the break-glass events on one audit page).
    func grants(users: [UUID], patients: [UUID]) async throws -> [BreakGlassGrantRecord] {
        guard !users.isEmpty, !patients.isEmpty else { return [] }
        return try await BreakGlassGrantRecord.query(on: database).filter(\.$user.$id ~~ users).filter(\.$patient.$id ~~ patients).all()
    }
}
