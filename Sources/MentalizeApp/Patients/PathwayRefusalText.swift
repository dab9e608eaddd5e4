import MentalizeCore

/// Why a programme move or a suitability decision was refused, in the page's language.
enum PathwayRefusalText {
    static func text(_ error: any Error) -> String {
        switch error {
        case let refusal as TransitionRefusal: text(refusal)
        case let refusal as SuitabilityRefusal: text(refusal)
        default: PageText.text("programme.error.form")
        }
    }

    static func text(_ refusal: TransitionRefusal) -> String {
        switch refusal {
        case .finished(let status): PageText.text("programme.refusal.finished", ["status": ended(status)])
        case .notANextStep(let from, let to):
            PageText.text("programme.refusal.notNext", ["to": to.localizedName, "from": from.localizedName,
                                                         "next": ProgrammePathway.nextPhases(after: from).map(\.localizedName).joined(separator: PageText.text("programme.refusal.or"))])
        case .needsSuitableDecision(let to): PageText.text("programme.refusal.needsSuitable", ["to": to.localizedName])
        case .needsNotSuitableDecision: PageText.text("programme.refusal.needsNotSuitable")
        case .exitNotPossible(let exit, let from):
            PageText.text("programme.refusal.exitNotPossible", ["exit": exit.localizedName.prefix(1).uppercased() + exit.localizedName.dropFirst(), "from": from.localizedName])
        case .unchanged: PageText.text("programme.refusal.unchanged")
        }
    }

    /// How the programme ended: "dropped out", "discharged".
    private static func ended(_ status: ProgrammeStatus) -> String {
        switch status {
        case .inPhase(let phase): phase.localizedName.lowercased()
        case .exited(let exit): exit.localizedName
        }
    }

    static func text(_ refusal: SuitabilityRefusal) -> String {
        switch refusal {
        case .checklistMissing: PageText.text("programme.refusal.checklistMissing")
        case .excluded(let exclusions):
            PageText.text("programme.refusal.excluded", ["exclusions": exclusions.map { PageText.text("assessment.exclusion.\($0.rawValue)") }.joined(separator: ", ")])
        }
    }
}
