import ArgumentParser
import Fluent
import Foundation
import MentalizeCore

/// `mentalize fidelity ...`: the fidelity scales and a clinic's licensed wording for them.
struct FidelityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fidelity",
        abstract: "List the fidelity rating scales and load a clinic's licensed item texts.",
        subcommands: [List.self, ImportText.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the fidelity scales and whether raters can use them.")

        @OptionGroup var storage: StorageOptions

        func run() async throws {
            try await withStoredApplication(storage) { app in
                let ratable = try await FidelityScaleStore(database: app.db).ratable()
                for scale in FidelityScaleStore.bundled {
                    let state = ratable[scale.id] == nil ? "licensed texts not loaded" : "ready for rating"
                    print("\(scale.id)\t\(scale.items.count) items\t\(state)\t\(scale.title)")
                }
            }
        }
    }

    struct ImportText: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-text",
            abstract: "Load a licensed text pack (JSON) for a fidelity scale after checking it against the scale's definition."
        )

        @OptionGroup var storage: StorageOptions

        @Argument(help: "The text pack: {scaleID, items: {itemID: {label, adherence?, quality?, anchors?}}}; every item of a licensed scale.")
        var file: String

        func run() async throws {
            try await withTextPackFile(file, storage: storage) { app, data in
                let scale: FidelityScale
                do {
                    scale = try await FidelityScaleStore(database: app.db).importPack(data, now: app.clock.now())
                } catch let error as ConfigurationError {
                    throw ConfigurationError("fidelity text pack \(file): \(error.message)")
                }
                print("Imported the wording of \(scale.id): \(scale.items.count) items. Raters can now use it.")
            }
        }
    }
}
