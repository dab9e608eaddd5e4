import Fluent

/// Every migration this version knows, in order. Groups are numbered (001, 002, ...) and each
/// migration's name starts with its group, so the history table reads in order.
enum MigrationCatalog {
    static let all: [any Migration] = [
        CreateInstallation(),
        CreateClinics(),
        CreateUsers(),
        CreatePatients(),
        CreateTherapyGroups(),
        CreateRelationships(),
        CreateCredentials(),
        CreateSessions(),
        CreateAuditEvents(),
        CreateProgrammeRecords(),
        CreateReferrals(),
        CreateCrisisPlans(),
        CreateConsents(),
        CreateMeasurementPlans(),
        CreateMeasureAssignments(),
        CreateMeasureResponses(),
        CreateRiskAlerts(),
        CreateInstrumentTextPacks(),
        CreateRooms(),
        CreateClinicHolidays(),
        CreateSessionSeries(),
        CreateSeriesChanges(),
        CreateOneOffSessions(),
        CreateWaitingList(),
        CreateAttendance(),
        CreateSessionNotes(),
        CreateProcessNotes(),
        CreateCalendarFeeds(),
        CreateSchedulingIndexes(),
        CreateProgrammeTypes(),
        CreatePatientDetails(),
        CreateAssessmentRecords(),
        CreateFormulations(),
        CreateClinicalEvents(),
        CreateMessages(),
        CreateDiaryEntries(),
        CreateModuleProgress(),
        CreateRoleGrants(),
        CreateBackgroundJobs(),
        CreateAuditReadIndex(),
        AddClinicSettings(),
        CreateOneTimeTokens(),
        CreateOutbox(),
        AddAuditDetail(),
    ]

    static var names: Set<String> { Set(all.map(\.name)) }
}
