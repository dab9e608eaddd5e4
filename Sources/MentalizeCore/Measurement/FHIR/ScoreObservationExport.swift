/// Builds one FHIR R4 survey `Observation` per scale score of a completed response.
enum ScoreObservationExport {
    static func observations(_ response: CompletedResponse, responseReference: FHIRJSON) -> [FHIRJSON] {
        response.score.scales.compactMap { score in
            response.definition.scale(id: score.scaleId).map { scale in
                observation(score, scale: scale, response: response, responseReference: responseReference)
            }
        }
    }

    private static func observation(
        _ score: ScaleScore, scale: ScaleDefinition, response: CompletedResponse, responseReference: FHIRJSON
    ) -> FHIRJSON {
        let definition = response.definition
        var resource: [String: FHIRJSON] = [
            "resourceType": "Observation",
            "id": .string(FHIRExport.observationId(response, scaleId: scale.id).fhirId),
            "status": "final",
            "category": [[
                "coding": [["system": .string(FHIRTerminology.observationCategory), "code": "survey", "display": "Survey"]],
            ]],
            "code": code(of: scale, definition: definition),
            "subject": FHIRExport.patientReference(response.patientId),
            "effectiveDateTime": .string(FHIRTerminology.dateTime(response.authored)),
            "valueQuantity": [
                "value": .decimal(score.value),
                "unit": "{score}",
                "system": .string(FHIRTerminology.ucum),
                "code": "{score}",
            ],
            "derivedFrom": [responseReference],
        ]
        resource.set("interpretation", score.band.map { [["text": .string($0.label)]] })
        if score.proRated {
            let count = score.missingItems.count
            let items = score.missingItems.joined(separator: ", ")
            resource["note"] = [["text": .string("Pro-rated for \(count) unanswered item\(count == 1 ? "" : "s"): \(items)")]]
        }
        return .object(resource)
    }

    /// The local scale coding, preceded by the LOINC total-score code on the primary scale.
    private static func code(of scale: ScaleDefinition, definition: InstrumentDefinition) -> FHIRJSON {
        var codings: [FHIRJSON] = []
        if scale.id == definition.scoring?.primaryScale, let total = definition.loinc?.totalScore {
            codings.append(FHIRTerminology.loincCoding(total))
        }
        codings.append([
            "system": .string(FHIRTerminology.scaleSystem(definition)),
            "code": .string(scale.id),
            "display": .string(scale.title),
        ])
        return ["coding": .array(codings), "text": .string("\(definition.title): \(scale.title)")]
    }
}
