import ArgumentParser
import Foundation

/// `mentalize audit ...`: checks on the audit log.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check the tamper-evident audit log.",
        subcommands: [Verify.self]
    )

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Verify the audit log's hash chain; names the first broken row (exit 1).")

        @OptionGroup var storage: StorageOptions

        @Option(name: .customLong("expect-head"), help: "SEQUENCE:HASH printed by an earlier verify; detects rows removed from the end.")
        var expectedHead: String?

        func run() async throws {
            try await runReportingErrors {
                let anchor = try expectedHead.map(AuditHeadArgument.parse)
                let result = try await StoredAuditVerification.run(storage, anchor: anchor)
                switch result {
                case .intact(let count, let sequence, let hash):
                    print("Audit log intact: \(count) events. Head \(sequence):\(hash)")
                case .broken(let sequence, let reason):
                    FileHandle.standardError.write(Data("mentalize: audit log broken at row \(sequence): \(reason)\n".utf8))
                    throw ExitCode.failure
                }
            }
        }
    }
}
