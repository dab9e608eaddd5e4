import Foundation
import Vapor

/// Reads a licensed text pack (instrument or fidelity scale) named on the command line, then runs
/// `body` with the stored application; a file that cannot be read is one line on standard error.
func withTextPackFile(_ file: String, storage: StorageOptions, _ body: (Application, Data) async throws -> Void) async throws {
    guard let data = FileManager.default.contents(atPath: file) else {
        try await runReportingErrors { throw ConfigurationError("cannot read \(file)") }
        return
    }
    try await withStoredApplication(storage) { app in try await body(app, data) }
}
