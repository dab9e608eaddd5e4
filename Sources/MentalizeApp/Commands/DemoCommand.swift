import ArgumentParser
import Foundation
import Vapor

/// `mentalize demo`: seeds the synthetic demo data (once) without serving.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Seed synthetic demo data (idempotent) without starting the server."
    )

    @OptionGroup var storage: StorageOptions

    @ArgumentParser.Option(name: .customLong("totp-code"), help: "Print the current second-factor code of a demo staff account and exit.")
    var totpCodeFor: String?

    func run() async throws {
        try await runReportingErrors {
            if let username = totpCodeFor {
                print(try DemoTOTP.currentCode(for: username, now: AppClock(startingAt: try ConfigurationResolver().clockStart()).now()))
                return
            }
            let configuration = try ConfigurationResolver().resolve(host: nil, port: nil, dataDirectory: storage.dataDirectory, databaseURL: storage.databaseURL)
            LoggingSetup.bootstrap(levelName: "warning")
            let (app, report) = try await AppBootstrap.makeApplication(
                configuration,
                environment: AppRunner.productionEnvironment,
                options: .init(migrate: true, seedDemo: true, demoCohort: true)
            )
            try await app.asyncShutdown()
            print(report.seededDemo ? "Demo data seeded." : "Demo data was already there; nothing changed.")
            StartupBanner.printAccounts()
        }
    }
}
