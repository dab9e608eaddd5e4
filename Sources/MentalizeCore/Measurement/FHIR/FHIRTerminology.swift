import Foundation

/// Code systems, extension URLs and value formats used by the FHIR R4 export.
enum FHIRTerminology {
    static let loinc = "http://loinc.org"
    static let ucum = "http://unitsofmeasure.org"
    static let observationCategory = "http://terminology.hl7.org/CodeSystem/observation-category"
    /// Core R4 extension (context Coding and Questionnaire.item.answerOption), valueDecimal.
    static let ordinalValue = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
    /// Core R4 extensions (context Questionnaire.item) bounding an integer answer.
    static let minValue = "http://hl7.org/fhir/StructureDefinition/minValue"
    static let maxValue = "http://hl7.org/fhir/StructureDefinition/maxValue"

    /// Local code system of one item's answer codes: codes are only unique within an item.
    static func answerSystem(_ definition: InstrumentDefinition, linkId: String) -> String {
        "\(definition.url)/answers/\(linkId)"
    }

    /// Local code system of the definition's scale ids.
    static func scaleSystem(_ definition: InstrumentDefinition) -> String {
        "\(definition.url)/scales"
    }

    /// The Coding of an answer option: LOINC when the option has an LA code, else local.
    static func coding(of option: AnswerOption, item: InstrumentItem, in definition: InstrumentDefinition) -> FHIRJSON {
        if let loincCode = option.loinc {
            return ["system": .string(loinc), "code": .string(loincCode), "display": .string(option.display)]
        }
        return [
            "system": .string(answerSystem(definition, linkId: item.linkId)),
            "code": .string(option.code),
            "display": .string(option.display),
        ]
    }

    /// The `ordinalValue` extension carrying an option's value.
    static func ordinalValueExtension(_ value: Double) -> FHIRJSON {
        ["url": .string(ordinalValue), "valueDecimal": .decimal(value)]
    }

    /// A LOINC Coding without display: the official display is LOINC's, not ours.
    static func loincCoding(_ code: String) -> FHIRJSON {
        ["system": .string(loinc), "code": .string(code)]
    }

    /// A FHIR dateTime/instant in UTC with seconds, for example `2025-01-06T09:30:00Z`.
    static func dateTime(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
    }

    /// Whether `value` is a valid FHIR resource id (`[A-Za-z0-9\-\.]{1,64}`).
    static func isValidId(_ value: String) -> Bool {
        !value.isEmpty && value.count <= 64 && value.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == ".")
        }
    }
}
