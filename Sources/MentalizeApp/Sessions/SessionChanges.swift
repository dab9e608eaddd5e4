import Fluent
import Foundation
import MentalizeCore
import Vapor

/// Changes to one session: cancel (holiday, clinic or patient), move to another time (checked for
/// clashes like a new booking), or restore. Series sessions change through a row keyed by their
/// original date; a one-off changes its own row. Cancelling an MBT-I course session skips the
/// week, which pushes the remaining curriculum back; moving one moves that week's meeting only.
struct SessionChanges {
    let request: Request
    let loader: ScheduleLoader

    /// Applies the change; returns a sentence for the person when it is refused.
    func apply(to session: ScheduledSession, action: String, reason: String?, date: String?, time: String?) async throws -> String? {
        switch action {
        case "cancel":
            guard let reason = reason.flatMap(CancellationReason.init(rawValue:)) else { return PageText.text("schedule.error.chooseCancelReason") }
            if session.isOneOff { return try await updateOneOff(session) { $0.cancellation = reason.rawValue } }
            try await upsert(session, change: session.kind == .course ? "skipped" : "cancelled", reason: reason.rawValue, slot: nil)
        case "move":
            guard let day = try? LocalDate(iso: date?.trimmed ?? ""), let at = try? LocalTime(text: time?.trimmed ?? "") else {
                return PageText.text("schedule.error.moveDateTime")
            }
            if let problem = BookableDates.problem(day, today: loader.zone.localDate(of: request.now)) { return problem }
            let slot = try TimeSlot(start: loader.zone.instant(on: day, at: at), minutes: session.slot.minutes)
            let moved = Booking(id: session.booking.id, label: session.title, therapists: session.booking.therapists, modality: session.modality, slot: slot)
            let service = BookingService(database: request.db, loader: loader, now: request.now)
            if let clash = try await service.conflicts([moved], therapists: session.therapistIDs, roomID: session.modality.room?.id.rawValue) { return clash }
            if session.isOneOff { return try await updateOneOff(session) { ($0.startsAt, $0.endsAt) = (slot.start, slot.end) } }
            try await upsert(session, change: "moved", reason: nil, slot: slot)
        case "restore":
            if session.isOneOff { return try await updateOneOff(session) { $0.cancellation = nil } }
            try await SessionQueries(database: request.db).deleteSeriesChange(source: session.key.source, date: session.key.date.description)
        default:
            return PageText.text("schedule.error.chooseChange")
        }
        return nil
    }

    private func upsert(_ session: ScheduledSession, change: String, reason: String?, slot: TimeSlot?) async throws {
        let record = try await SessionQueries(database: request.db).seriesChange(source: session.key.source, date: session.key.date.description) ?? SeriesChangeRecord()
        record.$series.id = session.key.source
        record.originalDate = session.key.date.description
        record.change = change
        record.reason = reason
        record.movedStart = slot?.start
        record.movedEnd = slot?.end
        try await record.save(on: request.db)
    }

    private func updateOneOff(_ session: ScheduledSession, _ update: (OneOffSessionRecord) -> Void) async throws -> String? {
        guard let record = try await OneOffSessionRecord.find(session.key.source, on: request.db) else { throw Abort(.notFound) }
        update(record)
        try await record.save(on: request.db)
        return nil
    }
}
