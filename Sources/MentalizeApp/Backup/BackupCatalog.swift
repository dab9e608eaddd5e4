import Fluent

/// Every table a backup holds, parents before children (the order the migrations create them),
/// so rows restore without breaking a foreign key. Left out on purpose: sign-in sessions and
/// throttle counters (a restored session would let an old cookie in again) and the installation
/// row (the target keeps its own, which must name the same secret key).
enum BackupCatalog {
    static let tables: [BackupTable] = [
        .of(Clinic.self), .of(UserAccount.self), .of(Patient.self), .of(TherapyGroup.self),
        .of(CaseloadAssignmentRecord.self), .of(SupervisionLinkRecord.self), .of(GroupMembershipRecord.self), .of(GroupTherapistRecord.self),
        .of(Credential.self), .of(RecoveryCode.self), .of(AuditEventRecord.self), .of(BreakGlassGrantRecord.self), .of(RoleGrantRecord.self),
        .of(ProgrammeTransitionRecord.self), .of(SuitabilityDecisionRecord.self), .of(Referral.self), .of(CrisisPlanVersion.self), .of(Helpline.self),
        .of(ConsentRecord.self),
        .of(MeasurePlanItemRecord.self), .of(MeasureAssignment.self), .of(MeasureResponse.self), .of(RiskAlert.self), .of(RiskAlertRecipient.self),
        .of(InstrumentTextPackRecord.self),
        .of(RoomRecord.self), .of(ClinicHolidayRecord.self), .of(SessionSeriesRecord.self), .of(SeriesChangeRecord.self), .of(OneOffSessionRecord.self),
        .of(WaitingListRecord.self), .of(AttendanceEntry.self), .of(SessionNoteRecord.self), .of(ProcessNoteRecord.self), .of(CalendarFeedRecord.self),
        .of(ProgrammeType.self), .of(PatientDetails.self), .of(PatientIdentifierRecord.self),
        .of(DiagnosticInterviewRecord.self), .of(RiskAssessmentRecord.self), .of(SuitabilityChecklistRecord.self), .of(MDTParticipantsRecord.self),
        .of(FormulationVersion.self), .of(FormulationResponse.self), .of(ClinicalEventRecord.self),
        .of(MessageThread.self), .of(SecureMessage.self), .of(MessageReadMark.self),
        .of(DiaryEntryRecord.self), .of(DiarySessionFlag.self), .of(PortalPreference.self), .of(ModuleProgress.self),
        .of(SupervisionSessionRecord.self), .of(SupervisionAttendeeRecord.self), .of(TrainingCourseRecord.self),
        .of(NoteReviewRecord.self), .of(NoteVersionRecord.self),
        .of(FidelityClipRecord.self), .of(FidelityRatingRecord.self), .of(FidelityTextPackRecord.self), .of(SupervisionCaseRecord.self),
    ]

    /// Tables deliberately not in a backup: background job claims are only when a job last ran; a
    /// restored single-use link (setup, invitation, reset) would open again; and a restored outbox
    /// would send old notifications a second time.
    static let leftOut: Set<String> = [UserSession.schema, ThrottleCounter.schema, Installation.schema, BackgroundJobRecord.schema,
                                       OneTimeToken.schema, OutboxMessage.schema]
}
