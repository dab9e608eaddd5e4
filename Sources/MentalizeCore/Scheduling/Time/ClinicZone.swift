public import Foundation

/// The clinic's IANA time zone (e.g. `Europe/Amsterdam`). Instants are stored in UTC; wall-clock
/// dates and times are read and written through this zone.
///
/// Wall-clock times that do not exist (the spring-forward gap) are read with the offset before
/// the gap, so 02:30 on the night clocks go forward becomes 03:30; times that occur twice (the
/// autumn fall-back hour) take the first occurrence. Both rules follow RFC 5545.
public struct ClinicZone: Hashable, Sendable, Codable, CustomStringConvertible {
    public let identifier: String
    private let timeZone: TimeZone

    /// A zone from its IANA identifier; unknown identifiers are refused.
    public init(_ identifier: String) throws(SchedulingError) {
        guard !identifier.isEmpty, let zone = TimeZone(identifier: identifier) else {
            throw .unknownTimeZone(identifier)
        }
        self.identifier = identifier
        self.timeZone = zone
    }

    public var description: String { identifier }

    /// The instant at which the wall clock shows `time` on `date`.
    public func instant(on date: LocalDate, at time: LocalTime) -> Date {
        let local = date.dayNumber * 86_400 + time.secondsIntoDay
        let before = offset(at: local - 86_400)
        let after = offset(at: local + 86_400)
        if before == after { return Date(timeIntervalSince1970: TimeInterval(local - before)) }
        let candidates = [local - before, local - after].filter { $0 + offset(at: $0) == local }
        let chosen = candidates.min() ?? local - before
        return Date(timeIntervalSince1970: TimeInterval(chosen))
    }

    /// The wall-clock date at `instant`.
    public func localDate(of instant: Date) -> LocalDate {
        LocalDate(dayNumber: Self.floorDiv(localSeconds(of: instant), 86_400))
    }

    /// The wall-clock time at `instant` (seconds dropped).
    public func localTime(of instant: Date) -> LocalTime {
        let seconds = localSeconds(of: instant)
        return LocalTime(secondsIntoDay: seconds - Self.floorDiv(seconds, 86_400) * 86_400)
    }

    private func localSeconds(of instant: Date) -> Int {
        let utc = Int(instant.timeIntervalSince1970.rounded(.down))
        return utc + offset(at: utc)
    }

    private func offset(at utcSeconds: Int) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utcSeconds)))
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }

    public static func == (lhs: ClinicZone, rhs: ClinicZone) -> Bool { lhs.identifier == rhs.identifier }
    public func hash(into hasher: inout Hasher) { hasher.combine(identifier) }

    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(identifier)
    }
}
