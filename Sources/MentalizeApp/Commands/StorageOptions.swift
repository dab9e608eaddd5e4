import ArgumentParser
import Foundation

/// Where the data lives; shared by every command that opens the database.
struct StorageOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "Folder for the secret key and the SQLite database (default ./mentalize-data, or MENTALIZE_DATA_DIR).")
    var dataDirectory: String?

    @Option(name: .customLong("database-url"), help: "postgres://user:password@host:port/database to use PostgreSQL (or DATABASE_URL); SQLite when absent.")
    var databaseURL: String?
}

/// Runs a command body, turning a ``ConfigurationError`` into one line on standard error and exit
/// code 1. Log lines written while it starts are held (``StartupLogBuffer``) and dropped when that
/// line explains the failure; a body that serves releases them once start-up has passed.
func runReportingErrors(_ body: () async throws -> Void) async throws {
    StartupLogBuffer.hold()
    do {
        try await body()
        StartupLogBuffer.release(write: true)
    } catch let error as ConfigurationError {
        StartupLogBuffer.release(write: false)
        FileHandle.standardError.write(Data("mentalize: error: \(error.message)\n".utf8))
        throw ExitCode.failure
    } catch {
        StartupLogBuffer.release(write: true)
        throw error
    }
}
