import Logging
import NIOConcurrencyHelpers

/// Installs the JSON log handler for the whole process, once: swift-log allows a single bootstrap,
/// so later calls (a benchmark measuring several sizes) keep the first handler.
enum LoggingSetup {
    private static let installed = NIOLockedValueBox(false)

    static func bootstrap(levelName: String) {
        let first = installed.withLockedValue { done in
            defer { done = true }
            return !done
        }
        guard first else { return }
        let level = Logger.Level(name: levelName) ?? .info
        LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: level) }
    }
}
