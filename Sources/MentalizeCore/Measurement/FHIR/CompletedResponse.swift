public import Foundation

/// One scored administration of an instrument, as plain values, ready for FHIR export.
public struct CompletedResponse: Sendable, Equatable {
    public let definition: InstrumentDefinition
    /// Id of the `QuestionnaireResponse`; the score Observations' ids are derived from it.
    public let id: UUID
    /// FHIR id of the Patient (`[A-Za-z0-9\-\.]{1,64}`), referenced as `Patient/<id>`.
    public let patientId: String
    /// When the answers were given; exported in UTC with seconds.
    public let authored: Date
    public let author: ResponseAuthor?
    /// Answers keyed by linkId, as given to `ScoringEngine.score`.
    public let answers: [String: ItemAnswer]
    public let score: ScoreResult

    public init(
        definition: InstrumentDefinition, id: UUID, patientId: String, authored: Date,
        author: ResponseAuthor? = nil, answers: [String: ItemAnswer], score: ScoreResult
    ) {
        self.definition = definition
        self.id = id
        self.patientId = patientId
        self.authored = authored
        self.author = author
        self.answers = answers
        self.score = score
    }

    /// Who answered: the patient (self-report) or a practitioner (clinician rating).
    public enum ResponseAuthor: Sendable, Equatable {
        case patient
        case practitioner(id: String)
    }

    /// Checks the ids and that `score` is what `ScoringEngine` gives for `answers`.
    /// Throws `FHIRExportError`, or the `ScoringError` of an invalid answer.
    func validate() throws {
        var resourceIds = [patientId]
        if let practitionerId = author?.practitionerId { resourceIds.append(practitionerId) }
        if let invalid = resourceIds.first(where: { !FHIRTerminology.isValidId($0) }) {
            throw FHIRExportError.invalidResourceId(invalid)
        }
        if try ScoringEngine.score(definition, answers: answers) != score {
            throw FHIRExportError.scoreDoesNotMatchAnswers(instrumentId: definition.id)
        }
    }
}

extension CompletedResponse.ResponseAuthor {
    var practitionerId: String? {
        guard case let .practitioner(id) = self else { return nil }
        return id
    }
}

/// Why a response cannot be exported to FHIR.
public enum FHIRExportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A Patient or Practitioner id that is not a valid FHIR id.
    case invalidResourceId(String)
    /// The score was not computed from these answers with this definition.
    case scoreDoesNotMatchAnswers(instrumentId: String)

    public var description: String {
        switch self {
        case let .invalidResourceId(id):
            "'\(id)' is not a valid FHIR id (1-64 letters, digits, '-' or '.')"
        case let .scoreDoesNotMatchAnswers(instrumentId):
            "the score does not match the answers for \(instrumentId)"
        }
    }
}
