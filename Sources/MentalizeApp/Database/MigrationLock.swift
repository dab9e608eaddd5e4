import Fluent
import SQLKit

/// Serialises migrations and demo seeding between app nodes that start at once against one
/// PostgreSQL (a session-level advisory lock on one held connection). SQLite needs no lock: one
/// process owns the file's writes and the work runs in one task.
enum MigrationLock {
    /// An arbitrary, fixed lock number for Mentalize's schema changes.
    static let key = 7_265_123_001

    static func withLock<T: Sendable>(on database: any Database, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" else {
            return try await work()
        }
        return try await database.withConnection { connection in
            guard let held = connection as? any SQLDatabase else { return try await work() }
            _ = try await held.raw("SELECT pg_advisory_lock(\(bind: key))").all()
            let result: T
            do {
                result = try await work()
            } catch {
                _ = try? await held.raw("SELECT pg_advisory_unlock(\(bind: key))").all()
                throw error
            }
            _ = try await held.raw("SELECT pg_advisory_unlock(\(bind: key))").all()
            return result
        }
    }
}
