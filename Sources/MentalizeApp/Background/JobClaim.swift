import Fluent
import Foundation
import SQLKit

/// Claims a job for one run with a conditional update: only the node whose update moves the
/// job's last run from "due" to now gets a row back, on SQLite and PostgreSQL alike.
struct JobClaim {
    let database: any SQLDatabase
    let node: String

    func claim(_ name: String, interval: TimeInterval, now: Date) async throws -> Bool {
        try await database.insert(into: BackgroundJobRecord.schema)
            .columns("name", "last_run_at", "holder")
            .values(SQLBind(name), SQLBind(Date(timeIntervalSince1970: 0)), SQLBind(""))
            .ignoringConflicts(with: "name")
            .run()
        let claimed = try await database.update(BackgroundJobRecord.schema)
            .set("last_run_at", to: now).set("holder", to: node)
            .where("name", .equal, name).where("last_run_at", .lessThanOrEqual, now.addingTimeInterval(-interval))
            .returning("name").all()
        return !claimed.isEmpty
    }
}
