/// Finds who holds the mental state at a token by walking back to the clause's subject.
struct HolderResolver {
    let tokens: [TextToken]

    /// The holder and the word that named it (nil when no subject was found in the clause).
    func holder(before index: Int) -> (MentalStateHolder, String?) {
        var position = index - 1
        let limit = max(0, index - 7)
        while position >= limit {
            let token = tokens[position]
            guard token.isWord, token.sentence == tokens[index].sentence else { break }
            let word = token.norm
            if token.flags.contains(.selfWord) { return (.selfHolder, word) }
            if word == "you" || word == "your" || word == "yourself" {
                return (secondPersonIsGeneric(at: position) ? .generic : .addressee, word)
            }
            if token.flags.contains(.genericWord) { return (.generic, word) }
            if !token.flags.isDisjoint(with: [.otherWord, .roleNoun]) { return (.specificOther, word) }
            if token.flags.contains(.clauseBreak) { break }
            if isName(token) { return (.specificOther, word) }
            position -= 1
        }
        return (.unspecified, nil)
    }

    /// A capitalised word that is not a known function word is taken as a person's name.
    private func isName(_ token: TextToken) -> Bool {
        token.capitalised && token.norm.utf8.count > 1 && token.flags.isDisjoint(with: .notAName)
    }

    /// "you" is generic after "when/if/make(s)" or in a sentence that speaks of people in general.
    func secondPersonIsGeneric(at index: Int) -> Bool {
        if index > 0, WordSets.genericYouCues.contains(tokens[index - 1].norm) {
            return true
        }
        let sentence = tokens[index].sentence
        var position = index
        while position >= 0, tokens[position].sentence == sentence {
            if WordSets.peopleInGeneral.contains(tokens[position].norm) { return true }
            position -= 1
        }
        return false
    }
}
