@testable import MentalizeApp
import MentalizeCore
import Testing

/// A refused programme move or suitability decision is said in plain words, in the page's language.
@Suite struct PathwayRefusalTextTests {
    @Test func refusalsSayWhyInEnglishAndDutch() {
        #expect(PathwayRefusalText.text(TransitionRefusal.notANextStep(from: .referral, to: .treatment))
            == "Treatment does not follow Referral. The next step is Assessment.")
        #expect(PathwayRefusalText.text(TransitionRefusal.finished(.exited(.droppedOut))).contains("(dropped out)"))
        #expect(PathwayRefusalText.text(TransitionRefusal.exitNotPossible(.droppedOut, from: .referral)).hasPrefix("Dropped out is not possible"))
        #expect(PathwayRefusalText.text(SuitabilityRefusal.excluded([.activePsychosis])).contains("(Active psychosis)"))
        DisplayTime.$language.withValue("nl") {
            #expect(PathwayRefusalText.text(TransitionRefusal.notANextStep(from: .assessment, to: .ending))
                == "Afronding volgt niet op Intake en diagnostiek. De volgende stap is MBT-I (introductiegroep) of Behandeling.")
            #expect(PathwayRefusalText.text(TransitionRefusal.needsSuitableDecision(to: .treatment)).hasPrefix("Behandeling kan niet beginnen zonder een teambesluit"))
        }
    }
}
