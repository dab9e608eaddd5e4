import Foundation

/// Locates the analyzer's JSON resources inside the module bundle.
enum MentalizingResources {
    static func url(named name: String) -> URL? {
        Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Resources/Mentalizing")
    }
}
