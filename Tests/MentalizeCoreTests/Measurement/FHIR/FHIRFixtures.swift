import Foundation
@testable import MentalizeCore

/// Helpers for the FHIR export tests: finding items and building scored responses.
enum FHIRFixtures {
    static let authored = Date(timeIntervalSince1970: 1_736_155_800) // 2025-01-06T09:30:00Z
    static let responseId = UUID(uuid: (0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x47, 0x88, 0x99, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF, 0x00))

    /// A scored response of `definition` with `answers`, by patient `p-1`.
    static func response(_ definition: InstrumentDefinition, _ answers: [String: ItemAnswer]) throws -> CompletedResponse {
        CompletedResponse(
            definition: definition, id: responseId, patientId: "p-1", authored: authored, author: .patient,
            answers: answers, score: try ScoringEngine.score(definition, answers: answers)
        )
    }

    /// The item with `linkId` anywhere in a Questionnaire or QuestionnaireResponse.
    static func item(_ linkId: String, in resource: FHIRJSON) -> FHIRJSON? {
        for element in resource["item"]?.elements ?? [] {
            if element["linkId"]?.string == linkId { return element }
            if let nested = item(linkId, in: element) { return nested }
        }
        return nil
    }

    /// Every linkId of a Questionnaire or QuestionnaireResponse, depth first.
    static func linkIds(_ resource: FHIRJSON) -> [String] {
        (resource["item"]?.elements ?? []).flatMap { element in
            [element["linkId"]?.string ?? "?"] + linkIds(element)
        }
    }

    /// The `ordinalValue` extensions of an item's answer options, in order.
    static func ordinalValues(_ item: FHIRJSON?) -> [Double?] {
        (item?["answerOption"]?.elements ?? []).map { option in
            option["extension"]?.elements.first { $0["url"]?.string == FHIRTerminology.ordinalValue }?["valueDecimal"]?.number
        }
    }
}
