@testable import MentalizeCore

/// Diary entries written for the tests.
enum DiaryFixtures {
    /// A full entry with every field filled in, no risk language.
    static let complete = DiaryEntry(
        whatHappened: "My sister cancelled our lunch an hour before. She sent a short text and nothing else.",
        emotions: [EmotionRating(.hurt, intensity: 7), EmotionRating(.angry, intensity: 5)],
        feelingsInMyWords: "A hot, tight feeling in my chest.",
        whatIThought: "She obviously doesn't want to see me. She always does this.",
        whatIDid: "I didn't reply and deleted her number.",
        otherPersonsMind: "Maybe she was overwhelmed at work, or worried about her son.",
        otherExplanations: "Perhaps she was embarrassed to cancel and kept it short.",
        certaintyAboutTheirMind: 80,
        forTherapy: "Why I go cold so fast when plans change.",
        visibility: .sharedWithTherapist)

    /// An entry certain about another person's mind: psychic-equivalence wording in one field.
    static let certain = DiaryEntry(
        whatHappened: "My friend walked past me at the shop without saying hello.",
        whatIThought: "She obviously hates me. She is selfish and always ignores me!")
}
