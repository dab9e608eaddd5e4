import MentalizeCore
import Vapor

/// Every path the app serves, with who may reach it. Routes are registered from these values and
/// links are built from them; the access-matrix test walks every route that names a patient, so a
/// new route cannot skip declaring its scope.
enum SiteRoute: String, CaseIterable, Sendable {
    case home = "/"
    case signIn = "/sign-in"
    case signOut = "/sign-out"
    case signOutEverywhere = "/sign-out/everywhere"
    case language = "/language"
    case secondFactor = "/sign-in/second-factor"
    case secondFactorQRCode = "/sign-in/second-factor/qr.svg"
    case dashboard = "/home"
    case healthz = "/healthz"
    case readyz = "/readyz"
    case patients = "/patients"
    case newPatient = "/patients/new"
    case patient = "/patients/:patientID"
    case patientProgramme = "/patients/:patientID/programme"
    case patientSuitability = "/patients/:patientID/suitability"
    case patientConsents = "/patients/:patientID/consents"
    case crisisPlan = "/patients/:patientID/crisis-plan"
    case crisisPlanSave = "/patients/:patientID/crisis-plan/versions"
    case myCrisisPlan = "/me/crisis-plan"
    case recordAccess = "/me/record-access"
    case breakGlass = "/break-glass"
    case auditLog = "/audit"
    case adminUsers = "/admin/users"
    case adminUserDisable = "/admin/users/:userID/disable"
    case adminUserEnable = "/admin/users/:userID/enable"
    case programmeDashboard = "/programme"
    case programmeOutcomes = "/programme/outcomes"
    case programmeOutcomesCSV = "/programme/outcomes.csv"
    case careTeam = "/care-team"
    case careTeamEnd = "/care-team/:assignmentID/end"
    case roleApprovals = "/role-approvals"
    case roleApprovalDecide = "/role-approvals/:grantID"
    case patientDetails = "/patients/:patientID/details"
    case patientDetailsSave = "/patients/:patientID/details/save"
    case patientAssessment = "/patients/:patientID/assessment"
    case patientInterviews = "/patients/:patientID/assessment/interviews"
    case patientRiskAssessments = "/patients/:patientID/assessment/risk"
    case patientChecklist = "/patients/:patientID/assessment/checklist"
    case formulation = "/patients/:patientID/formulation"
    case formulationSave = "/patients/:patientID/formulation/versions"
    case formulationCompare = "/patients/:patientID/formulation/compare"
    case formulationShare = "/patients/:patientID/formulation/versions/:number/share"
    case patientEvents = "/patients/:patientID/events"
    case patientEventSave = "/patients/:patientID/events/new"
    case myFormulation = "/me/formulation"
    case myReport = "/me/report"
    case myMeasures = "/me/measures"
    case myMeasureStart = "/me/measures/:assignmentID/start"
    case myMeasureChart = "/me/measures/charts/:instrumentID"
    case myResponse = "/me/responses/:responseID"
    case myResponseAnswer = "/me/responses/:responseID/answer"
    case myResponseReview = "/me/responses/:responseID/review"
    case myResponseSubmit = "/me/responses/:responseID/submit"
    case myResponseDone = "/me/responses/:responseID/done"
    case patientMeasures = "/patients/:patientID/measures"
    case patientMeasureAnswers = "/patients/:patientID/measures/:instrumentID/answers"
    case patientMeasureChart = "/patients/:patientID/measures/:instrumentID/chart.svg"
    case patientMeasuresExport = "/patients/:patientID/measures-export.csv"
    case patientMeasureAssign = "/patients/:patientID/measures/assign"
    case patientMeasureEntry = "/patients/:patientID/measures/enter"
    case alerts = "/alerts"
    case alert = "/alerts/:alertID"
    case alertAdvance = "/alerts/:alertID/advance"
    case measurementPlan = "/programme/measurement-plan"
    case measurementPlanRemove = "/programme/measurement-plan/:itemID/remove"
    case myMessages = "/me/messages"
    case myMessagesStart = "/me/messages/new"
    case myMessageThread = "/me/messages/:threadID"
    case myMessageReply = "/me/messages/:threadID/reply"
    case staffInbox = "/messages"
    case messageThread = "/messages/:threadID"
    case messageReply = "/messages/:threadID/reply"
    case patientMessages = "/patients/:patientID/messages"
    case patientMessageStart = "/patients/:patientID/messages/new"
    case myDiary = "/me/diary"
    case myDiaryNew = "/me/diary/new"
    case myDiaryPrompts = "/me/diary/prompts"
    case myDiaryEntry = "/me/diary/:entryID"
    case myDiaryEdit = "/me/diary/:entryID/edit"
    case myDiaryDelete = "/me/diary/:entryID/delete"
    case patientDiary = "/patients/:patientID/diary"
    case patientDiaryFlags = "/patients/:patientID/diary/flags"
    case myLearning = "/me/learning"
    case myModule = "/me/learning/:moduleID"
    case myModuleDone = "/me/learning/:moduleID/done"
    case patientLearning = "/patients/:patientID/learning"
    case patientLearningUnlock = "/patients/:patientID/learning/unlock"
    case myData = "/me/data"
    case myDataJSON = "/me/data.json"
    case portalSettings = "/programme/portal"
    case programmeTypes = "/programme/types"
    case clinicRooms = "/programme/rooms"
    case clinicRoomRemove = "/programme/rooms/:roomID/remove"
    case clinicHolidays = "/programme/holidays"
    case clinicHolidayRemove = "/programme/holidays/:holidayID/remove"
    case groupNew = "/groups/new"
    case courseNew = "/groups/new-course"
    case groupWaitingListRemove = "/groups/:groupID/waiting-list/:entryID/remove"
    case schedule = "/schedule"
    case caseload = "/caseload"
    case fidelity = "/fidelity"
    case fidelityClipNew = "/fidelity/clips/new"
    case fidelityClips = "/fidelity/clips"
    case fidelityRating = "/fidelity/ratings/:ratingID"
    case programmeFidelity = "/programme/fidelity"
    case programmeFidelitySample = "/programme/fidelity/sample"
    case supervision = "/supervision"
    case supervisionSessions = "/supervision/sessions"
    case patientSessions = "/patients/:patientID/sessions"
    case patientSeriesBook = "/patients/:patientID/sessions/series"
    case patientOneOffBook = "/patients/:patientID/sessions/one-off"
    case session = "/sessions/:sessionKey"
    case sessionAttendance = "/sessions/:sessionKey/attendance"
    case sessionNote = "/sessions/:sessionKey/note"
    case sessionAddendum = "/sessions/:sessionKey/addendum"
    case sessionReview = "/sessions/:sessionKey/review"
    case sessionChange = "/sessions/:sessionKey/change"
    case sessionProcessNote = "/sessions/:sessionKey/process-note"
    case processNote = "/process-notes/:noteID"
    case groups = "/groups"
    case group = "/groups/:groupID"
    case groupSlot = "/groups/:groupID/slot"
    case groupMembers = "/groups/:groupID/members"
    case groupMemberLeave = "/groups/:groupID/members/:membershipID/leave"
    case groupWaitingList = "/groups/:groupID/waiting-list"
    case myAppointments = "/me/appointments"
    case myCalendar = "/me/calendar"
    case myCalendarRevoke = "/me/calendar/revoke"
    case calendarFeed = "/calendar/:feedToken"
    case apiToken = "/api/v1/auth/token"
    case apiPatients = "/api/v1/patients"
    case apiPatient = "/api/v1/patients/:patientID"
    case apiPatientMeasuresFHIR = "/api/v1/patients/:patientID/measures/fhir"
    case apiMyMeasuresFHIR = "/api/v1/me/measures/fhir"
    case setup = "/setup/:token"
    case activate = "/activate/:token"
    case forgotPassword = "/forgot-password"
    case resetPassword = "/reset-password/:token"
    case patientInvitation = "/patients/:patientID/invitation"
    case patientInvitationRevoke = "/patients/:patientID/invitation/revoke"
    case clinicSettings = "/settings/clinic"
    case clinicSettingsSave = "/settings/clinic/save"
    case clinicHelplineAdd = "/settings/clinic/helplines"
    case clinicHelplineSave = "/settings/clinic/helplines/:helplineID"
    case clinicHelplineRemove = "/settings/clinic/helplines/:helplineID/remove"
    case clinicHelplineMove = "/settings/clinic/helplines/:helplineID/move"
    case adminOutbox = "/admin/outbox"
    case myNotifications = "/me/notifications"
    case myTraining = "/me/training"
    case myTrainingCourseRemove = "/me/training/courses/:courseID/remove"
    case myTrainingEvidence = "/me/training/evidence/:schemeID"

    /// Who may reach the route, and for patient records, which kind and action the policy decides.
    enum Access: Equatable {
        case anyone
        case signedIn
        case patientList(RecordKind)
        case patientRecord(RecordKind, AccessAction)
        case roles(Set<Role>)
        /// Anyone holding the secret in the path (a calendar feed); no session.
        case secretLink
    }

    var access: Access {
        switch self {
        case .home, .signIn, .signOut, .signOutEverywhere, .language, .secondFactor, .secondFactorQRCode, .healthz, .readyz, .apiToken: .anyone
        case .dashboard, .recordAccess, .myCrisisPlan, .myMeasures, .apiMyMeasuresFHIR: .signedIn
        case .myMeasureStart, .myMeasureChart, .myResponse, .myResponseAnswer, .myResponseReview, .myResponseSubmit, .myResponseDone: .roles([.patient])
        case .patientMeasures, .patientMeasureAnswers, .patientMeasureChart: .patientRecord(.measureResponse, .read)
        case .patientMeasuresExport, .apiPatientMeasuresFHIR: .patientRecord(.measureResponse, .export)
        case .patientMeasureAssign, .patientMeasureEntry: .patientRecord(.measureResponse, .write)
        case .alerts, .alert, .alertAdvance: .roles(Role.clinicalStaff)
        case .measurementPlan, .measurementPlanRemove: .roles([.programmeLead])
        case .myMessages: .signedIn
        case .myMessagesStart, .myMessageThread, .myMessageReply: .roles([.patient])
        case .staffInbox, .messageThread, .messageReply: .roles(Role.clinicalStaff)
        case .patientMessages: .patientRecord(.message, .list)
        case .patientMessageStart: .patientRecord(.message, .write)
        case .myDiary: .signedIn
        case .myDiaryNew, .myDiaryPrompts, .myDiaryEntry, .myDiaryEdit, .myDiaryDelete: .roles([.patient])
        case .patientDiary: .patientRecord(.sharedDiaryEntry, .list)
        case .patientDiaryFlags: .patientRecord(.sessionNote, .write)
        case .myLearning, .myData, .myDataJSON: .signedIn
        case .portalSettings, .programmeTypes: .roles([.programmeLead])
        case .clinicRooms, .clinicRoomRemove, .clinicHolidays, .clinicHolidayRemove: .roles([.programmeLead])
        case .groupNew, .courseNew, .groupWaitingListRemove: .roles([.therapist])
        case .myModule, .myModuleDone: .roles([.patient])
        case .patientLearning: .patientRecord(.measureResponse, .read)
        case .patientLearningUnlock: .patientRecord(.measureResponse, .write)
        case .patients, .apiPatients: .patientList(.demographics)
        case .patient, .apiPatient: .patientRecord(.demographics, .read)
        case .patientProgramme, .patientSuitability, .patientConsents: .patientRecord(.demographics, .write)
        case .crisisPlan: .patientRecord(.crisisPlan, .read)
        case .crisisPlanSave: .patientRecord(.crisisPlan, .write)
        case .breakGlass: .roles(Role.clinicalStaff)
        case .newPatient: .roles([.therapist, .programmeLead])
        case .auditLog: .roles([.admin, .programmeLead])
        case .adminUsers, .adminUserDisable, .adminUserEnable: .roles([.admin])
        case .roleApprovals, .roleApprovalDecide: .roles([.programmeLead, .admin])
        case .careTeam, .careTeamEnd, .programmeDashboard, .programmeOutcomes, .programmeOutcomesCSV: .roles([.programmeLead])
        case .patientDetails: .patientRecord(.demographics, .read)
        case .patientDetailsSave: .patientRecord(.demographics, .write)
        case .patientAssessment, .patientEvents: .patientRecord(.clinicalEvent, .read)
        case .patientInterviews, .patientRiskAssessments, .patientChecklist, .patientEventSave: .patientRecord(.clinicalEvent, .write)
        case .formulation, .formulationCompare: .patientRecord(.formulation, .read)
        case .formulationSave, .formulationShare: .patientRecord(.formulation, .write)
        case .myFormulation, .myReport: .roles([.patient])
        case .supervision, .supervisionSessions, .sessionReview: .roles([.supervisor])
        case .fidelity, .fidelityRating: .roles([.therapist, .supervisor])
        case .fidelityClipNew, .fidelityClips: .roles([.therapist])
        case .programmeFidelity, .programmeFidelitySample: .roles([.programmeLead])
        case .schedule, .caseload, .sessionAttendance, .sessionNote, .sessionAddendum, .sessionChange: .roles([.therapist])
        case .session, .sessionProcessNote, .processNote: .roles([.therapist, .supervisor])
        case .groups, .group: .roles([.therapist, .supervisor, .programmeLead])
        case .groupSlot, .groupMembers, .groupMemberLeave, .groupWaitingList: .roles([.therapist])
        case .patientSessions: .patientRecord(.sessionNote, .read)
        case .patientSeriesBook, .patientOneOffBook: .patientRecord(.demographics, .write)
        case .myAppointments, .myCalendar, .myCalendarRevoke: .signedIn
        case .calendarFeed, .setup, .activate, .resetPassword: .secretLink
        case .forgotPassword: .anyone
        case .myNotifications: .signedIn
        case .myTraining, .myTrainingCourseRemove, .myTrainingEvidence: .roles([.therapist, .supervisor])
        case .clinicSettings: .roles([.admin, .programmeLead])
        case .clinicSettingsSave, .clinicHelplineAdd, .clinicHelplineSave, .clinicHelplineRemove, .clinicHelplineMove, .adminOutbox: .roles([.admin])
        case .patientInvitation, .patientInvitationRevoke: .patientRecord(.demographics, .write)
        }
    }

    /// The path as written in links (`:name` segments are parameters).
    var path: String { rawValue }

    /// The path with its parameters filled in by name: for the typed links (SiteRoute+Links) and
    /// for tests that walk every route; pages use the typed links.
    func filled(_ parameters: [String: String]) -> String {
        parameters.reduce(rawValue) { path, parameter in path.replacingOccurrences(of: ":\(parameter.key)", with: parameter.value) }
    }

    /// The path as Vapor's router reads it.
    var pathComponents: [PathComponent] { rawValue == "/" ? [] : rawValue.pathComponents }
}
