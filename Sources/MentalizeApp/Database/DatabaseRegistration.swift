import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Vapor

/// Registers the configured engine with Fluent. SQLite and PostgreSQL share every other code path.
enum DatabaseRegistration {
    static func register(_ location: AppConfiguration.DatabaseLocation, on app: Application) throws {
        switch location {
        case .sqlite(let path):
            app.databases.use(.sqlite(.file(path), sqlLogLevel: nil), as: .sqlite)
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
