import Fluent
import Foundation
import MentalizeCore
import Vapor

/// Opens the database read-only in spirit (start-up checks, no migrations) and verifies the chain.
enum StoredAuditVerification {
    static func run(_ storage: StorageOptions, anchor: AuditAnchor?) async throws -> AuditChainCheck.Result {
        let configuration = try ConfigurationResolver().resolve(host: nil, port: nil, dataDirectory: storage.dataDirectory, databaseURL: storage.databaseURL)
        LoggingSetup.bootstrap(levelName: "warning")
        let (app, _) = try await AppBootstrap.makeApplication(configuration, environment: AppRunner.productionEnvironment, options: .init(migrate: false))
        do {
            let result = try await AuditChainCheck(database: app.db).run(anchor: anchor)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}

/// Parses `SEQUENCE:HASH` (as printed by `audit verify`).
enum AuditHeadArgument {
    static func parse(_ text: String) throws -> AuditAnchor {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let sequence = Int64(parts[0]), let hash = try? AuditRecordMapping.hashBytes(String(parts[1])) else {
            throw ConfigurationError("--expect-head must look like 1234:<64 hex characters>, as printed by `mentalize audit verify`")
        }
        return AuditAnchor(sequence: sequence, hash: hash)
    }
}
