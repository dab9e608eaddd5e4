import Fluent
import Foundation
import MentalizeCore

/// What may still change on one session. Once attendance or a note (draft or signed) is on record
/// the session is part of what happened: cancelling or moving it would contradict that record, so
/// both are refused. "Restore as scheduled" undoes only a change stored for this session (a
/// cancellation may still be undone then); a clinic holiday is the clinic's calendar, not such a
/// change, so the page says how to hold the session anyway instead of offering a restore.
struct SessionChangeRules: Sendable {
    /// Locale key saying why cancel and move are refused; nil while they are open.
    let lockedKey: String?
    /// Whether "Restore as scheduled" has something of this session's own to undo.
    let canRestore: Bool
    /// Locale key explaining why a cancelled session has no restore (a clinic holiday).
    let restoreHintKey: String?

    static func load(for session: ScheduledSession, on database: any Database) async throws -> SessionChangeRules {
        let source = session.key.source
        let date = session.key.date.description
        let hasAttendance = try await SessionQueries(database: database).hasMarks(source: source, date: date)
        let hasNote = try await SessionNoteStore(database: database).record(for: session.key) != nil
        return try await load(for: session, hasAttendance: hasAttendance, hasNote: hasNote, on: database)
    }

    /// The same, for a caller that has already read the session's attendance and note (the page).
    static func load(for session: ScheduledSession, hasAttendance: Bool, hasNote: Bool, on database: any Database) async throws -> SessionChangeRules {
        let source = session.key.source
        let date = session.key.date.description
        let lockedKey: String? = hasAttendance ? "sessions.locked.attendance" : hasNote ? "sessions.locked.note" : nil
        let hasOwnChange: Bool
        if session.isOneOff {
            hasOwnChange = try await OneOffSessionRecord.find(source, on: database)?.cancellation != nil
        } else {
            hasOwnChange = try await SessionQueries(database: database).seriesChange(source: source, date: date) != nil
        }
        let isCancelled = !session.takesPlace
        // With the session on record, only un-cancelling stays: moving it back would move a held session.
        let canRestore = hasOwnChange && (lockedKey == nil || isCancelled)
        let onHoliday = !hasOwnChange && lockedKey == nil && session.status == .cancelled(.holiday)
        return SessionChangeRules(lockedKey: lockedKey, canRestore: canRestore, restoreHintKey: onHoliday ? "sessions.restoreHoliday" : nil)
    }

    /// The locale key of the reason `action` is refused, or nil when it may go ahead.
    func refusal(for action: String) -> String? {
        switch action {
        case "cancel", "move": lockedKey
        case "restore": canRestore ? nil : lockedKey ?? restoreHintKey ?? "sessions.restoreNothing"
        default: nil
        }
    }
}
