import Fluent
import Foundation
import MentalizeCore

/// Demo scheduling: rooms and holidays, weekly individual series for the patients in treatment
/// and ending, the Tuesday group's weekly slot, an MBT-I course for the MBT-I patients (run by
/// Birch), and ten weeks of past attendance with signed notes, leaving each series' latest note to write.
/// Blake missed every session of the last two weeks, so Birch's caseload shows a drop-out warning.
enum DemoSessions {
    static let roomOne = DemoIDs.id(501)
    static let roomTwo = DemoIDs.id(502)
    static let groupRoom = DemoIDs.id(503)
    static let courseGroup = DemoIDs.id(301)

    static let curriculum = [
        "What mentalizing is", "Feelings and how we handle them", "Attachment and closeness", "Attachment and mentalizing under stress",
        "Understanding borderline personality disorder", "How MBT works", "Anxiety, attachment and mentalizing", "Low mood and mentalizing",
        "Mentalizing in relationships", "Mentalizing in a group", "What to expect in treatment", "Looking back and saying goodbye",
    ]

    static func seed(clinicID: UUID, now: Date, on db: any Database) async throws {
        let zone = try ClinicZone("Europe/London")
        for (id, name) in [(roomOne, "Room 1"), (roomTwo, "Room 2"), (groupRoom, "Group room")] {
            try await RoomRecord(id: id, clinicID: clinicID, name: name).create(on: db)
        }
        for (date, name) in [("2026-12-25", "Christmas Day"), ("2026-12-28", "Boxing Day (substitute day)"), ("2027-01-01", "New Year's Day")] {
            try await ClinicHolidayRecord(clinicID: clinicID, date: date, name: name).create(on: db)
        }
        let today = zone.localDate(of: now)
        let monday = today.adding(days: -(Weekday.allCases.firstIndex(of: today.weekday) ?? 0)).adding(days: -70)
        let patients = DemoPatients.all
        let ash = DemoStaff.therapistAsh.id
        let birch = DemoStaff.therapistBirch.id
        try await series(DemoIDs.id(601), clinicID: clinicID, patient: patients[0].id, therapist: ash, first: monday, time: "10:00", room: roomOne, on: db)
        try await series(DemoIDs.id(602), clinicID: clinicID, patient: patients[1].id, therapist: birch, first: monday, time: "11:00", room: roomTwo, on: db)
        try await series(DemoIDs.id(603), clinicID: clinicID, patient: patients[2].id, therapist: ash, first: monday.adding(days: 2), time: "14:00", video: "https://video.demo.invalid/r/ash-603", on: db)
        try await series(DemoIDs.id(604), clinicID: clinicID, patient: patients[9].id, therapist: birch, first: monday.adding(days: 3), time: "09:00", on: db)
        let slot = record(DemoIDs.id(605), clinicID: clinicID, kind: .group, first: monday.adding(days: 1), time: "14:00", minutes: 90, room: groupRoom)
        slot.$group.id = DemoIDs.id(300)
        try await slot.create(on: db)
        try await seedCourse(clinicID: clinicID, first: monday.adding(days: 3 + 28), zone: zone, on: db)
        try await seedHistory(clinicID: clinicID, now: now, on: db)
    }

    private static func seedCourse(clinicID: UUID, first: LocalDate, zone: ClinicZone, on db: any Database) async throws {
        try await TherapyGroup(id: courseGroup, clinicID: clinicID, name: "MBT-I introductory course", capacity: 9).create(on: db)
        let start = GroupRosterQueries.joinInstant(first, zone: zone)
        try await GroupTherapistRecord(groupID: courseGroup, therapistID: DemoStaff.therapistBirch.id, startsAt: start.addingTimeInterval(-7 * 86_400)).create(on: db)
        for patient in DemoPatients.all where patient.phase == .mbtIntroductory {
            try await GroupMembershipRecord(groupID: courseGroup, patientID: patient.id, joinedAt: start).create(on: db)
        }
        let course = record(DemoIDs.id(606), clinicID: clinicID, kind: .course, first: first, time: "16:00", minutes: 75, room: groupRoom)
        course.$group.id = courseGroup
        course.title = "MBT-I"
        course.curriculum = curriculum.joined(separator: "\n")
        try await course.create(on: db)
    }

    /// Past attendance and notes, through the same loader and note rules as the pages.
    private static func seedHistory(clinicID: UUID, now: Date, on db: any Database) async throws {
        let loader = try await ScheduleLoader.make(database: db, clinicID: clinicID)
        let window = try TimeSlot(start: now.addingTimeInterval(-11 * 7 * 86_400), end: now)
        let store = SessionNoteStore(database: db)
        let blake = DemoPatients.all[1].id
        var held: [(therapist: UUID, session: ScheduledSession, members: [UUID], seed: Int)] = []
        for therapist in [DemoStaff.therapistAsh.id, DemoStaff.therapistBirch.id] {
            let sessions = try await loader.forTherapist(therapist, in: window).filter { $0.takesPlace && $0.slot.end < now }
            for (seed, session) in sessions.enumerated() {
                if session.kind == .group, therapist != DemoStaff.therapistAsh.id { continue }
                var members = session.patientID.map { [$0] } ?? []
                if let groupID = session.groupID {
                    members = try await GroupRosterQueries(database: db).members(of: groupID, at: session.slot.start).compactMap(\.id)
                }
                held.append((therapist, session, members, seed))
            }
        }
        // Counted in sessions held (a holiday week does not count): each series' or group's latest
        // note is left to write, and Blake missed every session of the last two weeks and at
        // least his latest two of any kind.
        let latest = Set(Dictionary(grouping: held.map(\.session), by: \.key.source).values.compactMap { $0.max { $0.slot.start < $1.slot.start }?.key.description })
        let blakesMissed = Set(held.filter { $0.members.contains(blake) }.map(\.session).sorted { $0.slot.start < $1.slot.start }.suffix(2).map(\.key.description))
        for therapist in [DemoStaff.therapistAsh.id, DemoStaff.therapistBirch.id] {
            for entry in held where entry.therapist == therapist {
                let (session, members) = (entry.session, entry.members)
                let isRecent = latest.contains(session.key.description)
                for patient in members {
                    let missed = patient == blake && (blakesMissed.contains(session.key.description) || session.slot.start > now.addingTimeInterval(-14 * 86_400))
                    try await mark(session, patient: patient, choice: missed ? .didNotAttend : .attended, recordedBy: therapist, on: db)
                }
                guard !isRecent, session.kind != .course else { continue }
                try await note(session, members: members, author: therapist, seed: entry.seed, store: store, on: db)
            }
        }
    }

    private static func note(_ session: ScheduledSession, members: [UUID], author: UUID, seed: Int, store: SessionNoteStore, on db: any Database) async throws {
        let interventions: [Set<MBTIntervention>] = [[.empathicValidation, .clarificationAndExploration], [.stopAndRewind, .affectFocus], [.mentalizingTheRelationship, .praisingGoodMentalizing]]
        let body = try SessionNoteBody(interventions: interventions[seed % 3], observed: try ObservedMentalizing(modes: seed.isMultiple(of: 2) ? [.psychicEquivalence] : [.teleological], imbalances: [.automatic]),
                                       narrative: "Worked on a recent misunderstanding at home; slowed down when feelings rose and explored what the other person might have felt.",
                                       risk: try RiskUpdate(change: .unchanged), plan: "Continue weekly sessions; return to the same episode next time.")
        let signedAt = session.slot.end.addingTimeInterval(3600)
        if session.patientID != nil {
            var note = SignableNote(id: NoteID(UUID()), session: session.booking.id, author: UserID(author), content: IndividualSessionNote(body: body))
            try note.sign(by: UserID(author), at: signedAt)
            try await store.save(note, existing: nil, session: session, now: signedAt)
        } else {
            let patients = try await Patient.query(on: db).filter(\.$id ~~ members).all()
            var names: [PatientID: PersonName] = [:]
            for patient in patients { names[PatientID(try patient.requireID())] = try PersonName(given: patient.givenName, family: patient.familyName) }
            let memberNotes = try members.map { try MemberNote(patient: PatientID($0), text: "Took part; responded to others with curiosity.") }
            var note = SignableNote(id: NoteID(UUID()), session: session.booking.id, author: UserID(author), content: GroupSessionNote(body: body, memberNotes: memberNotes))
            try note.sign(by: UserID(author), at: signedAt, context: GroupNoteContext(members: names))
            try await store.save(note, existing: nil, session: session, now: signedAt)
        }
    }

    private static func mark(_ session: ScheduledSession, patient: UUID, choice: AttendanceChoice, recordedBy: UUID, on db: any Database) async throws {
        let entry = AttendanceEntry()
        entry.sourceID = session.key.source
        entry.sessionDate = session.key.date.description
        entry.sessionStart = session.slot.start
        entry.$patient.id = patient
        entry.$group.id = session.groupID
        entry.mark = choice.rawValue
        entry.$recordedBy.id = recordedBy
        entry.recordedAt = session.slot.end
        try await entry.create(on: db)
    }

    private static func series(_ id: UUID, clinicID: UUID, patient: UUID, therapist: UUID, first: LocalDate, time: String,
                               room: UUID? = nil, video: String? = nil, on db: any Database) async throws {
        let series = record(id, clinicID: clinicID, kind: .individual, first: first, time: time, minutes: 50, room: room, video: video)
        series.$patient.id = patient
        series.$therapist.id = therapist
        try await series.create(on: db)
    }

    static func record(_ id: UUID, clinicID: UUID, kind: SeriesKind, first: LocalDate, time: String, minutes: Int, room: UUID? = nil, video: String? = nil) -> SessionSeriesRecord {
        let record = SessionSeriesRecord()
        record.id = id
        record.$clinic.id = clinicID
        record.kind = kind.rawValue
        record.firstDate = first.description
        record.startTime = time
        record.durationMinutes = minutes
        record.modality = room != nil ? ModalityKind.inPerson.rawValue : (video != nil ? ModalityKind.video.rawValue : ModalityKind.phone.rawValue)
        record.$room.id = room
        record.videoURL = video
        record.createdAt = Date(timeIntervalSince1970: 1_767_225_600)
        return record
    }
}
