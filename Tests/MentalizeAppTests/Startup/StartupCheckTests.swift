import Fluent
import Foundation
@testable import MentalizeApp
import SQLKit
import Testing
import Vapor

/// The server refuses to start, with one clear line and without writing, when the data is not safe to use.
@Suite struct StartupCheckTests {
    /// Runs `body` with an environment whose database has been migrated once, then shut down.
    private func withMigratedEnvironment(_ body: (TestEnvironment) async throws -> Void) async throws {
        let environment = try await TestEnvironment.make()
        do {
            let app = try await environment.makeApp()
            try await app.asyncShutdown()
            try await body(environment)
        } catch {
            await environment.cleanUp()
            throw error
        }
        await environment.cleanUp()
    }

    private func expectRefusal(_ environment: TestEnvironment, mentioning phrase: String) async throws {
        let error = await #expect(throws: ConfigurationError.self) {
            _ = try await environment.makeApp()
        }
        let message = try #require(error).message
        #expect(message.contains(phrase), "message was: \(message)")
        #expect(!message.contains("\n"))
    }

    @Test func aFirstStartCreatesAPrivateSecretKey() async throws {
        try await withMigratedEnvironment { environment in
            let keyFile = environment.directory.appendingPathComponent("secret.key")
            let attributes = try FileManager.default.attributesOfItem(atPath: keyFile.path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
            let text = try String(contentsOf: keyFile, encoding: .utf8)
            #expect(Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines))?.count == 32)
        }
    }

    @Test func aMissingKeyWithExistingDataStopsTheServerAndNoNewKeyIsMade() async throws {
        try await withMigratedEnvironment { environment in
            let keyFile = environment.directory.appendingPathComponent("secret.key")
            try FileManager.default.removeItem(at: keyFile)
            try await expectRefusal(environment, mentioning: "missing")
            #expect(!FileManager.default.fileExists(atPath: keyFile.path))
        }
    }

    @Test func aDamagedKeyStopsTheServer() async throws {
        try await withMigratedEnvironment { environment in
            let keyFile = environment.directory.appendingPathComponent("secret.key")
            try Data("not a key\n".utf8).write(to: keyFile)
            try await expectRefusal(environment, mentioning: "damaged")
        }
    }

    @Test func aKeyFromAnotherInstallationStopsTheServer() async throws {
        try await withMigratedEnvironment { environment in
            let keyFile = environment.directory.appendingPathComponent("secret.key")
            let other = Data((0..<32).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
            try Data(other.utf8).write(to: keyFile)
            try await expectRefusal(environment, mentioning: "does not belong to this database")
        }
    }

    @Test func aKeyReadableByOthersStopsTheServer() async throws {
        try await withMigratedEnvironment { environment in
            let keyFile = environment.directory.appendingPathComponent("secret.key")
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: keyFile.path)
            try await expectRefusal(environment, mentioning: "chmod 600")
        }
    }

    @Test(arguments: [0o755, 0o750, 0o701])
    func aDataDirectoryOthersCanOpenStopsTheServer(mode: Int) async throws {
        try await withMigratedEnvironment { environment in
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: environment.directory.path)
            try await expectRefusal(environment, mentioning: "chmod 700")
        }
    }

    @Test func aDatabaseFromANewerVersionStopsTheServerWithoutWriting() async throws {
        try await withMigratedEnvironment { environment in
            // setup: record a migration this binary does not know
            let app = try await environment.makeApp(options: .init(migrate: false))
            try await app.sql.raw("INSERT INTO _fluent_migrations (id, name, batch, created_at, updated_at) VALUES (\(bind: UUID()), \(bind: "999-01-from-the-future"), 2, NULL, NULL)").run()
            let before = try await app.sql.raw("SELECT count(*) AS n FROM _fluent_migrations").first()?.decode(column: "n", as: Int.self)
            try await app.asyncShutdown()
            // act / verify
            try await expectRefusal(environment, mentioning: "newer version")
            let check = try await environment.makeAppIgnoringNewerMigrations()
            let after = try await check.sql.raw("SELECT count(*) AS n FROM _fluent_migrations").first()?.decode(column: "n", as: Int.self)
            try await check.asyncShutdown()
            #expect(before == after)
        }
    }

    @Test func aDataDirectoryThatIsAFileIsRefused() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mentalize-file-\(UUID().uuidString)")
        try Data("x".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let configuration = AppConfiguration(host: "127.0.0.1", port: 0, dataDirectory: file, database: .sqlite(path: file.appendingPathComponent("db.sqlite").path))
        let error = await #expect(throws: ConfigurationError.self) {
            _ = try await AppBootstrap.makeApplication(configuration, environment: .testing)
        }
        #expect(error?.message.contains("not a folder") == true || error?.message.contains("cannot create") == true)
    }

    @Test func anUnreachablePostgreSQLServerIsReportedInOneLine() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mentalize-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let configuration = AppConfiguration(host: "127.0.0.1", port: 0, dataDirectory: directory, database: .postgres(url: "postgres://someone:hunter2@127.0.0.1:1/mentalize", searchPath: nil))
        let error = await #expect(throws: ConfigurationError.self) {
            _ = try await AppBootstrap.makeApplication(configuration, environment: .testing)
        }
        let message = try #require(error).message
        #expect(message.contains("cannot reach the PostgreSQL database"))
        #expect(!message.contains("hunter2"), "the password is never printed")
        #expect(!FileManager.default.fileExists(atPath: directory.path), "nothing was written")
    }

    @Test func everySQLiteConnectionRunsWithWALFullSyncAndForeignKeys() async throws {
        guard TestDatabase.postgresURL == nil else { return }
        try await withTestApp { app in
            for eventLoop in app.eventLoopGroup.makeIterator() {
                let database = try #require(app.databases.database(logger: app.logger, on: eventLoop))
                let inspector = try DatabaseInspector(database)
                #expect(try await inspector.pragma(.journalMode) == "wal")
                #expect(try await inspector.pragma(.synchronous) == "2")
                #expect(try await inspector.pragma(.foreignKeys) == "1")
            }
        }
    }

    @Test func foreignKeysAreEnforced() async throws {
        try await withTestApp { app in
            let orphan = Patient(clinicID: UUID(), givenName: "Orphan", familyName: "Record", dateOfBirth: "2000-01-01", phase: "referral", userID: nil)
            await #expect(throws: (any Error).self) {
                try await orphan.create(on: app.db)
            }
        }
    }

    @Test func migrationsRevertAndReapplyCleanly() async throws {
        try await withTestApp { app in
            try await app.migrator.revertAllBatches().get()
            #expect(try await DatabaseInspector(app.db).tableExists("patients") == false)
            try await app.migrator.prepareBatch().get()
            #expect(try await DatabaseInspector(app.db).tableExists("patients"))
        }
    }
}

extension TestEnvironment {
    /// Opens the database without the version check, to look at it after a refusal.
    func makeAppIgnoringNewerMigrations() async throws -> Application {
        let app = try await Application.make(.testing)
        try DatabaseRegistration.register(configuration.database, writeWait: .seconds(configuration.writeWaitSeconds), on: app)
        return app
    }
}
