import Fluent
import Foundation
import MentalizeCore

/// Loads the sessions a page needs for one therapist, patient, group or room in a window. It reads
/// only the series and one-offs of that person, group or room (indexed), and lets the core expand
/// them, so the cost follows the caseload and not the size of the database.
struct ScheduleLoader {
    let database: any Database
    let clinicID: UUID
    let zone: ClinicZone
    let mapping: SeriesMapping
    let holidays: ClinicHolidays
    /// When the clinic's team works (Monday to Friday 9 to 5 until the clinic sets its own).
    let officeHours: OfficeHours

    /// The loader for a clinic: its zone, rooms, holidays and office hours.
    static func make(database: any Database, clinicID: UUID) async throws -> ScheduleLoader {
        let clinic = try await Clinic.find(clinicID, on: database)
        let zone = try ClinicZone(clinic?.timeZone ?? "UTC")
        let rooms = try await RoomRecord.query(on: database).filter(\.$clinic.$id == clinicID).all()
        var holidays = ClinicHolidays()
        for holiday in try await ClinicHolidayRecord.query(on: database).filter(\.$clinic.$id == clinicID).all() {
            if let date = try? LocalDate(iso: holiday.date) { holidays.add(date, name: holiday.name) }
        }
        let byID = Dictionary(rooms.compactMap { room in room.id.map { ($0, room) } }, uniquingKeysWith: { first, _ in first })
        return ScheduleLoader(database: database, clinicID: clinicID, zone: zone,
                              mapping: SeriesMapping(zone: zone, rooms: byID, videoHost: ClinicSettings.videoHost), holidays: holidays,
                              officeHours: clinic?.officeHours.flatMap { try? OfficeHours(storedText: $0) } ?? .weekdaysNineToFive)
    }

    func forTherapist(_ therapistID: UUID, in window: TimeSlot) async throws -> [ScheduledSession] {
        let individual = try await SessionSeriesRecord.query(on: database).filter(\.$therapist.$id == therapistID).all()
        let groupIDs = try await GroupTherapistRecord.query(on: database).filter(\.$therapist.$id == therapistID).all().map { $0.$group.id }
        let groups = groupIDs.isEmpty ? [] : try await SessionSeriesRecord.query(on: database).filter(\.$group.$id ~~ groupIDs).all()
        let oneOffs = try await OneOffSessionRecord.query(on: database).filter(\.$therapist.$id == therapistID)
            .filter(\.$startsAt < window.end).filter(\.$endsAt > window.start).all()
        let sessions = try await expand(individual + groups, in: window) + oneOffs.compactMap(oneOff)
        return sessions.filter { $0.therapistIDs.contains(therapistID) }.sorted { $0.slot.start < $1.slot.start }
    }

    func forPatient(_ patientID: UUID, in window: TimeSlot) async throws -> [ScheduledSession] {
        let individual = try await SessionSeriesRecord.query(on: database).filter(\.$patient.$id == patientID).all()
        let spells = try await GroupMembershipRecord.query(on: database).filter(\.$patient.$id == patientID).all()
        let groupIDs = Array(Set(spells.map { $0.$group.id }))
        let groups = groupIDs.isEmpty ? [] : try await SessionSeriesRecord.query(on: database).filter(\.$group.$id ~~ groupIDs).all()
        let oneOffs = try await OneOffSessionRecord.query(on: database).filter(\.$patient.$id == patientID)
            .filter(\.$startsAt < window.end).filter(\.$endsAt > window.start).all()
        let groupSessions = try await expand(groups, in: window).filter { session in
            spells.contains { $0.$group.id == session.groupID && $0.joinedAt <= session.slot.start && ($0.leftAt.map { session.slot.start < $0 } ?? true) }
        }
        return (try await expand(individual, in: window) + groupSessions + oneOffs.compactMap(oneOff)).sorted { $0.slot.start < $1.slot.start }
    }

    func forGroup(_ groupID: UUID, in window: TimeSlot) async throws -> [ScheduledSession] {
        try await expand(SessionSeriesRecord.query(on: database).filter(\.$group.$id == groupID).all(), in: window)
    }

    /// Sessions that occupy `roomID` in the window.
    func forRoom(_ roomID: UUID, in window: TimeSlot) async throws -> [ScheduledSession] {
        let series = try await SessionSeriesRecord.query(on: database).filter(\.$room.$id == roomID).all()
        let oneOffs = try await OneOffSessionRecord.query(on: database).filter(\.$room.$id == roomID)
            .filter(\.$startsAt < window.end).filter(\.$endsAt > window.start).all()
        return try await expand(series, in: window) + oneOffs.compactMap(oneOff)
    }

    /// One session by its key; nil when the source or date is unknown.
    func session(_ key: SessionKey) async throws -> ScheduledSession? {
        if let record = try await OneOffSessionRecord.find(key.source, on: database) {
            return oneOff(record).flatMap { $0.key == key ? $0 : nil }
        }
        guard let record = try await SessionSeriesRecord.find(key.source, on: database), record.$clinic.id == clinicID else { return nil }
        let day = zone.instant(on: key.date, at: try LocalTime(hour: 12, minute: 0))
        guard let window = try? TimeSlot(start: day.addingTimeInterval(-200 * 86_400), end: day.addingTimeInterval(200 * 86_400)) else { return nil }
        return try await expand([record], in: window).first { $0.key == key }
    }

    /// Expands series records into sessions overlapping `window`.
    func expand(_ records: [SessionSeriesRecord], in window: TimeSlot) async throws -> [ScheduledSession] {
        guard !records.isEmpty else { return [] }
        let ids = records.compactMap(\.id)
        let changes = Dictionary(grouping: try await SeriesChangeRecord.query(on: database).filter(\.$series.$id ~~ ids).all()) { $0.$series.id }
        let groupIDs = Array(Set(records.compactMap { $0.$group.id }))
        let groupTherapists = groupIDs.isEmpty ? [] : try await GroupTherapistRecord.query(on: database).filter(\.$group.$id ~~ groupIDs).all()
        let groupNames = groupIDs.isEmpty ? [:] : Dictionary(try await TherapyGroup.query(on: database).filter(\.$id ~~ groupIDs).all().compactMap { group in group.id.map { ($0, group.name) } },
                                                             uniquingKeysWith: { first, _ in first })
        var sessions: [ScheduledSession] = []
        for record in records {
            guard let id = record.id else { continue }
            let kind = SeriesKind(rawValue: record.kind) ?? .individual
            let modality = mapping.modality(kind: record.modality, roomID: record.$room.id, videoURL: record.videoURL)
            let therapists: (Date) -> [UUID] = { start in
                if let therapist = record.$therapist.id { return [therapist] }
                return groupTherapists.filter { $0.$group.id == record.$group.id && $0.startsAt <= start && ($0.endsAt.map { start < $0 } ?? true) }.map { $0.$therapist.id }
            }
            switch kind {
            case .course:
                guard let course = mapping.course(record, changes: changes[id] ?? [], therapists: therapists(window.start).isEmpty ? groupTherapists.filter { $0.$group.id == record.$group.id }.map { $0.$therapist.id } : therapists(window.start),
                                                  holidays: holidays),
                      let placed = try? course.sessions(holidays: holidays) else { continue }
                for session in placed where session.slot.overlaps(window) {
                    sessions.append(ScheduledSession(key: SessionKey(source: id, date: session.date), kind: .course, slot: session.slot,
                                                     status: session.isMoved ? .moved(from: course.recurrence.slot(on: session.date)) : .scheduled, title: "\(course.title): \(session.title)", patientID: nil, groupID: record.$group.id,
                                                     therapistIDs: therapists(session.slot.start), modality: modality, isOneOff: false))
                }
            case .individual, .group:
                guard let series = mapping.series(record, changes: changes[id] ?? []) else { continue }
                let title = kind == .group ? (record.$group.id.flatMap { groupNames[$0] } ?? PageText.text("session.kind.group")) : PageText.text("session.kind.individual")
                for occurrence in series.occurrences(in: window, holidays: holidays) {
                    sessions.append(ScheduledSession(key: SessionKey(source: id, date: occurrence.date), kind: kind, slot: occurrence.slot,
                                                     status: occurrence.status, title: title, patientID: record.$patient.id, groupID: record.$group.id,
                                                     therapistIDs: therapists(occurrence.slot.start), modality: modality, isOneOff: false))
                }
            }
        }
        return sessions
    }

    func oneOff(_ record: OneOffSessionRecord) -> ScheduledSession? {
        guard let id = record.id, let slot = try? TimeSlot(start: record.startsAt, end: record.endsAt) else { return nil }
        let status: OccurrenceStatus = record.cancellation.flatMap(CancellationReason.init(rawValue:)).map { .cancelled($0) } ?? .scheduled
        return ScheduledSession(key: SessionKey(source: id, date: zone.localDate(of: record.startsAt)), kind: .individual, slot: slot, status: status,
                                title: PageText.text("session.kind.individual"), patientID: record.$patient.id, groupID: nil, therapistIDs: [record.$therapist.id],
                                modality: mapping.modality(kind: record.modality, roomID: record.$room.id, videoURL: record.videoURL), isOneOff: true)
    }
}
