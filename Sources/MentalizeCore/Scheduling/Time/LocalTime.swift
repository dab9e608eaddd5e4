/// A wall-clock time in the clinic's zone (hour and minute), coded as `HH:MM`.
public struct LocalTime: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int

    /// A validated time, 00:00 to 23:59.
    public init(hour: Int, minute: Int) throws(SchedulingError) {
        guard (0...23).contains(hour), (0...59).contains(minute) else {
            throw .invalidTime("\(hour):\(minute)")
        }
        self.hour = hour
        self.minute = minute
    }

    /// Parses `HH:MM` (24-hour clock).
    public init(text: String) throws(SchedulingError) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard text.utf8.count == 5, parts.count == 2, text.utf8.allSatisfy({ (48...58).contains($0) }), let h = Int(parts[0]), let m = Int(parts[1]),
              (0...23).contains(h), (0...59).contains(m)
        else { throw .invalidTime(text) }
        self.init(secondsIntoDay: h * 3600 + m * 60)
    }

    /// 00:00, the start of a day.
    public static let midnight = LocalTime(secondsIntoDay: 0)

    /// Internal constructor for values already in range.
    init(secondsIntoDay seconds: Int) {
        hour = seconds / 3600
        minute = seconds % 3600 / 60
    }

    var secondsIntoDay: Int { hour * 3600 + minute * 60 }

    public var description: String {
        (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }

    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool { lhs.secondsIntoDay < rhs.secondsIntoDay }

    public init(from decoder: any Decoder) throws {
        try self.init(text: decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
