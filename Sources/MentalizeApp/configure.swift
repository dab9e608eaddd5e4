import Fluent
import Leaf
import LeafKit
import Vapor

/// Configures a Vapor application for Mentalize: middleware, templates, static files and routes.
/// The database must already be registered (see ``AppBootstrap``).
func configure(_ app: Application, resources: AppResources) throws {
    // Forms carry clinical text: a session narrative may hold 20,000 characters and a group note
    // nine member notes besides, several times that once URL-encoded. Vapor's 16 kB default would
    // refuse them; 1 MB still bounds what one request can make the server hold.
    app.routes.defaultMaxBodySize = "1mb"
    app.middleware = .init()
    app.middleware.use(RequestIDMiddleware())
    app.middleware.use(AccessLogMiddleware())
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(ErrorPageMiddleware())
    app.middleware.use(PlainHTTPRedirect())
    app.middleware.use(app.firstRunGate)
    app.middleware.use(SessionAuthenticator())
    app.middleware.use(ClinicZoneMiddleware())
    let localizations = try Localizations.load(from: resources)
    app.middleware.use(LanguageMiddleware(available: localizations.available))
    app.middleware.use(CSRFProtection())
    app.middleware.use(OpenAlertsMiddleware())
    app.middleware.use(NavigationCountsMiddleware())
    app.middleware.use(StaticFilesMiddleware(publicDirectory: resources.publicDirectory))

    app.views.use(.leaf)
    // The bundle can sit under a hidden folder (.build), so Leaf's "visible files only" limit is
    // left out; templates still cannot be read from outside the views folder.
    app.leaf.sources = .singleSource(NIOLeafFiles(
        fileio: app.fileio,
        limits: [.toSandbox, .requireExtensions, .onlyLeafExtensions],
        sandboxDirectory: resources.viewsDirectory,
        viewDirectory: resources.viewsDirectory
    ))
    app.leaf.cache.isEnabled = app.environment.isRelease
    app.leaf.tags["t"] = LocalizedTextTag(localizations: localizations)
    app.leaf.tags["tn"] = PluralTextTag(localizations: localizations)
    app.leaf.tags["clinicTime"] = ClinicTimeTag(withTime: true)
    app.leaf.tags["clinicDay"] = ClinicTimeTag(withTime: false)

    try app.register(collection: HealthController())
    try app.register(collection: LanguageController(available: localizations.available))
    try app.register(collection: FirstRunController())
    try app.register(collection: ActivationController())
    try app.register(collection: PasswordResetController())
    try app.register(collection: PortalInvitationController())
    try app.register(collection: ClinicSettingsController())
    try app.register(collection: AdminOutboxController())
    try app.register(collection: NotificationPreferencesController())
    try app.register(collection: SignInController())
    try app.register(collection: SecondFactorController())
    try app.register(collection: DashboardController())
    try app.register(collection: RegistrationController())
    try app.register(collection: PatientController())
    try app.register(collection: ProgrammeController())
    try app.register(collection: CrisisPlanController())
    try app.register(collection: ConsentController())
    try app.register(collection: RecordAccessController())
    try app.register(collection: BreakGlassController())
    try app.register(collection: AuditViewerController())
    try app.register(collection: AdminUsersController())
    try app.register(collection: RoleApprovalsController())
    try app.register(collection: CareTeamController())
    try app.register(collection: ProgrammeDashboardController())
    try app.register(collection: ProgrammeOutcomesController())
    try app.register(collection: SupervisionController())
    try app.register(collection: TrainingLedgerController())
    try app.register(collection: PatientDetailsController())
    try app.register(collection: AssessmentController())
    try app.register(collection: FormulationController())
    try app.register(collection: MyFormulationController())
    try app.register(collection: ClinicalEventController())
    try app.register(collection: MyReportController())
    try app.register(collection: MyMeasuresController())
    try app.register(collection: PatientMeasuresController())
    try app.register(collection: AlertsController())
    try app.register(collection: MeasurementPlanController())
    try app.register(collection: MyMessagesController())
    try app.register(collection: StaffMessagesController())
    try app.register(collection: MyDiaryController())
    try app.register(collection: PatientDiaryController())
    try app.register(collection: LearningController())
    try app.register(collection: MyDataController())
    try app.register(collection: PortalSettingsController())
    try app.register(collection: ProgrammeTypesController())
    try app.register(collection: ClinicRoomsController())
    try app.register(collection: ClinicHolidaysController())
    try app.register(collection: GroupCreationController())
    try app.register(collection: CourseCreationController())
    try app.register(collection: ScheduleController())
    try app.register(collection: PatientSessionsController())
    try app.register(collection: SessionController())
    try app.register(collection: NoteReviewController())
    try app.register(collection: FidelityController())
    try app.register(collection: ProgrammeFidelityController())
    try app.register(collection: EvidencePackController())
    try app.register(collection: ProcessNoteController())
    try app.register(collection: GroupController())
    try app.register(collection: MyAppointmentsController())
    try app.register(collection: APIAuthController())
    try app.register(collection: APIPatientController())
    try app.register(collection: APIMeasuresController())
}
