import Fluent
import MentalizeCore
import Vapor

/// The patient's home: the next appointment, what is waiting for them (questionnaires, unread messages), their crisis
/// plan with the helplines, and the way to their record-access history. Plain words, nothing that
/// reads as a score about them. Each section is read through the access door (and audited).
enum PatientHomePage {
    static func render(_ request: Request, access: PatientAccess, patientID: UUID) async throws -> View {
        let patient = try await access.patient(patientID, for: .list, kind: .measureResponse)
        let due = try await DueMeasures.list(request, patient: patient)
        _ = try await access.patient(patientID, for: .list, kind: .message)
        let unread = try await MessageStore(database: request.db, now: request.now).threads(patientID: patientID, reader: access.user.id).map(\.unread).reduce(0, +)
        let helplines = try await Helplines(database: request.db).lines(clinicID: patient.$clinic.id, language: request.language)
        _ = try await access.patient(patientID, for: .read, kind: .demographics)
        let loader = try await request.scheduleLoader()
        let next = try await CalendarFeedBuilder(database: request.db, loader: loader, now: request.now).sessions(for: access.user.user)
            .filter { $0.slot.end >= request.now && $0.takesPlace }.min { $0.slot.start < $1.slot.start }
        let context = PatientHomeContext(
            page: PageChrome(titleKey: "home.title", request: request), givenName: patient.givenName, due: due, unread: unread,
            nextAppointment: next.map { .init(when: DisplayTime.clinic($0.slot.start, zone: loader.zone), title: $0.patientID != nil ? PageText.text("session.kind.individual") : $0.title,
                                              location: $0.modality.locationText) },
            appointmentsPath: SiteRoute.myAppointments.path, calendarPath: SiteRoute.myCalendar.path,
            measuresPath: SiteRoute.myMeasures.path, diaryPath: SiteRoute.myDiary.path, learningPath: SiteRoute.myLearning.path, messagesPath: SiteRoute.myMessages.path, crisisPath: SiteRoute.myCrisisPlan.path,
            recordAccessPath: SiteRoute.recordAccess.path, dataPath: SiteRoute.myData.path, notificationsPath: SiteRoute.myNotifications.path,
            formulationPath: SiteRoute.myFormulation.path, reportPath: SiteRoute.myReport.path,
            helplines: helplines,
            signOutEverywherePath: SiteRoute.signOutEverywhere.path, csrfToken: request.csrfToken
        )
        return try await request.view.render("patient-home", context)
    }
}

/// What the patient's home shows.
struct PatientHomeContext: Encodable {
    struct Appointment: Encodable {
        let when: String
        let title: String
        let location: String
    }

    let page: PageChrome
    let givenName: String
    let due: [MyMeasuresContext.Due]
    let unread: Int
    let nextAppointment: Appointment?
    let appointmentsPath: String
    let calendarPath: String
    let measuresPath: String
    let diaryPath: String
    let learningPath: String
    let messagesPath: String
    let crisisPath: String
    let recordAccessPath: String
    let dataPath: String
    let notificationsPath: String
    let formulationPath: String
    let reportPath: String
    let helplines: [HelplineLine]
    let signOutEverywherePath: String
    let csrfToken: String
}
