/// Builds the FHIR R4 `Questionnaire` of an instrument definition.
enum QuestionnaireExport {
    static func questionnaire(_ definition: InstrumentDefinition) -> FHIRJSON {
        var resource: [String: FHIRJSON] = [
            "resourceType": "Questionnaire",
            "id": .string(definition.id),
            "url": .string(definition.url),
            "version": .string(definition.version),
            "name": .string(computableName(definition.id)),
            "title": .string(definition.title),
            "status": "active",
            "subjectType": ["Patient"],
            "language": .string(definition.language),
            "copyright": .string(definition.copyright),
            "item": .array(definition.items.map { item($0, in: definition) }),
        ]
        resource.set("code", definition.loinc?.questionnaire.map { [FHIRTerminology.loincCoding($0)] })
        return .object(resource)
    }

    /// `Questionnaire.name` must match `[A-Z]([A-Za-z0-9_]){0,254}` (invariant que-0): `phq-9` → `PHQ_9`.
    static func computableName(_ id: String) -> String {
        let name = String(id.uppercased().unicodeScalars.map { scalar in
            scalar.isASCII && (("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)) ? Character(scalar) : "_"
        })
        return name.first.map { ("A"..."Z").contains($0) } == true ? name : "Q_" + name
    }

    private static func item(_ item: InstrumentItem, in definition: InstrumentDefinition) -> FHIRJSON {
        var element: [String: FHIRJSON] = [
            "linkId": .string(item.linkId),
            "text": .string(item.text),
            "type": .string(item.type.rawValue),
        ]
        // Display items may not carry `required` (invariant que-6).
        if item.type != .display { element["required"] = .bool(item.required) }
        element.set("code", item.loinc.map { [FHIRTerminology.loincCoding($0)] })
        element.set("answerOption", item.answerOptions.map { options in
            .array(options.map { option in
                [
                    "valueCoding": FHIRTerminology.coding(of: option, item: item, in: definition),
                    "extension": [FHIRTerminology.ordinalValueExtension(option.value)],
                ]
            })
        })
        element.set("extension", .array(bounds(of: item)))
        let enableWhen = EnableWhenMapping.map(item, in: definition)
        element.set("enableWhen", .array(enableWhen.entries))
        element.set("enableBehavior", enableWhen.behavior.map(FHIRJSON.string))
        element.set("item", item.items.map { children in .array(children.map { self.item($0, in: definition) }) })
        return .object(element)
    }

    /// The `minValue` and `maxValue` extensions of an integer item.
    private static func bounds(of item: InstrumentItem) -> [FHIRJSON] {
        guard item.type == .integer else { return [] }
        return [(FHIRTerminology.minValue, item.minValue), (FHIRTerminology.maxValue, item.maxValue)].compactMap { url, value in
            value.map { ["url": .string(url), "valueInteger": .integer($0)] }
        }
    }
}
