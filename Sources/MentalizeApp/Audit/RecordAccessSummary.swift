import Foundation
import MentalizeCore

/// "Who has looked at my record", grouped so a person can read it: one line per person per day in
/// the clinic's time ("opened your record 4 times · saw you in a list 12 times"), newest day first,
/// emergency access said on its own line.
enum RecordAccessSummary {
    /// One access as the audit log holds it.
    struct Access {
        let actorID: UUID?
        let actorRole: String
        let action: String
        let breakGlass: Bool
        let occurredAt: Date
    }

    /// One day's lines.
    struct Day: Encodable, Equatable {
        let day: String
        let lines: [Line]
    }

    /// One person's accesses on one day.
    struct Line: Encodable, Equatable {
        let who: String
        let roleKey: String
        let did: String
        let emergency: Bool
    }

    static func days(_ accesses: [Access], zone: ClinicZone, names: [UUID: String]) -> [Day] {
        let byDay = Dictionary(grouping: accesses) { zone.localDate(of: $0.occurredAt) }
        return byDay.keys.sorted(by: >).map { date in
            let entries = byDay[date] ?? []
            let byPerson = Dictionary(grouping: entries) { PersonKey(actor: $0.actorID, role: $0.actorRole, emergency: $0.breakGlass) }
            let lines = byPerson.map { key, items in
                Line(who: key.actor.flatMap { names[$0] } ?? PageText.text("recordAccess.someone"), roleKey: "role.\(key.role)", did: phrase(items), emergency: key.emergency)
            }
            return Day(day: zone.dayText(date, in: DisplayTime.language), lines: lines.sorted { ($0.who, $0.roleKey) < ($1.who, $1.roleKey) })
        }
    }

    private struct PersonKey: Hashable {
        let actor: UUID?
        let role: String
        let emergency: Bool
    }

    /// "opened your record 4 times · saw you in a list 12 times".
    static func phrase(_ items: [Access]) -> String {
        let counts = Dictionary(grouping: items, by: \.action).mapValues(\.count)
        return ["read", "write", "export", "list"].compactMap { action in
            counts[action].map { PageText.plural("recordAccess.\(action)", count: $0) }
        }.joined(separator: " · ")
    }
}
