import ArgumentParser
import Foundation
import Vapor

/// `mentalize routes`: prints every route the server registers, one `METHOD /path` a line, so
/// tests and operators can walk the whole surface (the hostile-input battery does).
struct RoutesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routes",
        abstract: "List every registered route as METHOD /path (builds the app as serve does, without serving)."
    )

    @OptionGroup var storage: StorageOptions

    func run() async throws {
        try await runReportingErrors {
            let configuration = try ConfigurationResolver().resolve(host: nil, port: nil, dataDirectory: storage.dataDirectory, databaseURL: storage.databaseURL)
            LoggingSetup.bootstrap(levelName: "warning")
            let (app, _) = try await AppBootstrap.makeApplication(configuration, environment: AppRunner.productionEnvironment)
            let lines = app.routes.all.map { "\($0.method.rawValue) /\($0.path.map(\.description).joined(separator: "/"))" }
            try await app.asyncShutdown()
            lines.sorted().forEach { print($0) }
        }
    }
}
