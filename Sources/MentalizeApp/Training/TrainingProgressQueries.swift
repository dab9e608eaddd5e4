import Fluent
import Foundation
import MentalizeCore

/// What the accreditation schemes count, read from the record: the clinician's cases (each
/// patient they saw in individual sessions, with the sessions attended; each MBT group they ran,
/// with the sessions held), the supervision sessions they took part in, and their courses.
struct TrainingProgressQueries {
    let database: any Database

    func record(of userID: UUID, courses: [TrainingCourseRecord]) async throws -> TrainingRecord {
        TrainingRecord(courses: Set(courses.compactMap(\.courseKey)), cases: try await individualCases(of: userID) + (try await groupCases(of: userID)),
                       supervision: try await supervision(of: userID))
    }

    /// One case per patient seen in the clinician's individual series and single sessions, with
    /// the sessions the patient attended.
    private func individualCases(of userID: UUID) async throws -> [TrainingRecord.Case] {
        let series = try await SessionSeriesRecord.query(on: database).filter(\.$therapist.$id == userID).filter(\.$kind == "individual").all().compactMap(\.id)
        let oneOffs = try await OneOffSessionRecord.query(on: database).filter(\.$therapist.$id == userID).all().compactMap(\.id)
        let sources = series + oneOffs
        guard !sources.isEmpty else { return [] }
        let attended = try await AttendanceEntry.query(on: database).filter(\.$sourceID ~~ sources).filter(\.$mark == AttendanceChoice.attended.rawValue).all()
        return Dictionary(grouping: attended, by: { $0.$patient.id }).values.map { TrainingRecord.Case(kind: .individual, sessions: $0.count) }
    }

    /// One case per MBT group the clinician has run, with the sessions at which someone attended.
    private func groupCases(of userID: UUID) async throws -> [TrainingRecord.Case] {
        let groups = try await GroupTherapistRecord.query(on: database).filter(\.$therapist.$id == userID).all().map { $0.$group.id }
        guard !groups.isEmpty else { return [] }
        let series = try await SessionSeriesRecord.query(on: database).filter(\.$group.$id ~~ Array(Set(groups))).filter(\.$kind == "group").all()
        let sources = series.compactMap(\.id)
        guard !sources.isEmpty else { return [] }
        let attended = try await AttendanceEntry.query(on: database).filter(\.$sourceID ~~ sources).filter(\.$mark == AttendanceChoice.attended.rawValue).all()
        let groupOf = Dictionary(series.compactMap { record in record.id.flatMap { id in record.$group.id.map { (id, $0) } } }, uniquingKeysWith: { kept, _ in kept })
        var held: [UUID: Set<String>] = [:]
        for entry in attended {
            guard let group = groupOf[entry.sourceID] else { continue }
            held[group, default: []].insert("\(entry.sourceID):\(entry.sessionDate)")
        }
        return held.values.map { TrainingRecord.Case(kind: .group, sessions: $0.count) }
    }

    /// The supervision sessions the clinician took part in, as the schemes count them.
    private func supervision(of userID: UUID) async throws -> [SupervisionSessionFacts] {
        let mine = try await SupervisionAttendeeRecord.query(on: database).filter(\.$therapist.$id == userID).all().map { $0.$session.id }
        guard !mine.isEmpty else { return [] }
        let sessions = try await SupervisionSessionRecord.query(on: database).filter(\.$id ~~ mine).all()
        let attendees = try await SupervisionAttendeeRecord.query(on: database).filter(\.$session.$id ~~ mine).all()
        return sessions.map { session in
            let n = attendees.filter { $0.$session.id == session.id }.count
            return SupervisionSessionFacts(minutes: session.minutes, format: session.format == "group" ? .group(participants: n) : .individual,
                                           materialShown: session.material != "none")
        }
    }
}
