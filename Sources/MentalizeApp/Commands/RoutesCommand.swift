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
        try await withStoredApplication(storage) { app in
            let lines = app.routes.all.map { "\($0.method.rawValue) /\($0.path.map(\.description).joined(separator: "/"))" }
            lines.sorted().forEach { print($0) }
        }
    }
}
