import Fluent
import Foundation
import MentalizeCore
import Vapor

/// The staff page of one patient's sessions: upcoming and recent sessions with attendance and note
/// state, the attendance rate and drop-out warning, the weekly series, and the booking forms.
/// Access was already decided (and audited) by the caller.
enum PatientSessionsPage {
    static func render(_ request: Request, access: PatientAccess, patient: Patient, form: BookingForm = BookingForm(), formKind: String = "",
                       problems: BookingProblems = BookingProblems(), status: HTTPResponseStatus = .ok) async throws -> Response {
        let patientID = try patient.requireID()
        let loader = try await request.scheduleLoader()
        let zone = loader.zone
        let now = request.now
        let window = try TimeSlot(start: now.addingTimeInterval(-12 * 7 * 86_400), end: now.addingTimeInterval(8 * 7 * 86_400))
        let sessions = try await loader.forPatient(patientID, in: window)
        let queries = SessionQueries(database: request.db)
        let entries = try await queries.marks(ofPatient: patientID)
        let notes = try await queries.notes(ofPatient: patientID, since: window.start)
        let records = AttendanceFacts.records(entries)
        let summary = AttendanceSummary(records: records)
        let warning = try NonAttendanceRule().warning(for: PatientID(patientID), records: records)
        let rows = sessions.map { session in
            let mark = entries.first { $0.sourceID == session.key.source && $0.sessionDate == session.key.date.description }?.mark
            let note = notes.first { $0.sourceID == session.key.source && $0.sessionDate == session.key.date.description }?.state
            return PatientSessionsContext.Row(when: DisplayTime.clinic(session.slot.start, zone: zone), title: session.title, statusKey: session.statusKey(marks: mark.map { [$0] } ?? [], now: now),
                                              attendanceKey: mark.map { "attendance.\($0)" } ?? "", noteKey: session.patientID == nil ? "" : "sessions.noteState.\(note ?? "none")",
                                              path: session.patientID == nil ? nil : SiteRoute.session.path(session: session.key),
                                              isPast: session.slot.start < now)
        }
        let series = try await queries.series(ofPatient: patientID)
        let canBook = try await access.allows(.write, .demographics, patientID: patientID) && access.user.roles.contains(Role.therapist.rawValue)
        let rooms = loader.mapping.rooms.values.sorted { $0.name < $1.name }
        let context = PatientSessionsContext(
            page: PageChrome(titleKey: "sessions.patientTitle", request: request), csrfToken: request.csrfToken, name: patient.displayName,
            patientPath: SiteRoute.patient.path(patient: patientID), zone: zone.identifier,
            upcoming: rows.filter { !$0.isPast }, past: rows.filter(\.isPast).reversed(),
            rate: AttendanceFacts.rateText(summary), warning: warning.map { "\($0.consecutiveMissed)" },
            series: series.map { record in
                let weekday = (try? LocalDate(iso: record.firstDate))?.weekday.name ?? ""
                return .init(text: "\(weekday) \(record.startTime), \(record.durationMinutes) min, \(record.firstDate) – \(record.lastDate ?? "…")")
            },
            canBook: canBook, seriesPath: SiteRoute.patientSeriesBook.path(patient: patientID), oneOffPath: SiteRoute.patientOneOffBook.path(patient: patientID),
            form: BookingFormContext.make(form, kind: formKind, problems: problems, rooms: rooms),
            freeWeek: canBook ? try await FreeWeek.load(request, loader: loader, therapistID: access.user.id, patientID: patientID) : nil)
        let response = try await request.view.render("patient-sessions", context).encodeResponse(for: request)
        response.status = status
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}

/// What the patient's sessions page shows.
struct PatientSessionsContext: Encodable {
    struct Row: Encodable {
        let when: String
        let title: String
        let statusKey: String
        let attendanceKey: String
        let noteKey: String
        let path: String?
        let isPast: Bool
    }

    struct Series: Encodable {
        let text: String
    }

    let page: PageChrome
    let csrfToken: String
    let name: String
    let patientPath: String
    let zone: String
    let upcoming: [Row]
    let past: [Row]
    let rate: String
    let warning: String?
    let series: [Series]
    let canBook: Bool
    let seriesPath: String
    let oneOffPath: String
    let form: BookingFormContext
    /// For the booking therapist: their free times in the chosen week.
    let freeWeek: FreeWeek?
}

/// A booking form's values, choices and problems (shared by the series, one-off and group slot forms).
struct BookingFormContext: Encodable {
    struct Room: Encodable {
        let id: String
        let name: String
        let selected: Bool
    }

    let kind: String
    let date: String
    let time: String
    let minutes: String
    let lastDate: String
    let modality: String
    let videoURL: String
    let rooms: [Room]
    let errors: [String: String]
    let errorList: [String]
    let conflict: String?

    static func make(_ form: BookingForm, kind: String, problems: BookingProblems, rooms: [RoomRecord]) -> BookingFormContext {
        let values = form.values
        return BookingFormContext(kind: kind, date: values["date"] ?? "", time: values["time"] ?? "", minutes: values["minutes"] ?? "", lastDate: values["lastDate"] ?? "",
                                  modality: values["modality"] ?? "inPerson", videoURL: values["videoURL"] ?? "",
                                  rooms: rooms.compactMap { room in room.id.map { Room(id: $0.uuidString, name: room.name, selected: values["roomID"] == $0.uuidString) } },
                                  errors: problems.fields, errorList: problems.fields.keys.sorted().compactMap { problems.fields[$0] }, conflict: problems.conflict)
    }
}
