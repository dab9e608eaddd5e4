public import Foundation

/// A half-open span of time in UTC, `[start, end)`: a session that ends at 11:00 does not clash with
/// one that starts at 11:00.
public struct TimeSlot: Hashable, Sendable, Codable {
    public let start: Date
    public let end: Date

    /// A slot that ends after it starts.
    public init(start: Date, end: Date) throws(SchedulingError) {
        guard end > start else { throw .emptySlot }
        self.start = start
        self.end = end
    }

    /// A slot of `minutes` (1 to 24 hours) from `start`.
    public init(start: Date, minutes: Int) throws(SchedulingError) {
        guard (1...1440).contains(minutes) else { throw .invalidDuration(minutes) }
        self.init(checkedStart: start, end: start.addingTimeInterval(TimeInterval(minutes * 60)))
    }

    /// For slots built from values already checked.
    init(checkedStart start: Date, end: Date) {
        self.start = start
        self.end = end
    }

    /// True when the two slots share any moment (touching ends do not overlap).
    public func overlaps(_ other: TimeSlot) -> Bool { start < other.end && other.start < end }

    /// Length in whole minutes.
    public var minutes: Int { Int((end.timeIntervalSince(start) / 60).rounded(.down)) }

    private enum CodingKeys: String, CodingKey { case start, end }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(start: container.decode(Date.self, forKey: .start), end: container.decode(Date.self, forKey: .end))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
    }
}
