/// The clinical events of one calendar month, counted by kind (aggregates only: no names, no text).
public struct MonthlyEventCount: Hashable, Sendable {
    /// `yyyy-MM`.
    public let month: String
    public let counts: [ClinicalEventKind: Int]

    public var total: Int { counts.values.reduce(0, +) }
}

/// Counts dated events per month for the programme dashboard.
public enum EventTally {
    /// The `count` months ending with `last` (`yyyy-MM`), oldest first; empty when `last` is not a month.
    public static func months(_ count: Int, endingWith last: String) -> [String] {
        let parts = last.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month), count > 0 else { return [] }
        let index = year * 12 + (month - 1)
        return ((index - count + 1)...index).map { value in
            let text = String(value % 12 + 1)
            return "\(value / 12)-\(text.count == 1 ? "0" + text : text)"
        }
    }

    /// Per month in `months`, how many events of each kind fell in it (events dated `yyyy-MM-dd`;
    /// events outside the months are left out).
    public static func perMonth(_ events: [(occurredOn: String, kind: ClinicalEventKind)], months: [String]) -> [MonthlyEventCount] {
        var counts: [String: [ClinicalEventKind: Int]] = [:]
        for event in events {
            counts[String(event.occurredOn.prefix(7)), default: [:]][event.kind, default: 0] += 1
        }
        return months.map { MonthlyEventCount(month: $0, counts: counts[$0] ?? [:]) }
    }
}
