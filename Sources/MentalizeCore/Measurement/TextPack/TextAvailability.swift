/// Decides whether an instrument can be shown to patients in a language: only with complete,
/// valid texts, either shipped verbatim in the definition or from a clinic's text pack.
public enum TextAvailability {
    /// Whether `definition` has complete texts in `language`, given the clinic's loaded packs.
    public static func hasCompleteTexts(
        _ definition: InstrumentDefinition, language: String, packs: [TextPack]
    ) -> Bool {
        completeTexts(definition, language: language, packs: packs) != nil
    }

    /// The definition with its texts replaced by the first valid pack for `language`, the
    /// definition itself when its shipped texts are verbatim in that language, or nil.
    public static func completeTexts(
        _ definition: InstrumentDefinition, language: String, packs: [TextPack]
    ) -> InstrumentDefinition? {
        if definition.textsShippable, definition.language == language { return definition }
        let usable = packs.first { pack in
            pack.language == language && (try? pack.validate(against: definition)) != nil
        }
        guard let pack = usable else { return nil }
        return InstrumentDefinition(
            id: definition.id, version: definition.version, title: pack.title ?? definition.title, url: definition.url,
            rater: definition.rater, copyright: definition.copyright, language: language,
            textsShippable: true, source: definition.source, loinc: definition.loinc,
            items: definition.items.map { localized($0, pack: pack) },
            scoring: definition.scoring, riskRules: definition.riskRules
        )
    }

    private static func localized(_ item: InstrumentItem, pack: TextPack) -> InstrumentItem {
        let texts = pack.items[item.linkId]
        let options = item.answerOptions?.map { option in
            AnswerOption(
                code: option.code, display: texts?.options?[option.code] ?? option.display,
                value: option.value, loinc: option.loinc
            )
        }
        return InstrumentItem(
            linkId: item.linkId, type: item.type, text: texts?.text ?? item.text, required: item.required,
            loinc: item.loinc, answerOptions: options, minValue: item.minValue, maxValue: item.maxValue,
            enableWhen: item.enableWhen, enableBehavior: item.enableBehavior,
            items: item.items?.map { localized($0, pack: pack) }
        )
    }
}
