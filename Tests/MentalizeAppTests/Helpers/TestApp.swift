import Fluent
import FluentPostgresDriver
import Foundation
@testable import MentalizeApp
import SQLKit
import Vapor
import VaporTesting

/// The database the app tests run on: an SQLite file by default, PostgreSQL when `DATABASE_URL`
/// names one (each test then gets its own schema, so tests can run in parallel).
enum TestDatabase {
    static var postgresURL: String? {
        guard let url = ProcessInfo.processInfo.environment["DATABASE_URL"], url.hasPrefix("postgres") else { return nil }
        return url
    }

    /// A fresh, empty database location inside `directory`.
    static func makeLocation(in directory: URL) async throws -> AppConfiguration.DatabaseLocation {
        guard let url = postgresURL else {
            return .sqlite(path: directory.appendingPathComponent("test.sqlite").path)
        }
        let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        try await runOnPostgres(url) { try await $0.raw("CREATE SCHEMA \(ident: String(schema))").run() }
        return .postgres(url: url, searchPath: String(schema))
    }

    /// Removes what ``makeLocation(in:)`` created.
    static func drop(_ location: AppConfiguration.DatabaseLocation) async throws {
        guard case .postgres(let url, let schema?) = location else { return }
        try await runOnPostgres(url) { try await $0.raw("DROP SCHEMA \(ident: schema) CASCADE").run() }
    }

    private static func runOnPostgres(_ url: String, _ work: @escaping @Sendable (any SQLDatabase) async throws -> Void) async throws {
        let app = try await Application.make(.testing)
        do {
            app.databases.use(try .postgres(url: url), as: .psql)
            guard let sql = app.db as? any SQLDatabase else { throw Abort(.internalServerError) }
            try await work(sql)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}

/// The instant every app test's clock starts at, so no test depends on the day it runs:
/// `MENTALIZE_CLOCK_START` when set (to run the suite as on a chosen day: Christmas Eve, New Year's
/// Eve, 29 February, a daylight-saving Sunday), otherwise an ordinary Wednesday morning.
enum TestClock {
    static let start: Date = {
        let text = ProcessInfo.processInfo.environment["MENTALIZE_CLOCK_START"].flatMap { $0.isEmpty ? nil : $0 } ?? "2026-11-18T10:00:00Z"
        guard let date = try? AppClock.startInstant(text) else { fatalError("MENTALIZE_CLOCK_START '\(text)' is not an ISO 8601 instant") }
        return date
    }()
}

/// A throw-away data directory and database for one test.
struct TestEnvironment {
    let directory: URL
    var configuration: AppConfiguration

    static func make() async throws -> TestEnvironment {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mentalize-test-\(UUID().uuidString)")
        let location = try await TestDatabase.makeLocation(in: directory)
        var configuration = AppConfiguration(host: "127.0.0.1", port: 0, dataDirectory: directory, database: location)
        configuration.clockStart = TestClock.start
        return TestEnvironment(directory: directory, configuration: configuration)
    }

    func cleanUp() async {
        try? await TestDatabase.drop(configuration.database)
        try? FileManager.default.removeItem(at: directory)
    }

    /// Bootstraps the app exactly as `mentalize serve` does, without serving.
    func makeApp(options: AppBootstrap.Options = .init()) async throws -> Application {
        var options = options
        options.passwordHashing = .fastForTests
        return try await AppBootstrap.makeApplication(configuration, environment: .testing, options: options).0
    }
}

/// Runs `body` with a fully bootstrapped app on a fresh database, then shuts it down and removes
/// its data. The app is the one `mentalize serve` builds: same checks, migrations and routes.
func withTestApp(
    options: AppBootstrap.Options = .init(),
    _ body: (Application) async throws -> Void
) async throws {
    try await withTestApp(try await TestEnvironment.make(), options: options, body)
}

/// ``withTestApp(options:_:)`` in an environment the test has adjusted (its configuration).
func withTestApp(
    _ environment: TestEnvironment,
    options: AppBootstrap.Options = .init(),
    _ body: (Application) async throws -> Void
) async throws {
    let app: Application
    do {
        app = try await environment.makeApp(options: options)
    } catch {
        await environment.cleanUp()
        throw error
    }
    do {
        try await body(app)
    } catch {
        try? await app.asyncShutdown()
        await environment.cleanUp()
        throw error
    }
    try await app.asyncShutdown()
    await environment.cleanUp()
}

extension Application {
    /// A tester that talks to a real HTTP server on a free loopback port.
    func liveTester() throws -> any TestingApplicationTester {
        try testing(method: .running(hostname: "127.0.0.1", port: 0))
    }

    var sql: any SQLDatabase {
        get throws {
            guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError, reason: "not an SQL database") }
            return sql
        }
    }
}
