import Fluent
import Foundation
import MentalizeCore

/// What the accreditation schemes count, read from the record: the clinician's cases (each
/// patient they saw in individual sessions, with the sessions attended; each MBT group they ran,
/// with the sessions held), with the supervision each had (from the cases the log linked) and the
/// rated clips of each (one per session: a scheme asks for clips from different sessions), the
/// supervision sessions they took part in, and their courses. The
/// same facts, with dates, fill the evidence pack.
struct TrainingProgressQueries {
    let database: any Database

    /// One case with what the evidence pack shows of it.
    struct CaseEvidence {
        let kind: CaseKind
        /// The patient of an individual case; the group of a group case.
        let patientID: UUID?
        let groupID: UUID?
        let first: Date
        let last: Date
        let sessions: Int
        /// Supervision minutes on this case: each logged session's minutes shared among the cases
        /// it linked.
        let supervisionMinutes: Int
        /// The longest rated clip of each distinct session, in minutes.
        let clipMinutes: [Int]
    }

    /// One supervision session the clinician took part in, with the others in it.
    struct SupervisionEvidence {
        let session: SupervisionSessionRecord
        let participants: Int
    }

    func record(of userID: UUID, courses: [TrainingCourseRecord]) async throws -> TrainingRecord {
        let clips = try await ratedClips(of: userID)
        return TrainingRecord(courses: Set(courses.compactMap(\.courseKey)),
                              cases: try await cases(of: userID, clips: clips).map {
                                  TrainingRecord.Case(kind: $0.kind, sessions: $0.sessions, supervisionMinutes: $0.supervisionMinutes, ratedClipMinutes: $0.clipMinutes)
                              },
                              supervision: try await supervisionSessions(of: userID).map { evidence in
                                  SupervisionSessionFacts(minutes: evidence.session.minutes,
                                                          format: evidence.session.format == "group" ? .group(participants: evidence.participants) : .individual,
                                                          materialShown: evidence.session.material != "none")
                              })
    }

    /// The clinician's individual cases, then their group cases.
    func cases(of userID: UUID, clips: [FidelityClipRecord]) async throws -> [CaseEvidence] {
        try await individualCases(of: userID, clips: clips, supervision: try await supervisionPerCase(of: userID)) + (try await groupCases(of: userID, clips: clips))
    }

    /// Supervision minutes per patient: each session the clinician took part in shares its
    /// minutes equally among the cases it linked.
    private func supervisionPerCase(of userID: UUID) async throws -> [UUID: Int] {
        let sessions = try await supervisionSessions(of: userID)
        let linked = try await SupervisionQueries(database: database).linkedCases(of: sessions.compactMap(\.session.id))
        var minutes: [UUID: Int] = [:]
        for evidence in sessions {
            guard let id = evidence.session.id, let cases = linked[id], !cases.isEmpty else { continue }
            for patient in cases { minutes[patient, default: 0] += evidence.session.minutes / cases.count }
        }
        return minutes
    }

    /// The clinician's clips with at least one rating in.
    func ratedClips(of userID: UUID) async throws -> [FidelityClipRecord] {
        let clips = try await FidelityClipRecord.query(on: database).filter(\.$therapist.$id == userID).sort(\.$sessionStart).all()
        guard !clips.isEmpty else { return [] }
        let rated = try await FidelityRatingRecord.query(on: database).filter(\.$clip.$id ~~ clips.compactMap(\.id)).filter(\.$submittedAt != nil).all()
        let ratedIDs = Set(rated.map { $0.$clip.id })
        return clips.filter { $0.id.map(ratedIDs.contains) ?? false }
    }

    /// The longest rated clip of each distinct session among `clips`, in minutes.
    private static func clipMinutesPerSession(_ clips: [FidelityClipRecord]) -> [Int] {
        Dictionary(grouping: clips, by: { "\($0.sourceID):\($0.sessionDate)" }).values.map { $0.map(\.lengthMinutes).max() ?? 0 }.sorted(by: >)
    }

    /// One case per patient seen in the clinician's individual series and single sessions, with
    /// the sessions the patient attended.
    private func individualCases(of userID: UUID, clips: [FidelityClipRecord], supervision: [UUID: Int]) async throws -> [CaseEvidence] {
        let series = try await SessionSeriesRecord.query(on: database).filter(\.$therapist.$id == userID).filter(\.$kind == "individual").all().compactMap(\.id)
        let oneOffs = try await OneOffSessionRecord.query(on: database).filter(\.$therapist.$id == userID).all().compactMap(\.id)
        let sources = series + oneOffs
        guard !sources.isEmpty else { return [] }
        let attended = try await AttendanceEntry.query(on: database).filter(\.$sourceID ~~ sources).filter(\.$mark == AttendanceChoice.attended.rawValue).all()
        return Dictionary(grouping: attended, by: { $0.$patient.id }).map { patient, entries in
            let starts = entries.map(\.sessionStart)
            return CaseEvidence(kind: .individual, patientID: patient, groupID: nil, first: starts.min() ?? .distantPast, last: starts.max() ?? .distantPast,
                                sessions: entries.count, supervisionMinutes: supervision[patient] ?? 0,
                                clipMinutes: Self.clipMinutesPerSession(clips.filter { $0.$patient.id == patient && $0.$group.id == nil }))
        }.sorted { $0.first < $1.first }
    }

    /// One case per MBT group the clinician has run, with the sessions at which someone attended.
    private func groupCases(of userID: UUID, clips: [FidelityClipRecord]) async throws -> [CaseEvidence] {
        let groups = try await GroupTherapistRecord.query(on: database).filter(\.$therapist.$id == userID).all().map { $0.$group.id }
        guard !groups.isEmpty else { return [] }
        let series = try await SessionSeriesRecord.query(on: database).filter(\.$group.$id ~~ Array(Set(groups))).filter(\.$kind == "group").all()
        let sources = series.compactMap(\.id)
        guard !sources.isEmpty else { return [] }
        let attended = try await AttendanceEntry.query(on: database).filter(\.$sourceID ~~ sources).filter(\.$mark == AttendanceChoice.attended.rawValue).all()
        let groupOf = Dictionary(series.compactMap { record in record.id.flatMap { id in record.$group.id.map { (id, $0) } } }, uniquingKeysWith: { kept, _ in kept })
        var held: [UUID: [String: Date]] = [:]
        for entry in attended {
            guard let group = groupOf[entry.sourceID] else { continue }
            held[group, default: [:]]["\(entry.sourceID):\(entry.sessionDate)"] = entry.sessionStart
        }
        return held.map { group, sessions in
            CaseEvidence(kind: .group, patientID: nil, groupID: group, first: sessions.values.min() ?? .distantPast, last: sessions.values.max() ?? .distantPast,
                         sessions: sessions.count, supervisionMinutes: 0, clipMinutes: Self.clipMinutesPerSession(clips.filter { $0.$group.id == group }))
        }.sorted { $0.first < $1.first }
    }

    /// The supervision sessions the clinician took part in, newest first.
    func supervisionSessions(of userID: UUID) async throws -> [SupervisionEvidence] {
        let mine = try await SupervisionAttendeeRecord.query(on: database).filter(\.$therapist.$id == userID).all().map { $0.$session.id }
        guard !mine.isEmpty else { return [] }
        let sessions = try await SupervisionSessionRecord.query(on: database).filter(\.$id ~~ mine).sort(\.$heldOn, .descending).all()
        let attendees = try await SupervisionAttendeeRecord.query(on: database).filter(\.$session.$id ~~ mine).all()
        return sessions.map { session in SupervisionEvidence(session: session, participants: attendees.filter { $0.$session.id == session.id }.count) }
    }
}
