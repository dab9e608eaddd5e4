import Fluent
import Foundation
import MentalizeCore

/// The professional layer of the demo, so a newcomer sees it at once: Cedar co-signs Ash's notes
/// (one of Ash's signed notes waits in Cedar's queue), ten months of logged supervision, Ash's MBT
/// basic course, and fidelity ratings of Ash's sessions with Avery on the demonstration scale:
/// five 15-minute clips rated by Cedar and Birch (so the lead sees their agreement), one clip
/// waiting for Cedar, and one of Birch's sessions rated by Cedar alone (material for the lead's
/// sample). Seeded with the cohort (`serve --demo`), not by the test seed; no value comes from chance.
enum DemoProfessional {
    /// Cedar's and Birch's level for each double-rated clip (1–7): close, not identical.
    static let levels: [(cedar: Int, birch: Int)] = [(4, 4), (5, 4), (3, 3), (6, 5), (5, 5)]
    static let feedback = [
        "Curious about what the patient felt before the argument; next time slow down sooner when arousal rises.",
        "Good stop and rewind at the moment she felt dismissed. Keep the focus on the relationship here and now.",
        "Some explaining to the patient what she meant: try asking instead.",
        "A clear not-knowing stance throughout; validation came before exploration.",
        "Steady session. The rewind worked; the last ten minutes drifted into advice.",
    ]

    static func seed(now: Date, on db: any Database) async throws {
        let (ash, birch, cedar) = (DemoStaff.therapistAsh.id, DemoStaff.therapistBirch.id, DemoStaff.supervisor.id)
        let avery = DemoPatients.all[0].id
        if let link = try await SupervisionLinkRecord.query(on: db).filter(\.$supervisor.$id == cedar).filter(\.$therapist.$id == ash).first() {
            link.mode = SupervisionMode.coSign.rawValue
            try await link.update(on: db)
        }
        try await awaitingReview(author: ash, reviewer: cedar, on: db)
        try await supervisionLog(supervisor: cedar, ash: ash, birch: birch, now: now, on: db)
        let course = TrainingCourseRecord()
        course.$user.id = ash
        course.name = "MBT basic training"
        course.provider = "Anna Freud Centre"
        course.days = 3
        course.completedOn = try ClinicZone("Europe/London").localDate(of: now.addingTimeInterval(-400 * 86_400)).description
        course.certificateReference = "DEMO-MBT-BASIC-0001"
        course.courseKey = "mbt-basic"
        course.recordedAt = now
        try await course.create(on: db)

        let averySessions = try await AttendanceEntry.query(on: db).filter(\.$patient.$id == avery).filter(\.$mark == AttendanceChoice.attended.rawValue)
            .filter(\.$group.$id == nil).filter(\.$sessionStart < now).sort(\.$sessionStart, .descending).limit(6).all().reversed()
        for (index, entry) in averySessions.enumerated() {
            let clip = try await self.clip(of: entry, therapist: ash, patient: avery, index: index, now: now, on: db)
            if index < levels.count {
                try await rating(clip, rater: cedar, level: levels[index].cedar, feedback: feedback[index], at: entry.sessionStart.addingTimeInterval(3 * 86_400), on: db)
                try await rating(clip, rater: birch, level: levels[index].birch, feedback: "", at: entry.sessionStart.addingTimeInterval(4 * 86_400), on: db)
            } else {
                try await rating(clip, rater: cedar, level: nil, feedback: "", at: now, on: db)
            }
        }
        let blake = DemoPatients.all[1].id
        if let entry = try await AttendanceEntry.query(on: db).filter(\.$patient.$id == blake).filter(\.$mark == AttendanceChoice.attended.rawValue)
            .filter(\.$group.$id == nil).filter(\.$sessionStart < now).sort(\.$sessionStart, .descending).first() {
            let clip = try await self.clip(of: entry, therapist: birch, patient: blake, index: 0, now: now, on: db)
            try await rating(clip, rater: cedar, level: 5, feedback: "Warm and curious; name the feelings in the room more often.", at: entry.sessionStart.addingTimeInterval(86_400), on: db)
        }
    }

    /// Ash's latest signed individual note goes to Cedar for counter-signing.
    private static func awaitingReview(author: UUID, reviewer: UUID, on db: any Database) async throws {
        guard let note = try await SessionNoteRecord.query(on: db).filter(\.$author.$id == author).filter(\.$state == "signed").filter(\.$kind == "individual")
            .sort(\.$sessionStart, .descending).first(), let noteID = note.id, let signedAt = note.signedAt else { return }
        let review = try NoteReview(note: NoteID(noteID), author: UserID(author), reviewer: UserID(reviewer), mode: .coSign, submittedAt: signedAt)
        let store = NoteReviewStore(database: db)
        try await store.keepVersion(of: note, number: 1, signedAt: signedAt)
        try await store.save(review, existing: nil, now: signedAt)
    }

    /// Monthly supervision over ten months: an hour with Ash on recorded material about Avery, and
    /// a group of two (Ash and Birch) of ninety minutes about Avery and Blake.
    private static func supervisionLog(supervisor: UUID, ash: UUID, birch: UUID, now: Date, on db: any Database) async throws {
        let zone = try ClinicZone("Europe/London")
        let (avery, blake) = (DemoPatients.all[0].id, DemoPatients.all[1].id)
        for month in 1...10 {
            let day = zone.localDate(of: now.addingTimeInterval(-Double(month * 30) * 86_400))
            for (minutes, format, people, material, cases, linked) in [(60, "individual", [ash], "recorded", "A.T.", [avery]),
                                                                       (90, "group", [ash, birch], "none", "A.T., B.T.", [avery, blake])] {
                let session = SupervisionSessionRecord()
                session.id = UUID()
                session.$supervisor.id = supervisor
                session.heldOn = day.description
                session.minutes = minutes
                session.format = format
                session.material = material
                session.casesText = cases
                session.attestedAt = now.addingTimeInterval(-Double(month * 30 - 1) * 86_400)
                try await session.create(on: db)
                for person in people { try await SupervisionAttendeeRecord(sessionID: try session.requireID(), therapistID: person).create(on: db) }
                for patient in linked { try await SupervisionCaseRecord(sessionID: try session.requireID(), patientID: patient).create(on: db) }
            }
        }
    }

    private static func clip(of entry: AttendanceEntry, therapist: UUID, patient: UUID, index: Int, now: Date, on db: any Database) async throws -> FidelityClipRecord {
        let clip = FidelityClipRecord()
        clip.id = UUID()
        clip.$therapist.id = therapist
        clip.$patient.id = patient
        clip.sourceID = entry.sourceID
        clip.sessionDate = entry.sessionDate
        clip.sessionStart = entry.sessionStart
        clip.scaleID = "mentalize-demo"
        clip.startMinute = 10 + index * 3
        clip.endMinute = 25 + index * 3
        clip.lengthMinutes = 15
        clip.recordingLink = "https://recordings.demo.invalid/sessions/\(entry.sessionDate)-\(index + 1)"
        clip.addedAt = entry.sessionStart.addingTimeInterval(86_400)
        try await clip.create(on: db)
        return clip
    }

    /// A rating asked of `rater`; submitted with every item at `level` (one lower on the third
    /// and fifth items, as a real rater varies) when a level is given.
    private static func rating(_ clip: FidelityClipRecord, rater: UUID, level: Int?, feedback: String, at time: Date, on db: any Database) async throws {
        let rating = FidelityRatingRecord()
        rating.$clip.id = try clip.requireID()
        rating.$rater.id = rater
        rating.$askedBy.id = clip.$therapist.id
        rating.askedAt = clip.addedAt
        if let level {
            var scores: [String: [String: Int]] = ["adherence": [:], "quality": [:]]
            for item in 1...5 {
                let score = max(1, level - (item == 3 || item == 5 ? 1 : 0))
                if item != 4 { scores["adherence", default: [:]]["demo-\(item)"] = score }
                scores["quality", default: [:]]["demo-\(item)"] = score
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            rating.scoresJSON = String(decoding: try encoder.encode(scores), as: UTF8.self)
            rating.feedback = feedback.isEmpty ? nil : feedback
            rating.submittedAt = time
        }
        try await rating.create(on: db)
    }
}
