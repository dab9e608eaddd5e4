import ArgumentParser
import Foundation
import Vapor

/// `mentalize serve`: checks the address and the data, migrates, optionally seeds demo data, then
/// serves. On an installation without a clinic it serves only the first-run page, whose one-time
/// link it prints.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web app and API (migrates the database first)."
    )

    @ArgumentParser.Option(name: .customLong("host"), help: "Address to listen on (default 127.0.0.1, or MENTALIZE_HOST).")
    var host: String?

    @ArgumentParser.Option(name: .customLong("port"), help: "Port to listen on (default 8080, or MENTALIZE_PORT).")
    var port: Int?

    @OptionGroup var storage: StorageOptions
    @OptionGroup var live: ServeOptions

    @ArgumentParser.Flag(name: .customLong("demo"), help: "Seed synthetic demo data once and print the demo sign-in accounts (refused on a real clinic's installation).")
    var demo = false

    func run() async throws {
        try await runReportingErrors {
            var configuration = try ConfigurationResolver().resolve(host: host, port: port, dataDirectory: storage.dataDirectory, databaseURL: storage.databaseURL)
            try live.apply(to: &configuration)
            LoggingSetup.bootstrap(levelName: configuration.logLevel)
            let tls = try configuration.serving.tls.map { try ServingOptions.TLSFiles.load($0) }
            try PortCheck.ensureFree(host: configuration.host, port: configuration.port)
            let (app, report) = try await AppBootstrap.makeApplication(
                configuration,
                environment: AppRunner.productionEnvironment,
                options: .init(migrate: true, seedDemo: demo, demoCohort: demo)
            )
            if let tls { app.http.server.configuration.tlsConfiguration = tls }
            let setupLink = try await FirstRunSetup.prepare(app, configuration: configuration)
            BackgroundJobs.start(on: app, tick: configuration.jobTickSeconds, outboxPoll: configuration.notifications.pollSeconds)
            StartupBanner(configuration: configuration, report: report, demo: demo, setupLink: setupLink).print()
            StartupLogBuffer.release(write: true)
            try await AppRunner.serve(app, host: configuration.host, port: configuration.port)
        }
    }
}
