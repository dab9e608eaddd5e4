import Fluent
import Foundation

/// Queries over emergency (break-glass) grants, for the people who review them.
struct EmergencyAccessQueries {
    let database: any Database

    /// Grants made since `since`, newest first, with who was granted and for which patient.
    func grants(since: Date, limit: Int) async throws -> [BreakGlassGrantRecord] {
        try await BreakGlassGrantRecord.query(on: database).filter(\.$grantedAt >= since).sort(\.$grantedAt, .descending).with(\.$user).with(\.$patient).limit(limit).all()
    }
}
