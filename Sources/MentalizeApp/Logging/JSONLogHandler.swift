import Foundation
import Logging

/// Writes one JSON object per log line to standard error: time, level, label, message and metadata
/// (such as `request-id`). Log messages in Mentalize never carry personal data; metadata values are
/// ids, routes, statuses and durations.
struct JSONLogHandler: LogHandler {
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level
    let label: String

    init(label: String, level: Logger.Level) {
        self.label = label
        self.logLevel = level
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var fields: [String: String] = [
            "ts": Self.timestamp(),
            "level": event.level.rawValue,
            "label": label,
            "msg": event.message.description,
        ]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { _, new in new }) {
            fields[key] = value.description
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard var line = try? encoder.encode(fields) else { return }
        line.append(0x0A)
        if StartupLogBuffer.keep(line) { return }
        // A line that cannot be written (standard error closed) is dropped: `write(_:)` would stop the process.
        try? FileHandle.standardError.write(contentsOf: line)
    }

    private static func timestamp() -> String {
        Date().formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: true).timeSeparator(.colon))
    }
}

extension Logger.Level {
    /// Parses a level name such as `info` or `debug`; nil when unknown.
    init?(name: String) {
        self.init(rawValue: name.lowercased())
    }
}
