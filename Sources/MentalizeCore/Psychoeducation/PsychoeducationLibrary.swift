import Foundation

/// The MBT-I psychoeducation course: every module, validated, in course order.
public struct PsychoeducationLibrary: Sendable {
    public let modules: [PsychoeducationModule]

    /// Loads and validates the English modules shipped in `Resources/Psychoeducation`, or their
    /// translation in `Resources/Psychoeducation/<language>/`.
    /// Throws `PsychoeducationError` naming each bad file and field.
    public static func loadBundled(language: String = "en") throws -> PsychoeducationLibrary {
        let subdirectory = language == "en" ? "Resources" : "Resources/Psychoeducation"
        let name = language == "en" ? "Psychoeducation" : language
        guard let folder = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: subdirectory) else {
            throw PsychoeducationError(issues: [
                PsychoeducationIssue(file: "\(subdirectory)/\(name)", field: "", message: "folder not found in the bundle"),
            ])
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".md") }
        var files: [(name: String, text: String)] = []
        for name in names.sorted() {
            do {
                files.append((name, try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)))
            } catch {
                throw PsychoeducationError(issues: [PsychoeducationIssue(file: name, field: "", message: "cannot be read: \(error)")])
            }
        }
        return try load(files: files)
    }

    /// Reads and validates modules from named Markdown documents (`<id>.md`). Collects the problems
    /// of every file before throwing; module orders must be unique.
    public static func load(files: [(name: String, text: String)]) throws -> PsychoeducationLibrary {
        var modules: [PsychoeducationModule] = []
        var issues: [PsychoeducationIssue] = []
        if files.isEmpty {
            issues.append(PsychoeducationIssue(file: "Resources/Psychoeducation", field: "", message: "no modules found"))
        }
        for file in files {
            switch ModuleValidator.module(from: ModuleDocument(text: file.text), file: file.name) {
            case .failure(let error):
                issues += error.issues
            case .success(let module):
                if let other = modules.first(where: { $0.order == module.order }) {
                    issues.append(PsychoeducationIssue(file: file.name, field: "order", message: "\(module.order) is also used by '\(other.id)'"))
                }
                modules.append(module)
            }
        }
        if !issues.isEmpty { throw PsychoeducationError(issues: issues) }
        return PsychoeducationLibrary(modules: modules.sorted { $0.order < $1.order })
    }

    /// The languages the modules are translated into, besides English: the sub-folders of
    /// `Resources/Psychoeducation`.
    public static var bundledTranslations: [String] {
        guard let folder = Bundle.module.url(forResource: "Psychoeducation", withExtension: nil, subdirectory: "Resources") else { return [] }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return entries.filter { !$0.hasSuffix(".md") }.sorted()
    }

    /// The module with this id, or nil.
    public func module(id: String) -> PsychoeducationModule? {
        modules.first { $0.id == id }
    }
}
