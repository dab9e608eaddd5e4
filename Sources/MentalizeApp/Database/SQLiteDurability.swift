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
    static func enforce(on app: Application) async throws {
        for eventLoop in app.eventLoopGroup.makeIterator() {
            guard let database = app.databases.database(logger: app.logger, on: eventLoop) else {
                throw ConfigurationError("no database is configured")
            }
            let inspector = try DatabaseInspector(database)
            _ = try await inspector.sql.raw("PRAGMA journal_mode = WAL").first()
            for pragma in SQLitePragma.allCases {
                let value = try await inspector.pragma(pragma).lowercased()
                guard value == pragma.required else {
                    throw ConfigurationError("SQLite connection has \(pragma.rawValue)=\(value), but Mentalize requires \(pragma.required); refusing to start")
                }
            }
        }
    }
}
