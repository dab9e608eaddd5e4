import ArgumentParser
import Fluent
import Foundation
import MentalizeCore

/// `mentalize instruments ...`: the questionnaire definitions and a clinic's licensed texts.
struct InstrumentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "instruments",
        abstract: "List instruments and load a clinic's licensed item texts.",
        subcommands: [List.self, ImportText.self, ExportFHIR.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the instruments and whether patients can be shown them.")

        @OptionGroup var storage: StorageOptions

        func run() async throws {
            try await withStoredApplication(storage) { app in
                let settings = try app.measurement
                let texts = InstrumentTexts(database: app.db, catalog: settings.catalog)
                for definition in settings.catalog.definitions {
                    let shown = try await texts.patientFacing(definition.id) != nil
                    let state = definition.rater == .clinician ? "clinician-rated" : (shown ? "texts complete" : "licensed texts not loaded")
                    print("\(definition.id)\t\(definition.version)\t\(state)\t\(definition.title)")
                }
            }
        }
    }

    struct ExportFHIR: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export-fhir",
            abstract: "Write every definition as a FHIR R4 Questionnaire, with a sample response Bundle per scored instrument."
        )

        @Option(name: .customLong("out"), help: "The folder to write the JSON files to (created if missing).")
        var out: String

        func run() async throws {
            try await runReportingErrors {
                let folder = URL(fileURLWithPath: out)
                do {
                    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                    let files = try FHIRSampleSet.files(for: try InstrumentCatalogLoader.load())
                    for (name, data) in files.sorted(by: { $0.key < $1.key }) { try data.write(to: folder.appendingPathComponent(name)) }
                    print("Wrote \(files.count) FHIR R4 files to \(folder.path)")
                } catch let error as ConfigurationError {
                    throw error
                } catch {
                    throw ConfigurationError("cannot write to \(out): \(error.localizedDescription)")
                }
            }
        }
    }

    struct ImportText: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-text",
            abstract: "Load a licensed text pack (JSON) after checking it against the instrument's definition."
        )

        @OptionGroup var storage: StorageOptions

        @Argument(help: "The text pack: {instrumentId, version, language, items: {linkId: {text, options}}}.")
        var file: String

        func run() async throws {
            try await withTextPackFile(file, storage: storage) { app, data in
                let result: TextPack
                do {
                    result = try await TextPackImport(database: app.db, catalog: try app.measurement.catalog).run(data, now: app.clock.now())
                } catch let error as ConfigurationError {
                    throw ConfigurationError("text pack \(file): \(error.message)")
                }
                print("Imported \(result.instrumentId) texts (\(result.language), version \(result.version)): \(result.items.count) items. Patients can now be shown it.")
            }
        }
    }
}
