import Foundation

/// Where the bundled templates, static files and text live (inside the executable's resource bundle,
/// so the binary runs from any working directory).
struct AppResources: Sendable {
    let root: URL

    static func bundled() throws -> AppResources {
        guard let root = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
            throw ConfigurationError("the Mentalize resource bundle is missing next to the binary: reinstall Mentalize")
        }
        return AppResources(root: root)
    }

    var viewsDirectory: String { root.appendingPathComponent("Views").path + "/" }
    var publicDirectory: String { root.appendingPathComponent("Public").path + "/" }
    func localeFile(_ code: String) -> URL { root.appendingPathComponent("Locales/\(code).json") }
}

/// Static assets are served under `/static/`; everything else is a page or an API answer.
enum StaticAssets {
    static let prefix = "/static/"
    static func isAssetPath(_ path: String) -> Bool { path.hasPrefix(prefix) }
}
