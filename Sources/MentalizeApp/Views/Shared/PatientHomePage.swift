import Fluent
import MentalizeCore
import Vapor

/// The patient's home: what is waiting for them (questionnaires, unread messages), their crisis
/// plan with the helplines, and the way to their record-access history. Plain words, nothing that
/// reads as a score about them. Each section is read through the access door (and audited).
enum PatientHomePage {
    static func render(_ request: Request, access: PatientAccess, patientID: UUID) async throws -> View {
        let patient = try await access.patient(patientID, for: .list, kind: .measureResponse)
        let due = try await DueMeasures.list(request, patient: patient)
        _ = try await access.patient(patientID, for: .list, kind: .message)
        let unread = try await MessageBoard(request: request).threads(patientID: patientID, reader: access.user.id).map(\.unread).reduce(0, +)
        let helplines = try await CrisisPlans(database: request.db).helplines(clinicID: patient.$clinic.id)
        let context = PatientHomeContext(
            page: PageChrome(titleKey: "home.title", request: request), givenName: patient.givenName, due: due, unread: unread,
            measuresPath: SiteRoute.myMeasures.path, diaryPath: SiteRoute.myDiary.path, learningPath: SiteRoute.myLearning.path, messagesPath: SiteRoute.myMessages.path, crisisPath: SiteRoute.myCrisisPlan.path,
            recordAccessPath: SiteRoute.recordAccess.path, dataPath: SiteRoute.myData.path,
            formulationPath: SiteRoute.myFormulation.path, reportPath: SiteRoute.myReport.path,
            helplines: helplines.map { .init(name: $0.name, phone: $0.phone, dial: $0.phone.filter { $0.isNumber || $0 == "+" }, hours: $0.hours) },
            signOutEverywherePath: SiteRoute.signOutEverywhere.path, csrfToken: request.csrfToken
        )
        return try await request.view.render("patient-home", context)
    }
}

/// What the patient's home shows.
struct PatientHomeContext: Encodable {
    let page: PageChrome
    let givenName: String
    let due: [MyMeasuresContext.Due]
    let unread: Int
    let measuresPath: String
    let diaryPath: String
    let learningPath: String
    let messagesPath: String
    let crisisPath: String
    let recordAccessPath: String
    let dataPath: String
    let formulationPath: String
    let reportPath: String
    let helplines: [CrisisPlanContext.Line]
    let signOutEverywherePath: String
    let csrfToken: String
}
