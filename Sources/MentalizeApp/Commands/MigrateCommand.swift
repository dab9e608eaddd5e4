import ArgumentParser
import Foundation
import Vapor

/// `mentalize migrate`: applies pending migrations and reports what ran.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply pending database migrations and report what ran."
    )

    @OptionGroup var storage: StorageOptions

    func run() async throws {
        try await runReportingErrors {
            let configuration = try ConfigurationResolver().resolve(host: nil, port: nil, dataDirectory: storage.dataDirectory, databaseURL: storage.databaseURL)
            LoggingSetup.bootstrap(levelName: "warning")
            let (app, report) = try await AppBootstrap.makeApplication(configuration, environment: AppRunner.productionEnvironment)
            try await app.asyncShutdown()
            if report.migrationsRun.isEmpty {
                print("The database is up to date; no migrations to run.")
            } else {
                print("Applied \(report.migrationsRun.count) migration(s):")
                report.migrationsRun.forEach { print("  \($0)") }
            }
        }
    }
}
