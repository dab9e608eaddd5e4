import Foundation
import MentalizeCore
import Vapor

/// The fields of a booking form (weekly series, group slot or one-off), as typed. Kept as strings
/// so a refused form comes back with everything the person entered.
struct BookingForm: Content, Sendable {
    var date: String?
    var time: String?
    var minutes: String?
    var lastDate: String?
    var modality: String?
    var roomID: String?
    var videoURL: String?

    /// The form's values for re-display.
    var values: [String: String] {
        ["date": date ?? "", "time": time ?? "", "minutes": minutes ?? "", "lastDate": lastDate ?? "",
         "modality": modality ?? "inPerson", "roomID": roomID ?? "", "videoURL": videoURL ?? ""]
    }
}

/// A booking form checked against the scheduling rules: the first date, wall-clock time, length,
/// optional last date and how the session is held. Each problem is keyed by its field.
struct BookingInput: Sendable {
    let date: LocalDate
    let time: LocalTime
    let minutes: Int
    let lastDate: LocalDate?
    let modalityKind: ModalityKind
    let roomID: UUID?
    let videoURL: String?
    let modality: SessionModality

    static func parse(_ form: BookingForm, mapping: SeriesMapping, defaultMinutes: Int, today: LocalDate) -> Result<BookingInput, BookingProblems> {
        var problems: [String: String] = [:]
        let date: LocalDate? = capture("date", &problems) { () throws(SchedulingError) in try LocalDate(iso: form.date?.trimmed ?? "") }
        if let date, let problem = BookableDates.problem(date, today: today) { problems["date"] = problem }
        let time: LocalTime? = capture("time", &problems) { () throws(SchedulingError) in try LocalTime(text: form.time?.trimmed ?? "") }
        let minutesText = form.minutes?.trimmed ?? ""
        let minutes = minutesText.isEmpty ? defaultMinutes : Int(minutesText) ?? -1
        if !(1...1440).contains(minutes) { problems["minutes"] = SchedulingErrorText.text(.invalidDuration(minutes)) }
        var lastDate: LocalDate?
        if let text = form.lastDate?.trimmed, !text.isEmpty {
            lastDate = capture("lastDate", &problems) { () throws(SchedulingError) in try LocalDate(iso: text) }
            if let last = lastDate, let problem = BookableDates.problem(last, today: today) { problems["lastDate"] = problem }
            if let first = date, let last = lastDate, last < first { problems["lastDate"] = SchedulingErrorText.text(.endBeforeStart(first: first, last: last)) }
        }
        let kind = ModalityKind(rawValue: form.modality ?? "") ?? .inPerson
        var roomID: UUID?
        var videoURL: String?
        var modality = SessionModality.phone
        switch kind {
        case .inPerson:
            if let id = form.roomID.flatMap(UUID.init(uuidString:)), let record = mapping.rooms[id], let room = try? Room(id: RoomID(id), name: record.name) {
                roomID = id
                modality = .inPerson(room)
            } else {
                problems["roomID"] = PageText.text("schedule.error.chooseRoom")
            }
        case .video:
            do {
                let link = try VideoLink(form.videoURL?.trimmed ?? "", serviceHost: mapping.videoHost)
                videoURL = link.url.absoluteString
                modality = .video(link)
            } catch {
                problems["videoURL"] = SchedulingErrorText.text(error)
            }
        case .phone:
            break
        }
        guard problems.isEmpty, let date, let time else { return .failure(BookingProblems(fields: problems)) }
        return .success(BookingInput(date: date, time: time, minutes: minutes, lastDate: lastDate, modalityKind: kind, roomID: roomID, videoURL: videoURL, modality: modality))
    }

    private static func capture<T>(_ field: String, _ problems: inout [String: String], _ body: () throws(SchedulingError) -> T) -> T? {
        do {
            return try body()
        } catch {
            problems[field] = SchedulingErrorText.text(error)
            return nil
        }
    }
}

/// Why a booking was refused: problems per field, or a clash with existing bookings.
struct BookingProblems: Error, Sendable {
    var fields: [String: String] = [:]
    var conflict: String?
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
