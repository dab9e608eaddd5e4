public import Foundation

/// FHIR R4 export of instruments and scored responses, as JSON values (see docs/instruments.md).
public enum FHIRExport {
    /// The `Questionnaire` of a definition: items, LOINC codes, answer options with their
    /// `ordinalValue`, integer bounds and skip logic as `enableWhen`.
    public static func questionnaire(_ definition: InstrumentDefinition) -> FHIRJSON {
        QuestionnaireExport.questionnaire(definition)
    }

    /// The `QuestionnaireResponse` (status completed) of a response.
    /// Throws `FHIRExportError` or `ScoringError` when the response is inconsistent.
    public static func questionnaireResponse(_ response: CompletedResponse) throws -> FHIRJSON {
        try response.validate()
        return QuestionnaireResponseExport.questionnaireResponse(response)
    }

    /// One survey `Observation` per scale score, each `derivedFrom` the response, which it
    /// references as `QuestionnaireResponse/<id>` (`.relative`) or `urn:uuid:<id>` (`.uuidURN`).
    public static func scoreObservations(
        _ response: CompletedResponse, references: ReferenceStyle = .relative
    ) throws -> [FHIRJSON] {
        try response.validate()
        let responseReference = reference(response.id, type: "QuestionnaireResponse", style: references)
        return ScoreObservationExport.observations(response, responseReference: responseReference)
    }

    /// A `collection` Bundle holding the response and its score Observations, each entry with a
    /// `urn:uuid:` fullUrl that the Observations' `derivedFrom` points to.
    public static func bundle(_ response: CompletedResponse) throws -> FHIRJSON {
        try response.validate()
        let responseReference = reference(response.id, type: "QuestionnaireResponse", style: .uuidURN)
        let resources = [QuestionnaireResponseExport.questionnaireResponse(response)]
            + ScoreObservationExport.observations(response, responseReference: responseReference)
        return [
            "resourceType": "Bundle",
            "type": "collection",
            "entry": .array(resources.map { resource in
                ["fullUrl": .string("urn:uuid:\(resource["id"]?.string ?? "")"), "resource": resource]
            }),
        ]
    }

    /// The id of a scale's Observation: derived from the response id and the scale id, so a
    /// repeated export gives the same id.
    public static func observationId(_ response: CompletedResponse, scaleId: String) -> UUID {
        NameBasedUUID.make(namespace: response.id, name: "observation/\(scaleId)")
    }

    /// How one exported resource refers to another.
    public enum ReferenceStyle: Sendable {
        /// `Type/<id>`, for resources stored on a FHIR server.
        case relative
        /// `urn:uuid:<id>`, for resources inside a Bundle whose fullUrls are those URNs.
        case uuidURN
    }

    static func patientReference(_ patientId: String) -> FHIRJSON {
        ["reference": .string("Patient/\(patientId)")]
    }

    private static func reference(_ id: UUID, type: String, style: ReferenceStyle) -> FHIRJSON {
        switch style {
        case .relative: ["reference": .string("\(type)/\(id.fhirId)")]
        case .uuidURN: ["reference": .string("urn:uuid:\(id.fhirId)")]
        }
    }
}
