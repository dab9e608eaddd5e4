import ArgumentParser
import Crypto
import Fluent
import Foundation
import Vapor

/// `mentalize backup --out FILE`: writes every table to one file sealed with the installation's
/// secret key (see ``BackupFormat``); safe while the server runs. Works on SQLite and PostgreSQL.
/// Backups and restores are written to the audit log as the operator's (``OperatorAudit``).
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a backup of the database, sealed with the installation's secret key.",
        discussion: "Keep a copy of secret.key apart from the backups: a backup opens only with the key it was made with."
    )

    @OptionGroup var storage: StorageOptions

    @ArgumentParser.Option(name: .customLong("out"), help: "The file to write (must not exist yet).")
    var output: String

    func run() async throws {
        try await runReportingErrors {
            let url = URL(fileURLWithPath: output)
            let (app, key) = try await BackupCommandSupport.open(storage)
            do {
                guard !FileManager.default.fileExists(atPath: url.path) else { throw BackupError.exists(url.path) }
                // Recorded first, so the backup holds its own audit entry and no export goes unrecorded.
                try await OperatorAudit.recordBackup(to: url, on: app)
                let writer = BackupWriter(database: app.db, secretKey: key, migrations: try await DatabaseInspector(app.db).appliedMigrations(), now: app.clock.now())
                let counts = try await writer.write(to: url)
                try await app.asyncShutdown()
                print("Backup written to \(url.path): \(counts.values.reduce(0, +)) rows in \(counts.count) tables.")
            } catch {
                try? await app.asyncShutdown()
                throw BackupCommandSupport.operatorError(error)
            }
        }
    }
}

/// `mentalize restore FILE`: checks the whole backup, then replaces the database's contents with it.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a backup into this installation's database (SQLite or PostgreSQL).",
        discussion: "Put the secret.key of the installation the backup came from into the data directory first. The target must be new (no accounts or patients) unless --replace-existing-data is given."
    )

    @OptionGroup var storage: StorageOptions

    @ArgumentParser.Argument(help: "The backup file.")
    var file: String

    @ArgumentParser.Flag(name: .customLong("replace-existing-data"), help: "Replace a database that already holds data (its current contents are lost).")
    var replaceExistingData = false

    @ArgumentParser.Flag(name: .customLong("check"), help: "Only check the backup (key, order, completeness) and print what it holds; change nothing.")
    var checkOnly = false

    func run() async throws {
        try await runReportingErrors {
            let url = URL(fileURLWithPath: file)
            let configuration = try ConfigurationResolver().resolve(host: nil, port: nil, dataDirectory: storage.dataDirectory, databaseURL: storage.databaseURL)
            let keyFile = configuration.dataDirectory.appendingPathComponent(SecretKeyStore.fileName)
            guard FileManager.default.fileExists(atPath: keyFile.path) else {
                throw ConfigurationError("\(keyFile.path) is missing: copy the secret.key of the installation the backup came from there first")
            }
            let (app, key) = try await BackupCommandSupport.open(storage)
            do {
                let restorer = BackupRestorer(database: app.db, secretKey: key, appliedMigrations: Set(try await DatabaseInspector(app.db).appliedMigrations()))
                if checkOnly {
                    let counts = try await restorer.verify(url)
                    try await app.asyncShutdown()
                    print("The backup \(url.path) is complete and opens with this key: \(counts.values.reduce(0, +)) rows in \(counts.count) tables.")
                    counts.sorted { $0.key < $1.key }.forEach { print("  \($0.key): \($0.value)") }
                    return
                }
                let counts = try await restorer.restore(from: url, replacingExistingData: replaceExistingData)
                // Appended to the restored chain, so the log says when its contents were replaced.
                try await OperatorAudit.recordRestore(from: url, on: app)
                try await app.asyncShutdown()
                print("Restored \(counts.values.reduce(0, +)) rows in \(counts.count) tables from \(url.path).")
            } catch {
                try? await app.asyncShutdown()
                throw BackupCommandSupport.operatorError(error)
            }
        }
    }
}

/// Opening the installation for the backup commands, and their errors in one line.
enum BackupCommandSupport {
    static func open(_ storage: StorageOptions) async throws -> (Application, SymmetricKey) {
        let configuration = try ConfigurationResolver().resolve(host: nil, port: nil, dataDirectory: storage.dataDirectory, databaseURL: storage.databaseURL)
        LoggingSetup.bootstrap(levelName: "warning")
        let (app, _) = try await AppBootstrap.makeApplication(configuration, environment: AppRunner.productionEnvironment)
        guard let key = app.storage[SecretKeyStorageKey.self] else {
            try? await app.asyncShutdown()
            throw ConfigurationError("the secret key could not be loaded")
        }
        return (app, key)
    }

    /// A backup problem as the one-line configuration error the commands print.
    static func operatorError(_ error: any Error) -> any Error {
        if let problem = error as? BackupError { return ConfigurationError(problem.description) }
        return error
    }
}
