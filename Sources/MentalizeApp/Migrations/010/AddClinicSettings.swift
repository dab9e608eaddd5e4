import Fluent
import Foundation

/// 010-01: what a real clinic sets at go-live: office hours (stored as ``OfficeHours`` text), the
/// out-of-hours instruction shown to patients, the installation's public address for links in
/// emails; and when the installation's clinic was founded (by `mentalize setup`, the first-run
/// page or the demo seed), which a second founding finds taken.
struct AddClinicSettings: AsyncMigration {
    var name: String { "010-01-add-clinic-settings" }

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        for column in ["office_hours", "out_of_hours_text", "public_url"] {
            try await database.schema(Clinic.schema).field(.definition(name: .key(.string(column)), dataType: .string, constraints: [])).update()
        }
        try await database.schema(Installation.schema).field("founded_at", .datetime).update()
        try await database.schema(UserAccount.schema).field("notification_opt_ins", .string).update()
        // An installation that already has its clinic (the demo, before this version) is founded.
        if try await Clinic.query(on: database).count() > 0 {
            try await Installation.query(on: database).set(\.$foundedAt, to: Date()).update()
        }
    }

    func revert(on database: any Database) async throws {
        for column in ["office_hours", "out_of_hours_text", "public_url"] {
            try await database.schema(Clinic.schema).deleteField(.string(column)).update()
        }
        try await database.schema(Installation.schema).deleteField("founded_at").update()
        try await database.schema(UserAccount.schema).deleteField("notification_opt_ins").update()
    }
}
