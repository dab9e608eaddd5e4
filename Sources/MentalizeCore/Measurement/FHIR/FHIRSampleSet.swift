public import Foundation

/// Example FHIR files for every shipped instrument: its Questionnaire and, when it is scored, a
/// Bundle with a worked response and its score Observations. Deterministic, so the files can be
/// checked into fixtures or validated by third-party tools (`mentalize instruments export-fhir`).
public enum FHIRSampleSet {
    /// Patient id of the sample responses.
    public static let patientId = "example"
    /// Authored time of the sample responses: 2025-01-06T09:30:00Z.
    public static let authored = Date(timeIntervalSince1970: 1_736_155_800)
    /// Namespace of the sample response ids (the bytes spell "mentalize-fhir").
    private static let namespace = UUID(uuid: (
        0x6D, 0x65, 0x6E, 0x74, 0x61, 0x6C, 0x69, 0x7A, 0x65, 0x2D, 0x66, 0x68, 0x69, 0x72, 0x00, 0x01
    ))

    /// File name → pretty JSON: `Questionnaire-<id>.json` for every definition and
    /// `Bundle-<id>-sample.json` for every scored one.
    public static func files(for catalog: InstrumentCatalog) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for definition in catalog.definitions {
            files["Questionnaire-\(definition.id).json"] = try FHIRExport.questionnaire(definition).data()
            if definition.scoring != nil {
                files["Bundle-\(definition.id)-sample.json"] = try FHIRExport.bundle(sampleResponse(definition)).data()
            }
        }
        return files
    }

    /// A response answering every enabled question with its middle option (by ordinal value) or
    /// the middle of its integer range, in document order so that skip logic is respected.
    public static func sampleResponse(_ definition: InstrumentDefinition) throws -> CompletedResponse {
        var answers: [String: ItemAnswer] = [:]
        for item in definition.allItems where item.isQuestion {
            guard SkipLogic(definition: definition, answers: answers).enabledLinkIds().contains(item.linkId) else { continue }
            answers[item.linkId] = middleAnswer(item)
        }
        return CompletedResponse(
            definition: definition,
            id: NameBasedUUID.make(namespace: namespace, name: "sample/\(definition.id)"),
            patientId: patientId,
            authored: authored,
            author: definition.rater == .self ? .patient : .practitioner(id: "example"),
            answers: answers,
            score: try ScoringEngine.score(definition, answers: answers)
        )
    }

    private static func middleAnswer(_ item: InstrumentItem) -> ItemAnswer? {
        switch item.type {
        case .choice:
            let options = (item.answerOptions ?? []).sorted { $0.value < $1.value }
            return options.isEmpty ? nil : .code(options[options.count / 2].code)
        case .integer:
            guard let low = item.minValue, let high = item.maxValue else { return nil }
            return .integer(low + (high - low) / 2)
        case .display, .group:
            return nil
        }
    }
}
