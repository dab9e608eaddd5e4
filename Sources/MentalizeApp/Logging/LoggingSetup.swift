import Logging

/// Installs the JSON log handler for the whole process (once).
enum LoggingSetup {
    static func bootstrap(levelName: String) {
        let level = Logger.Level(name: levelName) ?? .info
        LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: level) }
    }
}
