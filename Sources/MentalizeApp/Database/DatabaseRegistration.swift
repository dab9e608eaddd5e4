import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Vapor

/// Registers the configured engine with Fluent. SQLite and PostgreSQL share every other code path.
enum DatabaseRegistration {
    /// `writeWait` bounds how long an SQLite write queues behind others before it gives up.
    static func register(_ location: AppConfiguration.DatabaseLocation, writeWait: Duration, on app: Application) throws {
        switch location {
        case .sqlite(let path):
            app.databases.use(.sqliteSingleWriter(path: path, maximumWait: writeWait), as: .sqlite)
        case .postgres(let url, let searchPath):
            var configuration: SQLPostgresConfiguration
            do {
                configuration = try SQLPostgresConfiguration(url: url)
            } catch {
                throw ConfigurationError("the database URL \(ConfigurationResolver.redacted(url)) is not a valid postgres:// URL")
            }
            configuration.searchPath = searchPath.map { [$0] }
            app.databases.use(
                .postgres(configuration: configuration, maxConnectionsPerEventLoop: 4, connectionPoolTimeout: .seconds(10), sqlLogLevel: .trace),
                as: .psql
            )
        }
    }
}
