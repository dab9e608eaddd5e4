import Testing
@testable import MentalizeCore

@Suite("Psychoeducation modules as shipped")
struct PsychoeducationLibraryTests {
    static let expectedIDs = [
        "what-is-mentalizing", "emotions-and-arousal", "mentalizing-yourself", "mentalizing-others", "attachment",
        "when-mentalizing-goes-offline", "what-is-bpd", "relationships", "trust-and-learning-from-others",
        "the-treatment", "crises-and-your-crisis-plan", "endings",
    ]

    @Test("all twelve modules load, validate and come in course order")
    func loadsBundled() throws {
        // act
        let library = try PsychoeducationLibrary.loadBundled()
        // verify
        #expect(library.modules.map(\.id) == Self.expectedIDs)
        #expect(library.modules.map(\.order) == Array(1...12))
        #expect(library.module(id: "attachment")?.title == "Attachment and feeling safe with others")
        #expect(library.module(id: "nope") == nil)
    }

    /// The course in every shipped language: the same rules hold for a translation.
    static var everyLanguage: [String] { ["en"] + PsychoeducationLibrary.bundledTranslations }

    @Test("each module has 300-600 words, a one-sentence summary, an exercise and a safe body", arguments: everyLanguage)
    func shape(language: String) throws {
        for module in try PsychoeducationLibrary.loadBundled(language: language).modules {
            #expect((300...600).contains(module.wordCount), "\(module.id): \(module.wordCount) words")
            #expect(module.summary.hasSuffix(".") && !module.title.isEmpty, "\(module.id)")
            #expect(!module.exercise.prompt.isEmpty, "\(module.id)")
            #expect(module.blocks.first?.kind == .paragraph, "\(module.id) opens with a paragraph")
            #expect(module.blocks.contains { $0.kind == .heading2 }, "\(module.id)")
            let texts = module.blocks.flatMap { [$0.text] + $0.items } + [module.title, module.summary, module.exercise.prompt]
            #expect(texts.allSatisfy { !$0.contains(where: { "<>&".contains($0) }) }, "\(module.id)")
        }
    }

    @Test("the writing stays plain: short sentences and short paragraphs", arguments: everyLanguage)
    func plainWriting(language: String) throws {
        for module in try PsychoeducationLibrary.loadBundled(language: language).modules {
            let paragraphs = module.blocks.filter { $0.kind == .paragraph }.map(\.text)
            let sentences = paragraphs.flatMap { $0.split { ".?!".contains($0) } }.filter { !$0.allSatisfy(\.isWhitespace) }
            let words = sentences.reduce(0) { $0 + ModuleValidator.wordCount(String($1)) }
            let average = Double(words) / Double(max(1, sentences.count))
            #expect(average <= 16, "\(module.id): \(average) words per sentence")
            #expect(paragraphs.allSatisfy { ModuleValidator.wordCount($0) <= 90 }, "\(module.id) has a long paragraph")
        }
    }

    @Test("Dutch is shipped, and each translation has the English modules in the English order")
    func translations() throws {
        #expect(PsychoeducationLibrary.bundledTranslations.contains("nl"))
        let english = try PsychoeducationLibrary.loadBundled()
        for language in PsychoeducationLibrary.bundledTranslations {
            let translation = try PsychoeducationLibrary.loadBundled(language: language)
            #expect(translation.modules.map(\.id) == english.modules.map(\.id), "\(language)")
            #expect(translation.modules.map(\.order) == english.modules.map(\.order), "\(language)")
            for (theirs, ours) in zip(translation.modules, english.modules) {
                #expect(theirs.title != ours.title && theirs.summary != ours.summary, "\(language) \(ours.id) is translated")
            }
        }
    }

    @Test("in Dutch the crisis module names the header's crisis link, and the modes keep the Dutch MBT terms")
    func dutchWording() throws {
        let dutch = try PsychoeducationLibrary.loadBundled(language: "nl")
        let crisis = try #require(dutch.module(id: "crises-and-your-crisis-plan")).blocks.map(\.text).joined(separator: " ")
        #expect(crisis.contains("\"Hulp bij crisis\"") && crisis.contains("crisisplan"))
        let modes = try #require(dutch.module(id: "when-mentalizing-goes-offline")).blocks.map(\.text).joined(separator: " ")
        for term in ["psychische equivalentie", "teleologische modus", "doen-alsof-modus"] {
            #expect(modes.contains(term), "\(term)")
        }
    }

    @Test("the crisis module points to the crisis link and the crisis plan")
    func crisisModule() throws {
        let crisis = try #require(try PsychoeducationLibrary.loadBundled().module(id: "crises-and-your-crisis-plan"))
        let text = crisis.blocks.map(\.text).joined(separator: " ")
        #expect(text.contains("crisis link at the top of this page"))
        #expect(text.contains("emergency"))
    }

    @Test("the prementalizing modes are each named and explained")
    func modesModule() throws {
        let modes = try #require(try PsychoeducationLibrary.loadBundled().module(id: "when-mentalizing-goes-offline"))
        let text = modes.blocks.map(\.text).joined(separator: " ")
        for name in ["psychic equivalence", "teleological mode", "pretend mode"] {
            #expect(text.contains(name), "\(name)")
        }
    }
}
