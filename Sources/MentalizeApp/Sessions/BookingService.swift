import Fluent
import Foundation
import MentalizeCore

/// Books weekly series, group slots and one-off sessions after checking the therapists' and the
/// room's existing sessions for clashes (a year ahead for open-ended series). A clash is refused
/// with sentences naming who or what, and both times in the clinic's zone, in the page's language.
struct BookingService {
    let database: any Database
    let loader: ScheduleLoader
    let now: Date

    /// Books a weekly individual series; returns its id, or why it was refused.
    func bookSeries(patientID: UUID, therapistID: UUID, input: BookingInput) async throws -> Result<UUID, BookingProblems> {
        let id = UUID()
        let proposed = try proposedSeries(id: id, input: input, therapists: [therapistID], label: PageText.text("schedule.booking.individualSession"))
        if let refusal = try await conflicts(proposed, therapists: [therapistID], roomID: input.roomID) { return .failure(BookingProblems(conflict: refusal)) }
        let record = seriesRecord(id: id, kind: .individual, input: input)
        record.$patient.id = patientID
        record.$therapist.id = therapistID
        try await record.create(on: database)
        return .success(id)
    }

    /// Sets a group's weekly slot from `input.date`: a slot already running ends the day before
    /// (rescheduling a whole series = end it and start a new one).
    func setGroupSlot(groupID: UUID, label: String, therapists: [UUID], input: BookingInput) async throws -> Result<UUID, BookingProblems> {
        let id = UUID()
        let current = try await SessionQueries(database: database).groupSeries(ofGroup: groupID)
            .filter { record in record.lastDate.flatMap { try? LocalDate(iso: $0) }.map { $0 >= input.date } ?? true }
        let replaced = Set(current.compactMap(\.id))
        let proposed = try proposedSeries(id: id, input: input, therapists: therapists, label: label)
        if let refusal = try await conflicts(proposed, therapists: therapists, roomID: input.roomID, ignoring: { replaced.contains($0.id.source) && ($0.id.date.map { $0 >= input.date } ?? false) }) {
            return .failure(BookingProblems(conflict: refusal))
        }
        try await database.transaction { db in
            for record in current {
                if let first = try? LocalDate(iso: record.firstDate), first >= input.date {
                    try await SessionQueries(database: db).deleteSeriesChanges(seriesID: record.requireID())
                    try await record.delete(on: db)
                } else {
                    record.lastDate = input.date.adding(days: -1).description
                    try await record.save(on: db)
                }
            }
            let record = seriesRecord(id: id, kind: .group, input: input)
            record.$group.id = groupID
            try await record.create(on: db)
        }
        return .success(id)
    }

    /// Plans an MBT-I course for a new group: one weekly session per curriculum title from
    /// `input.date` (holidays push later sessions back, so the clash check looks a few weeks
    /// further), refused when the therapists or the room are already booked.
    func createCourse(group: TherapyGroup, therapists: [UUID], input: BookingInput, title: String, curriculum: [String]) async throws -> Result<UUID, BookingProblems> {
        let id = UUID()
        let reach = BookingInput(date: input.date, time: input.time, minutes: input.minutes, lastDate: input.date.adding(days: 7 * (curriculum.count + 3)),
                                 modalityKind: input.modalityKind, roomID: input.roomID, videoURL: input.videoURL, modality: input.modality)
        let proposed = try proposedSeries(id: id, input: reach, therapists: therapists, label: title)
        if let refusal = try await conflicts(proposed, therapists: therapists, roomID: input.roomID) { return .failure(BookingProblems(conflict: refusal)) }
        try await database.transaction { db in
            try await group.create(on: db)
            let groupID = try group.requireID()
            for therapist in therapists {
                try await GroupTherapistRecord(groupID: groupID, therapistID: therapist, startsAt: now).create(on: db)
            }
            let record = seriesRecord(id: id, kind: .course, input: input)
            record.$group.id = groupID
            record.title = title
            record.curriculum = curriculum.joined(separator: "\n")
            try await record.create(on: db)
        }
        return .success(id)
    }

    /// Books a single session at `input.date` and `input.time`.
    func bookOneOff(patientID: UUID, therapistID: UUID, input: BookingInput) async throws -> Result<UUID, BookingProblems> {
        let id = UUID()
        let start = loader.zone.instant(on: input.date, at: input.time)
        let slot = try TimeSlot(start: start, minutes: input.minutes)
        let proposed = [Booking(id: BookingID(source: id, date: nil), label: PageText.text("schedule.booking.individualSession"), therapists: [UserID(therapistID)], modality: input.modality, slot: slot)]
        if let refusal = try await conflicts(proposed, therapists: [therapistID], roomID: input.roomID) { return .failure(BookingProblems(conflict: refusal)) }
        let record = OneOffSessionRecord()
        record.id = id
        record.$clinic.id = loader.clinicID
        record.$patient.id = patientID
        record.$therapist.id = therapistID
        (record.startsAt, record.endsAt) = (slot.start, slot.end)
        record.modality = input.modalityKind.rawValue
        record.$room.id = input.roomID
        record.videoURL = input.videoURL
        try await record.create(on: database)
        return .success(id)
    }

    /// The sessions a new weekly series would hold up to the conflict horizon.
    func proposedSeries(id: UUID, input: BookingInput, therapists: [UUID], label: String) throws -> [Booking] {
        let recurrence = try WeeklyRecurrence(zone: loader.zone, firstDate: input.date, time: input.time, durationMinutes: input.minutes,
                                              end: input.lastDate.map { .onOrBefore($0) } ?? .never)
        let series = SessionSeries(id: SeriesID(id), recurrence: recurrence)
        let start = loader.zone.instant(on: input.date, at: input.time)
        let window = try TimeSlot(start: start, end: start.addingTimeInterval(Double(ClinicSettings.conflictHorizonWeeks) * 7 * 86_400))
        return series.occurrences(in: window, holidays: loader.holidays).filter(\.takesPlace).map { occurrence in
            Booking(id: BookingID(source: id, date: occurrence.date), label: label, therapists: therapists.map(UserID.init), modality: input.modality, slot: occurrence.slot)
        }
    }

    /// The refusal sentence when `proposed` clashes with the therapists' or the room's sessions.
    func conflicts(_ proposed: [Booking], therapists: [UUID], roomID: UUID?, ignoring: (Booking) -> Bool = { _ in false }) async throws -> String? {
        guard let first = proposed.map(\.slot.start).min(), let last = proposed.map(\.slot.end).max() else { return nil }
        let window = try TimeSlot(start: first, end: last)
        var existing: [SessionKey: ScheduledSession] = [:]
        for therapist in therapists {
            for session in try await loader.forTherapist(therapist, in: window) where session.takesPlace { existing[session.key] = session }
        }
        if let roomID {
            for session in try await loader.forRoom(roomID, in: window) where session.takesPlace { existing[session.key] = session }
        }
        let bookings = existing.values.map(\.booking).filter { !ignoring($0) }
        let staff = try await SessionQueries(database: database).accounts(therapists)
        let names = Dictionary(staff.compactMap { user in user.id.map { (UserID($0), user.displayName) } }, uniquingKeysWith: { first, _ in first })
        do {
            try ConflictChecker.check(proposed: proposed, existing: bookings)
            return nil
        } catch {
            return SchedulingErrorText.text(error, zone: loader.zone, staffNames: names)
        }
    }

    private func seriesRecord(id: UUID, kind: SeriesKind, input: BookingInput) -> SessionSeriesRecord {
        let record = SessionSeriesRecord()
        record.id = id
        record.$clinic.id = loader.clinicID
        record.kind = kind.rawValue
        record.firstDate = input.date.description
        record.startTime = input.time.description
        record.durationMinutes = input.minutes
        record.lastDate = input.lastDate?.description
        record.modality = input.modalityKind.rawValue
        record.$room.id = input.roomID
        record.videoURL = input.videoURL
        record.createdAt = now
        return record
    }
}
