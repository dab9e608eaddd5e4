/// Builds the FHIR R4 `QuestionnaireResponse` of a completed response: answered questions only,
/// nested under their groups as in the Questionnaire.
enum QuestionnaireResponseExport {
    static func questionnaireResponse(_ response: CompletedResponse) -> FHIRJSON {
        let definition = response.definition
        var resource: [String: FHIRJSON] = [
            "resourceType": "QuestionnaireResponse",
            "id": .string(response.id.fhirId),
            "questionnaire": .string("\(definition.url)|\(definition.version)"),
            "status": "completed",
            "subject": FHIRExport.patientReference(response.patientId),
            "authored": .string(FHIRTerminology.dateTime(response.authored)),
        ]
        resource.set("author", response.author.map { author in
            switch author {
            case .patient: FHIRExport.patientReference(response.patientId)
            case let .practitioner(id): ["reference": .string("Practitioner/\(id)")]
            }
        })
        resource.set("item", .array(definition.items.compactMap { item($0, response: response) }))
        return .object(resource)
    }

    /// The response item of `item`, or nil when it holds no answer (display items, unanswered
    /// or skipped questions, groups without answers).
    private static func item(_ item: InstrumentItem, response: CompletedResponse) -> FHIRJSON? {
        var element: [String: FHIRJSON] = ["linkId": .string(item.linkId), "text": .string(item.text)]
        switch item.type {
        case .choice, .integer:
            guard let answer = response.answers[item.linkId], let value = value(of: answer, item: item, response: response) else {
                return nil
            }
            element["answer"] = [value]
        case .group:
            let children = (item.items ?? []).compactMap { self.item($0, response: response) }
            guard !children.isEmpty else { return nil }
            element["item"] = .array(children)
        case .display:
            return nil
        }
        return .object(element)
    }

    private static func value(of answer: ItemAnswer, item: InstrumentItem, response: CompletedResponse) -> FHIRJSON? {
        switch answer {
        case let .code(code):
            guard let option = item.option(code: code),
                  case var .object(coding) = FHIRTerminology.coding(of: option, item: item, in: response.definition) else {
                return nil
            }
            // The ordinal value travels with the answer (context Coding), so a receiver can score without the Questionnaire.
            coding["extension"] = [FHIRTerminology.ordinalValueExtension(option.value)]
            return ["valueCoding": .object(coding)]
        case let .integer(number):
            return ["valueInteger": .integer(number)]
        }
    }
}
