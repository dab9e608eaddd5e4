import Fluent
import Foundation
import MentalizeCore
import SQLKit
import Vapor

/// Starts, resumes, fills in and completes questionnaire responses. Completion is idempotent:
/// the row is completed by a conditional update, so a double click or a retried request finds
/// it completed and changes nothing (and raises no second alert).
struct ResponseRecorder {
    let request: Request
    let access: PatientAccess

    /// The unfinished response this person started for the assignment, or a new one.
    func startOrResume(patientID: UUID, instrument: InstrumentDefinition, assignmentID: UUID?, mode: ResponseEntryMode) async throws -> MeasureResponse {
        if let open = try await MeasureQueries(database: request.db).unfinished(patientID: patientID, instrumentID: instrument.id,
                                                                                 enteredBy: access.user.id, assignmentID: assignmentID) { return open }
        let response = MeasureResponse()
        response.$patient.id = patientID
        response.instrumentID = instrument.id
        response.instrumentVersion = instrument.version
        response.$assignment.id = assignmentID
        response.entryMode = mode.rawValue
        response.$enteredBy.id = access.user.id
        response.idempotencyKey = "response:\(UUID().uuidString)"
        response.answersJSON = "{}"
        response.startedAt = request.now
        try await response.create(on: request.db)
        return response
    }

    /// Stores answers of an unfinished response (answers disabled by skip logic are dropped).
    func save(_ response: MeasureResponse, answers: [String: ItemAnswer], definition: InstrumentDefinition) async throws {
        guard response.completedAt == nil else { return }
        response.answersJSON = MeasureAnswers.encode(ResponseProgress(definition: definition, answers: answers).answers)
        try await response.save(on: request.db)
    }

    /// Scores and completes the response once. Returns false when it was completed already.
    @discardableResult
    func complete(_ response: MeasureResponse, definition: InstrumentDefinition, answers: [String: ItemAnswer]) async throws -> Bool {
        let kept = ResponseProgress(definition: definition, answers: answers).answers
        let score = try ScoringEngine.score(definition, answers: kept)
        let responseID = try response.requireID()
        let now = request.now
        let won = try await request.db.transaction { database -> Bool in
            guard let sql = database as? any SQLDatabase else { throw Abort(.internalServerError) }
            let rows = try await sql.update(MeasureResponse.schema)
                .set("completed_at", to: now)
                .set("answers_json", to: MeasureAnswers.encode(kept))
                .set("score_json", to: MeasureAnswers.encode(score))
                .set("primary_score", to: score.primary?.value)
                .set("risk_level", to: score.risk.level?.rawValue)
                .where("id", .equal, responseID)
                .where("completed_at", .is, SQLLiteral.null)
                .returning("id").all()
            guard !rows.isEmpty else { return false }
            if let assignmentID = response.$assignment.id {
                try await sql.update(MeasureAssignment.schema).set("completed_at", to: now)
                    .where("id", .equal, assignmentID).where("completed_at", .is, SQLLiteral.null).run()
            }
            return true
        }
        guard won else { return false }
        if score.risk.requiresAlert {
            try await RiskAlerts(request: request).raise(patientID: response.$patient.id, source: .measure, sourceID: responseID,
                                                        instrumentID: definition.id, score: score, raisedBy: access)
        }
        return true
    }
}
