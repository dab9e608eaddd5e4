import Foundation

/// The word lists of the analyzer, loaded once from `Resources/Mentalizing/lexicon.json`.
struct Lexicon: Sendable {
    private struct Entry: Sendable {
        var words: [String]
        var category: LexiconCategory
        var level: Int
    }

    private struct File: Decodable {
        var cognitive, desire, perception, action, hedges, boosters, absolutes: [String]
        var traitLabels, jargon, vagueQualifiers, fillers, perspectiveMarkers, temporalFrames: [String]
        var causalMarkers, concreteAnchors, proofByAction, demands: [String]
        var affectiveLevels: [String: [String]]
        var selfWords, otherWords, genericWords, negators, clauseBreaks, skippable, contentRoleNouns: [String]
        var stanceHedges, stanceBoosters: [String]
        /// Word lists of the depth and certainty roles, keyed by role name (`WordFlags.rolesByName`).
        var wordRoles: [String: [String]]
    }

    /// The lexicon names a word role that the analyzer does not know.
    struct UnknownWordRole: Error {
        var name: String
    }

    /// What the lexicon knows about one word: its closed-class roles and where its phrases are.
    /// Plain values, so a look-up copies no reference-counted storage.
    private struct WordEntry: Sendable {
        var flags: WordFlags = []
        /// Index into `phraseLists` of the entries this word starts (longest first), or -1.
        var phraseList = -1
    }

    /// Roles and phrases keyed by word, so each token needs one look-up.
    private let byWord: WordTable<WordEntry>
    private let phraseLists: [[Entry]]

    /// The bundled lexicon, decoded on first use. Nil only if the bundled resource is damaged.
    static let bundled: Lexicon? = {
        guard let url = MentalizingResources.url(named: "lexicon"),
              let data = try? Data(contentsOf: url) else { return nil }
        return try? Lexicon(jsonData: data)
    }()

    init(jsonData: Data) throws {
        let file = try JSONDecoder().decode(File.self, from: jsonData)
        var entries: [Entry] = []
        func add(_ list: [String], _ category: LexiconCategory, level: Int = 0) {
            for phrase in list {
                let words = Tokenizer.tokenize(phrase).filter(\.isWord).map(\.norm)
                if !words.isEmpty { entries.append(Entry(words: words, category: category, level: level)) }
            }
        }
        add(file.cognitive, .cognitive)
        for (level, words) in file.affectiveLevels { add(words, .affective, level: Int(level) ?? 3) }
        add(file.desire, .desire); add(file.perception, .perception); add(file.action, .action)
        add(file.hedges, .hedge); add(file.boosters, .booster); add(file.absolutes, .absolute)
        add(file.traitLabels, .traitLabel); add(file.jargon, .jargon); add(file.vagueQualifiers, .vagueQualifier)
        add(file.fillers, .filler); add(file.perspectiveMarkers, .perspective)
        add(file.temporalFrames, .temporalFrame); add(file.causalMarkers, .causal)
        add(file.concreteAnchors, .concreteAnchor)
        add(file.proofByAction, .proofByAction); add(file.demands, .demand)
        var phrasesByWord: [String: [Entry]] = [:]
        for entry in entries { phrasesByWord[entry.words[0], default: []].append(entry) }
        var byWord: [String: WordEntry] = [:]
        var sortedLists: [[Entry]] = []
        for (word, phrases) in phrasesByWord {
            byWord[word] = WordEntry(flags: [], phraseList: sortedLists.count)
            sortedLists.append(phrases.sorted { $0.words.count > $1.words.count })
        }
        phraseLists = sortedLists
        let lists: [([String], WordFlags)] = [
            (file.selfWords, .selfWord), (file.otherWords, .otherWord), (file.genericWords, .genericWord),
            (file.contentRoleNouns, .roleNoun), (file.clauseBreaks, .clauseBreak), (file.skippable, .skippable),
            (file.negators, .negator), (file.stanceHedges, .stanceHedge), (file.stanceBoosters, .stanceBooster),
        ]
        var roleLists: [([String], WordFlags)] = []
        for (name, words) in file.wordRoles {
            guard let flag = WordFlags.rolesByName[name] else { throw UnknownWordRole(name: name) }
            roleLists.append((words, flag))
        }
        for (words, flag) in lists + roleLists + WordFlags.grammarSets.map({ (Array($0.0), $0.1) }) {
            for word in words { byWord[word, default: WordEntry()].flags.insert(flag) }
        }
        self.byWord = WordTable(byWord)
    }

    /// Sets each word token's closed-class roles and returns all lexicon matches, with one look-up
    /// per word; per category only the longest phrase at a position counts.
    func annotate(_ tokens: inout [TextToken]) -> [LexiconMatch] {
        var found: [LexiconMatch] = []
        for index in tokens.indices where tokens[index].isWord {
            guard let known = byWord[tokens[index].norm] else { continue }
            tokens[index].flags = known.flags
            guard known.phraseList >= 0 else { continue }
            var seen: UInt32 = 0
            for candidate in phraseLists[known.phraseList] where seen & candidate.category.bit == 0 {
                if phrase(candidate.words, matchesAt: index, in: tokens) {
                    seen |= candidate.category.bit
                    found.append(LexiconMatch(category: candidate.category, first: index,
                                              end: index + candidate.words.count, emotionLevel: candidate.level))
                }
            }
        }
        return found
    }

    private func phrase(_ words: [String], matchesAt index: Int, in tokens: [TextToken]) -> Bool {
        guard index + words.count <= tokens.count else { return false }
        for offset in 1..<max(words.count, 1) where tokens[index + offset].norm != words[offset] {
            return false
        }
        return true
    }
}
