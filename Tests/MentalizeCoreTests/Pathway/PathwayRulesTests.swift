import MentalizeCore
import Testing

@Suite struct IdentifierAndContactTests {
    @Test func nhsNumbersNeedTenDigitsAndTheirCheckDigit() {
        #expect(PatientIdentifierCheck.problem("943 476 5919", type: .nhs) == nil)
        #expect(PatientIdentifierCheck.problem("943-476-5919", type: .nhs) == nil)
        #expect(PatientIdentifierCheck.problem("9434765918", type: .nhs) == .checkDigit)
        #expect(PatientIdentifierCheck.problem("943476591", type: .nhs) == .wrongLength)
        #expect(PatientIdentifierCheck.problem("94347659l9", type: .nhs) == .notDigits)
        #expect(PatientIdentifierCheck.problem("٩٤٣٤٧٦٥٩١٩", type: .nhs) == .notDigits, "only ASCII digits")
        #expect(PatientIdentifierCheck.normalized(" 943 476 5919 ", type: .nhs) == "9434765919")
    }

    @Test func aCheckDigitOfTenIsNeverValid() {
        // 000000001x: the ninth digit has weight 2, so 1·2 = 2 → 11 − 2 = 9;
        // 000000006x: 6·2 = 12 → 11 − 1 = 10, invalid whatever the last digit.
        #expect(PatientIdentifierCheck.problem("0000000019", type: .nhs) == nil)
        for last in 0...9 { #expect(PatientIdentifierCheck.problem("000000006\(last)", type: .nhs) == .checkDigit) }
    }

    @Test func bsnNumbersPassTheElevenTest() {
        #expect(PatientIdentifierCheck.problem("111222333", type: .bsn) == nil)
        #expect(PatientIdentifierCheck.problem("111 222 334", type: .bsn) == .checkDigit)
        #expect(PatientIdentifierCheck.problem("000000000", type: .bsn) == .checkDigit)
        #expect(PatientIdentifierCheck.problem("11122233", type: .bsn) == .wrongLength)
    }

    @Test func otherIdentifiersArePlainShortCodes() {
        #expect(PatientIdentifierCheck.problem("MRN 12-345/6", type: .other) == nil)
        #expect(PatientIdentifierCheck.problem("<script>", type: .other) == .invalidCharacters)
        #expect(PatientIdentifierCheck.problem(String(repeating: "1", count: 41), type: .other) == .wrongLength)
    }

    @Test func emailAndPhoneChecksCatchTypingMistakes() {
        #expect(ContactChecks.isEmail("sam.birch@example.org"))
        for bad in ["sam", "sam@", "@example.org", "sam@example", "sam@@example.org", "sam @example.org", "sam@example..org"] {
            #expect(!ContactChecks.isEmail(bad), "\(bad)")
        }
        #expect(ContactChecks.isPhone("07700 900123"))
        #expect(ContactChecks.isPhone("+31 (0)20-123 4567"))
        for bad in ["12345", "0770 abc 123", "07700+900123", String(repeating: "1", count: 16)] {
            #expect(!ContactChecks.isPhone(bad), "\(bad)")
        }
    }
}

@Suite struct AssessmentRuleTests {
    @Test func suitableNeedsAChecklistWithoutExclusions() throws {
        let clear = SuitabilityChecklist(exclusions: [], contraindications: ["substance-dependence"])
        try SuitabilityRules.check(.suitable, checklist: clear)
        #expect(throws: SuitabilityRefusal.checklistMissing) { try SuitabilityRules.check(.suitable, checklist: nil) }
        let psychosis = SuitabilityChecklist(exclusions: [.noWillingnessToEngage, .activePsychosis], contraindications: [])
        #expect(throws: SuitabilityRefusal.excluded([.activePsychosis, .noWillingnessToEngage])) { try SuitabilityRules.check(.suitable, checklist: psychosis) }
    }

    @Test func notSuitableCanAlwaysBeRecorded() throws {
        try SuitabilityRules.check(.notSuitable, checklist: nil)
        try SuitabilityRules.check(.notSuitable, checklist: SuitabilityChecklist(exclusions: [.activePsychosis], contraindications: []))
    }

    @Test func aChecklistSurvivesStorageAndDropsUnknownValues() {
        let checklist = SuitabilityChecklist(exclusions: [.severeCognitiveImpairment], contraindications: ["unstable-housing", "made-up"])
        #expect(checklist.contraindications == ["unstable-housing"])
        let read = SuitabilityChecklist(storedExclusions: checklist.storedExclusions + ",nonsense", storedContraindications: checklist.storedContraindications)
        #expect(read == checklist)
    }

    @Test func prementalizingModesAreStoredInCanonicalOrder() {
        #expect(PrementalizingMode.stored([.pretend, .psychicEquivalence]) == "psychicEquivalence,pretend")
        #expect(PrementalizingMode.modes(stored: "pretend,unknown,teleological") == [.teleological, .pretend])
        #expect(PrementalizingMode.modes(stored: "").isEmpty)
    }
}

@Suite struct ClinicalEventRuleTests {
    @Test func everyKindAndMethodCombinationIsJudged() {
        for kind in ClinicalEventKind.allCases {
            for method in EventMethod.allCases {
                let days: Int? = kind == .admission ? 3 : nil
                let problems = ClinicalEventRules.problems(kind: kind, method: method, admissionDays: days)
                let fits = kind.hasMethod ? method != .notApplicable : method == .notApplicable
                #expect(problems.isEmpty == fits, "\(kind) \(method)")
            }
        }
    }

    @Test func admissionDaysBelongToAdmissionsOnly() {
        #expect(ClinicalEventRules.problems(kind: .admission, method: .notApplicable, admissionDays: nil) == [.admissionDaysNeeded])
        #expect(ClinicalEventRules.problems(kind: .admission, method: .notApplicable, admissionDays: 0) == [.admissionDaysNeeded])
        #expect(ClinicalEventRules.problems(kind: .admission, method: .notApplicable, admissionDays: 3651) == [.admissionDaysNeeded])
        #expect(ClinicalEventRules.problems(kind: .admission, method: .notApplicable, admissionDays: 3650).isEmpty)
        #expect(ClinicalEventRules.problems(kind: .selfHarm, method: .cutting, admissionDays: 2) == [.admissionDaysNotApplicable])
    }

    @Test func monthsRunBackOverTheYearBoundary() {
        #expect(EventTally.months(3, endingWith: "2026-02") == ["2025-12", "2026-01", "2026-02"])
        #expect(EventTally.months(12, endingWith: "2026-11").first == "2025-12")
        #expect(EventTally.months(3, endingWith: "2026-13").isEmpty)
        #expect(EventTally.months(0, endingWith: "2026-01").isEmpty)
    }

    @Test func eventsAreCountedPerMonthAndKind() {
        let tally = EventTally.perMonth([("2026-01-31", .selfHarm), ("2026-01-02", .selfHarm), ("2026-02-01", .admission), ("2025-06-01", .selfHarm)],
                                        months: ["2026-01", "2026-02", "2026-03"])
        #expect(tally.map(\.total) == [2, 1, 0])
        #expect(tally[0].counts[.selfHarm] == 2)
        #expect(tally[1].counts == [.admission: 1])
    }
}
