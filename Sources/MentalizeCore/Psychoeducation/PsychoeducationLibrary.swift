import Foundation

/// The MBT-I psychoeducation course: every module, validated, in course order.
public struct PsychoeducationLibrary: Sendable {
    public let modules: [PsychoeducationModule]

    /// Loads and validates the modules shipped in `Resources/Psychoeducation`.
    /// Throws `PsychoeducationError` naming each bad file and field.
    public static func loadBundled() throws -> PsychoeducationLibrary {
        guard let folder = Bundle.module.url(forResource: "Psychoeducation", withExtension: nil, subdirectory: "Resources") else {
            throw PsychoeducationError(issues: [
                PsychoeducationIssue(file: "Resources/Psychoeducation", field: "", message: "folder not found in the bundle"),
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

    /// The module with this id, or nil.
    public func module(id: String) -> PsychoeducationModule? {
        modules.first { $0.id == id }
    }
}
