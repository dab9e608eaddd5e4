import Foundation
import MentalizeCore

/// What a weekly series is for.
enum SeriesKind: String, Sendable, CaseIterable {
    case individual
    case group
    case course
}

/// How a stored session is held (the room or link sit in their own columns).
enum ModalityKind: String, Sendable, CaseIterable {
    case inPerson
    case video
    case phone
}

/// One session as pages, the caseload and calendar feeds see it: computed from a series (or a
/// one-off row) by the core, never stored one by one.
struct ScheduledSession: Sendable {
    let key: SessionKey
    let kind: SeriesKind
    let slot: TimeSlot
    let status: OccurrenceStatus
    /// Free of clinical detail: "Individual session", the group's name, "<course>: <session title>".
    let title: String
    let patientID: UUID?
    let groupID: UUID?
    let therapistIDs: [UUID]
    let modality: SessionModality
    /// True for a one-off session (cancelled in its own row, not through a series change).
    let isOneOff: Bool

    var takesPlace: Bool {
        if case .cancelled = status { false } else { true }
    }

    var booking: Booking {
        Booking(id: BookingID(source: key.source, date: isOneOff ? nil : key.date), label: title,
                therapists: therapistIDs.map(UserID.init), modality: modality, slot: slot)
    }

    /// The status word key for a page once attendance may be on record: a session that has
    /// started and has marks reads "Held" when anyone attended, otherwise the marks' outcome
    /// ("Not attended", or the cancellation they all record). Otherwise it is ``statusKey``.
    func statusKey(marks: [String], now: Date) -> String {
        guard takesPlace, slot.start <= now, let first = marks.first else { return statusKey }
        if marks.contains(AttendanceChoice.attended.rawValue) { return "sessions.status.held" }
        guard marks.allSatisfy({ $0 == first }) else { return "sessions.status.notAttended" }
        switch AttendanceChoice(rawValue: first) {
        case .cancelledByPatient: return "sessions.status.cancelled.patient"
        case .cancelledByClinic: return "sessions.status.cancelled.clinic"
        default: return "sessions.status.notAttended"
        }
    }

    /// A status word key for pages, e.g. `sessions.status.cancelled`.
    var statusKey: String {
        switch status {
        case .scheduled: "sessions.status.scheduled"
        case .moved: "sessions.status.moved"
        case .cancelled(let reason): "sessions.status.cancelled.\(reason.rawValue)"
        }
    }
}
