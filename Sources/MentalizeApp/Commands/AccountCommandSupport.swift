import Fluent
import Foundation
import Vapor

/// Opens the database like `serve` does (checks and migrations), runs `body`, and reports problems in one line.
func withAccounts(_ storage: StorageOptions, _ body: (AccountService) async throws -> Void) async throws {
    try await runReportingErrors {
        let configuration = try ConfigurationResolver().resolve(host: nil, port: nil, dataDirectory: storage.dataDirectory, databaseURL: storage.databaseURL)
        LoggingSetup.bootstrap(levelName: "warning")
        let (app, _) = try await AppBootstrap.makeApplication(configuration, environment: AppRunner.productionEnvironment)
        do {
            try await body(AccountService(database: app.db, hasher: app.passwordHasher, passwordPolicy: try app.passwordPolicy, now: app.clock.now()))
        } catch let problem as AccountService.Problem {
            try? await app.asyncShutdown()
            throw ConfigurationError(problem.description)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}


/// Opens the database like `serve` does (checks and migrations), runs `body` with the application,
/// and reports configuration problems in one line.
func withStoredApplication(_ storage: StorageOptions, _ body: (Application) async throws -> Void) async throws {
    try await runReportingErrors {
        let configuration = try ConfigurationResolver().resolve(host: nil, port: nil, dataDirectory: storage.dataDirectory, databaseURL: storage.databaseURL)
        LoggingSetup.bootstrap(levelName: "warning")
        let (app, _) = try await AppBootstrap.makeApplication(configuration, environment: AppRunner.productionEnvironment)
        do {
            try await body(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
