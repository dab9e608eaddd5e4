public import Foundation

/// The validated set of instrument definitions the platform offers, keyed by id.
public struct InstrumentCatalog: Sendable {
    public let definitions: [InstrumentDefinition]

    /// Loads and validates every definition shipped in `Resources/Instruments`.
    /// Throws `InstrumentCatalogError` naming each bad file and field.
    public static func loadBundled() throws -> InstrumentCatalog {
        guard let folder = Bundle.module.url(forResource: "Instruments", withExtension: nil, subdirectory: "Resources") else {
            throw InstrumentCatalogError(issues: [
                DefinitionIssue(file: "Resources/Instruments", path: "", message: "folder not found in the bundle"),
            ])
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let urls = names.filter { $0.hasSuffix(".json") }.map { folder.appendingPathComponent($0) }
        if urls.isEmpty { throw InstrumentCatalogError(issues: [
            DefinitionIssue(file: folder.path, path: "", message: "no instrument definitions found"),
        ]) }
        var files: [(name: String, data: Data)] = []
        for url in urls.sorted(by: { $0.lastPathComponent < $1.lastPathComponent }) {
            do {
                files.append((url.lastPathComponent, try Data(contentsOf: url)))
            } catch {
                throw InstrumentCatalogError(issues: [
                    DefinitionIssue(file: url.lastPathComponent, path: "", message: "cannot be read: \(error)"),
                ])
            }
        }
        return try load(files: files)
    }

    /// Decodes and validates definitions from named JSON documents; each file must be named
    /// `<id>.json`. Collects the problems of all files before throwing.
    public static func load(files: [(name: String, data: Data)]) throws -> InstrumentCatalog {
        var definitions: [InstrumentDefinition] = []
        var issues: [DefinitionIssue] = []
        for file in files {
            let definition: InstrumentDefinition
            do {
                definition = try JSONDecoder().decode(InstrumentDefinition.self, from: file.data)
            } catch {
                issues.append(DecodingIssue.describe(error, file: file.name))
                continue
            }
            issues += DefinitionValidator.issues(in: definition, file: file.name)
            if file.name != "\(definition.id).json" {
                issues.append(DefinitionIssue(file: file.name, path: "id", message: "'\(definition.id)' does not match the file name"))
            }
            if definitions.contains(where: { $0.id == definition.id }) {
                issues.append(DefinitionIssue(file: file.name, path: "id", message: "'\(definition.id)' is defined twice"))
            }
            definitions.append(definition)
        }
        if !issues.isEmpty { throw InstrumentCatalogError(issues: issues) }
        return InstrumentCatalog(definitions: definitions.sorted { $0.id < $1.id })
    }

    /// The definition with this id, or nil.
    public func definition(id: String) -> InstrumentDefinition? {
        definitions.first { $0.id == id }
    }
}

/// Why the instrument catalog could not be loaded: every problem found, one per line.
public struct InstrumentCatalogError: Error, Sendable, Equatable, CustomStringConvertible {
    public let issues: [DefinitionIssue]

    public var description: String {
        "Invalid instrument definitions:\n" + issues.map { "  \($0)" }.joined(separator: "\n")
    }
}
