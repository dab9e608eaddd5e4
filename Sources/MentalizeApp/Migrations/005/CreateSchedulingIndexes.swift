import Fluent
import SQLKit

/// 005-11: indexes for the week view, caseload and calendars, so their cost follows the caseload
/// and not the size of the database.
struct CreateSchedulingIndexes: AsyncMigration {
    var name: String { "005-11-create-scheduling-indexes" }

    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("idx_session_series_therapist", SessionSeriesRecord.schema, ["therapist_id"]),
        ("idx_session_series_patient", SessionSeriesRecord.schema, ["patient_id"]),
        ("idx_session_series_group", SessionSeriesRecord.schema, ["group_id"]),
        ("idx_one_off_therapist", OneOffSessionRecord.schema, ["therapist_id", "starts_at"]),
        ("idx_one_off_patient", OneOffSessionRecord.schema, ["patient_id", "starts_at"]),
        ("idx_attendance_patient", AttendanceEntry.schema, ["patient_id", "session_start"]),
        ("idx_session_notes_author", SessionNoteRecord.schema, ["author_id", "state"]),
        ("idx_process_notes_session", ProcessNoteRecord.schema, ["source_id", "session_date"]),
        ("idx_group_memberships_patient", GroupMembershipRecord.schema, ["patient_id"]),
        ("idx_group_memberships_group", GroupMembershipRecord.schema, ["group_id"]),
        ("idx_caseload_therapist", CaseloadAssignmentRecord.schema, ["therapist_id"]),
    ]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes {
            var builder = sql.create(index: index.name).on(index.table)
            for column in index.columns { builder = builder.column(column) }
            try await builder.run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes {
            try await sql.drop(index: index.name).run()
        }
    }
}
