/// Finds who holds the mental state at a token by walking back to the clause's subject.
struct HolderResolver {
    let lexicon: Lexicon
    let tokens: [TextToken]

    /// The holder and the word that named it (nil when no subject was found in the clause).
    func holder(before index: Int) -> (MentalStateHolder, String?) {
        var position = index - 1
        let limit = max(0, index - 7)
        while position >= limit {
            let token = tokens[position]
            guard token.isWord, token.sentence == tokens[index].sentence else { break }
            let word = token.norm
            if lexicon.selfWords.contains(word) { return (.selfHolder, word) }
            if word == "you" || word == "your" || word == "yourself" {
                return (secondPersonIsGeneric(at: position) ? .generic : .addressee, word)
            }
            if lexicon.genericWords.contains(word) { return (.generic, word) }
            if lexicon.otherWords.contains(word) || lexicon.roleNouns.contains(word) { return (.specificOther, word) }
            if lexicon.clauseBreaks.contains(word) { break }
            if isName(token) { return (.specificOther, word) }
            position -= 1
        }
        return (.unspecified, nil)
    }

    /// A capitalised word that is not a known function word is taken as a person's name.
    private func isName(_ token: TextToken) -> Bool {
        token.capitalised && token.norm.count > 1 && !lexicon.skippable.contains(token.norm)
            && !lexicon.negators.contains(token.norm) && !lexicon.stanceHedges.contains(token.norm)
            && !lexicon.stanceBoosters.contains(token.norm) && !lexicon.genericWords.contains(token.norm)
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
