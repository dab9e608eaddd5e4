import Fluent
import SQLKit
import Vapor

/// Puts every pooled SQLite connection in WAL mode and proves that every pooled connection runs with WAL,
/// `synchronous=FULL` and `foreign_keys=ON`; the server refuses to start otherwise.
///
/// Fluent's SQLite driver keeps one connection per event loop and turns foreign keys on for each;
/// WAL is stored in the file; `synchronous` defaults to FULL in the bundled SQLite build. So checking
/// the connection of every event loop checks every connection the server will use.
enum SQLiteDurability {
    /// How long a connection waits for another process's write lock before giving up.
    static let busyTimeoutMilliseconds = 10_000

    static func enforce(on app: Application) async throws {
        for eventLoop in app.eventLoopGroup.makeIterator() {
            guard let database = app.databases.database(logger: app.logger, on: eventLoop) else {
                throw ConfigurationError("no database is configured")
            }
            let inspector = try DatabaseInspector(database)
            _ = try await inspector.sql.raw("PRAGMA journal_mode = WAL").first()
            // Writers of this process queue in SQLiteWriterGate; this bounds the wait for another
            // process's write (a backup, a command) instead of the driver's endless retry.
            _ = try await inspector.sql.raw("PRAGMA busy_timeout = \(unsafeRaw: String(Self.busyTimeoutMilliseconds))").first()
            for pragma in SQLitePragma.allCases {
                let value = try await inspector.pragma(pragma).lowercased()
                guard value == pragma.required else {
                    throw ConfigurationError("SQLite connection has \(pragma.rawValue)=\(value), but Mentalize requires \(pragma.required); refusing to start")
                }
            }
        }
    }
}
