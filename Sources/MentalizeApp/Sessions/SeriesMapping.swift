import Fluent
import Foundation
import MentalizeCore

/// Turns stored series, changes and one-off rows into the core's scheduling values. Rows that no
/// longer parse (which validation on entry prevents) are skipped rather than breaking a page.
struct SeriesMapping {
    let zone: ClinicZone
    let rooms: [UUID: RoomRecord]
    let videoHost: String

    func modality(kind: String, roomID: UUID?, videoURL: String?) -> SessionModality {
        switch ModalityKind(rawValue: kind) {
        case .inPerson:
            if let roomID, let record = rooms[roomID], let room = try? Room(id: RoomID(roomID), name: record.name) { return .inPerson(room) }
            return .phone
        case .video:
            if let videoURL, let link = try? VideoLink(videoURL, serviceHost: videoHost) { return .video(link) }
            return .phone
        case .phone, nil:
            return .phone
        }
    }

    func recurrence(_ record: SessionSeriesRecord) -> WeeklyRecurrence? {
        guard let first = try? LocalDate(iso: record.firstDate), let time = try? LocalTime(text: record.startTime) else { return nil }
        let end: RecurrenceEnd = if let last = record.lastDate, let date = try? LocalDate(iso: last) { .onOrBefore(date) } else { .never }
        return try? WeeklyRecurrence(zone: zone, firstDate: first, time: time, durationMinutes: record.durationMinutes, end: end)
    }

    func series(_ record: SessionSeriesRecord, changes: [SeriesChangeRecord]) -> SessionSeries? {
        guard let id = record.id, let recurrence = recurrence(record) else { return nil }
        var series = SessionSeries(id: SeriesID(id), recurrence: recurrence)
        for change in changes {
            guard let date = try? LocalDate(iso: change.originalDate) else { continue }
            switch change.change {
            case "cancelled":
                try? series.cancel(on: date, reason: change.reason.flatMap(CancellationReason.init(rawValue:)) ?? .clinic)
            case "moved":
                if let start = change.movedStart, let end = change.movedEnd, let slot = try? TimeSlot(start: start, end: end) { try? series.move(on: date, to: slot) }
            default:
                continue
            }
        }
        return series
    }

    func course(_ record: SessionSeriesRecord, changes: [SeriesChangeRecord], therapists: [UUID], holidays: ClinicHolidays) -> MBTICourse? {
        guard let id = record.id, let recurrence = recurrence(record), let groupTherapists = try? GroupTherapists(therapists.map(UserID.init)) else { return nil }
        let curriculum = (record.curriculum ?? "").split(separator: "\n").map(String.init)
        guard var course = try? MBTICourse(id: CourseID(id), title: record.title ?? "MBT-I", recurrence: recurrence, curriculum: curriculum,
                                           therapists: groupTherapists, modality: modality(kind: record.modality, roomID: record.$room.id, videoURL: record.videoURL)) else { return nil }
        for change in changes where change.change == "skipped" {
            if let date = try? LocalDate(iso: change.originalDate) { try? course.skipWeek(date) }
        }
        // A move is stored by the week it belongs to; the core moves by curriculum number, so the
        // number placed in that week (after skips) is looked up first.
        let moves = changes.filter { $0.change == "moved" }
        guard !moves.isEmpty else { return course }
        let numbers = Dictionary(((try? course.sessions(holidays: holidays)) ?? []).map { ($0.date, $0.number) }, uniquingKeysWith: { first, _ in first })
        for change in moves {
            guard let date = try? LocalDate(iso: change.originalDate), let number = numbers[date],
                  let start = change.movedStart, let end = change.movedEnd, let slot = try? TimeSlot(start: start, end: end) else { continue }
            try? course.move(session: number, to: slot)
        }
        return course
    }
}
