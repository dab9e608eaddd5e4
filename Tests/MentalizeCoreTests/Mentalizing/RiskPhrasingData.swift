/// Phrasings for the risk-language recall tests. Written by the project; each list has one purpose.
enum RiskPhrasingData {
    /// Must alert: suicide, self-harm and overdose language, negations, slang, typos, mixed case,
    /// curly apostrophes, British and American spellings.
    static let mustAlert: [String] = suicide + negations + selfHarm + overdose + slangAndTypos + violence

    static let suicide = [
        "I want to die", "I just want to die.", "Honestly I wanted to die after that call",
        "I wish I was dead", "I wish I were dead", "I'd rather be dead than go back there",
        "I'm going to end it all", "I thought about ending it all tonight", "Sometimes I want to end everything",
        "I want to end my life", "I'm thinking of taking my own life", "I tried to take my life in 2019",
        "Everyone would be better off without me", "They'd all be better off without me",
        "My family would be happier without me", "I'd be better off dead",
        "There's no point going on", "There is no point in living", "no point carrying on like this",
        "I have nothing to live for", "What's the point of living anymore?", "whats the point of anything",
        "There is no reason to live", "Life is pointless", "Life isn't worth living",
        "everything feels hopeless and pointless", "I can't go on", "I cannot go on like this",
        "I can't carry on anymore", "I can't do this anymore", "I can't take it any longer",
        "I'm so tired of living", "I'm sick of being alive", "I'm done with life",
        "I hope I don't wake up tomorrow", "I wish I could go to sleep and never wake up",
        "I want to sleep forever", "I just want to disappear", "I want to disappear forever",
        "If I died nobody would notice", "When I'm gone they'll understand", "No one would miss me",
        "Nobody would even care if I was gone", "I'm a burden to everyone", "I feel like such a burden",
        "I don't want to live anymore", "I don't want to be alive", "I don't want to exist",
        "I don't want to be here anymore", "I won't be around much longer", "I want to kill myself",
        "I'm going to kill myself", "I thought about killing myself on the bus", "I wanted to hang myself",
        "I keep thinking about hanging myself", "I want to jump off a bridge", "I thought about jumping off the roof",
        "I nearly stepped in front of a train", "I could just walk into the sea", "I want to throw myself under a bus",
        "I thought about driving into a wall", "I want to slit my wrists", "I wrote a goodbye letter",
        "I've written a suicide note", "This is goodbye", "I'm giving away my things",
        "I'm scared I'll do something stupid", "I had suicidal thoughts again", "I feel suicidal",
        "I attempted suicide when I was 19", "I'm planning to die on Friday", "I deserve to die",
        "I don't deserve to live", "I'm giving up on life", "I thought about drowning myself",
    ]

    /// Negated, reassuring or past-tense phrasings still need a human look.
    static let negations = [
        "I'm not going to kill myself", "I’m not going to kill myself", "I'd never kill myself, don't worry",
        "I didn't cut", "I didn’t cut last night", "I haven't cut in three weeks", "I did not self-harm this week",
        "I'm not suicidal", "I am NOT suicidal", "I didn't take the pills", "I won't hurt myself",
        "I don't want to die, not really", "I wasn't trying to end my life", "I stopped cutting in March",
        "Two weeks without cutting", "I resisted the urge to cut", "It's not like I want to die",
        "I never overdosed", "I'm not going to do anything stupid", "I wouldn't jump off anything",
    ]

    static let selfHarm = [
        "I cut myself again", "I've been cutting my arms", "I cut my thigh last night", "I cut again",
        "I cut deep this time", "I self-harm when it gets bad", "I self harm", "I selfharm sometimes",
        "self-harming helps me cope", "I keep hurting myself", "I hurt myself on purpose",
        "I wanted to harm myself", "I burned myself with a lighter", "I burnt myself on purpose",
        "I scratched my arms until they bled", "I hit myself when I'm angry", "I punched myself in the face",
        "I was banging my head against the wall", "I want to punish myself", "I starve myself when I feel fat",
        "I have a razor in my drawer", "I bought new blades", "I had the urge to cut",
        "I really wanted to cut", "I felt like cutting", "I keep thinking about cutting",
        "I relapsed yesterday", "I was 40 days clean", "I'm hiding my scars", "I needed stitches",
        "self injury", "Self-injury is how I cope", "I'm a cutter", "I did SH again",
    ]

    static let overdose = [
        "I took too many pills", "I took too many tablets last night", "I took all my pills",
        "I swallowed a whole packet of paracetamol", "I took 30 paracetamol", "I took 20 tablets",
        "I've been saving pills", "I'm stockpiling my meds", "I overdosed once", "I OD'd in 2021",
        "I nearly ODed", "thinking about an OD", "I might overdose", "I took a handful of pills",
        "I swallowed a bottle of tylenol", "I took a load of painkillers", "I took way too much medication",
        "over dose", "I took acetaminophen, a lot of it", "I want to take all my meds at once",
    ]

    static let slangAndTypos = [
        "kms", "i want to kms", "KMS lol", "I want to unalive myself", "sewerslide thoughts again",
        "i wanna die", "I want too die", "I want to kil myself", "i want to kill myslef",
        "sucidal again", "feeling suicidle", "i thought about suiside", "suicde", "I'm SUICIDAL",
        "WANT TO DIE", "I Want To End It All", "self‐harm", "selfharming again", "im a burden",
        "I cnt go on", "k*ll myself", "I want to k1ll myself", "I feel like ending it all tbh",
        "my self harm is getting worse", "I thought about self-harming", "SeLf-HaRm", "I overdoes",
    ]

    static let violence = [
        "I want to hurt him", "I could kill her for that", "I'm going to stab him", "I bought a knife",
        "I want to kill my boss", "I'll make him pay", "I have a gun at home",
    ]

    /// Ordinary diary sentences that must stay quiet.
    static let mustStayQuiet = [
        "I had a nice walk with my sister.", "He didn't call back so obviously he doesn't care about me.",
        "I wonder if she was angry with me.", "We cut the cake at the party.", "My boss was annoyed with the report.",
        "I felt hurt when she left early.", "It hurt me when he laughed.", "I was afraid it would hurt her feelings.",
        "I felt cut off from everyone at the table.", "She hung up on me.", "We hung out with her friends.",
        "I beat myself up about it all evening.", "I kicked myself for forgetting her birthday.",
        "I took my medication this morning as usual.", "My mum gave up on me years ago, or so it felt.",
        "Nobody cares about my opinion at work.", "I said goodbye to my friend at the station.",
        "Her last message was short.", "I slipped on the ice today.", "I burned out at work last year.",
        "I'm tired of waiting for the bus.", "I need to cut down on coffee.", "We're going to cut the grass.",
        "I had two days free last week.", "I can go on holiday in June.", "I'm not hurt, just surprised.",
        "It didn't hurt as much as I expected.", "I'd hate to let her down.", "My therapist asked how I was.",
        "I sat with the feeling instead of acting on it.", "I told him I was disappointed.",
        "I wonder if my dad was scared too.", "Maybe she was just tired after work.",
        "I noticed my heart racing before the meeting.", "We argued about money again.",
        "I cried in the car and then felt calmer.", "He ignored my text for hours.",
        "I imagined she might be having a hard day.", "I left the party early.", "I made a cup of tea and rang my friend.", "Nobody noticed when I left early.",
    ]

    /// Sentences that alert on purpose: recall comes first, and a person reads the entry. Each is a
    /// hyperbole or an everyday use of a word that is also risk language.
    static let acceptedFalseAlerts = [
        "This traffic is killing me.", "My mum will kill me if I'm late.", "I want to cut my hair short.",
        "I didn't cut the grass.", "I jumped off the bus at the last stop.", "I bought a new kitchen knife.",
        "I took 2 paracetamol for my headache.", "I want to disappear when I blush.",
        "I didn't wake up on time.", "I can't do this homework anymore.",
        "I hit my head on the cupboard.", "I could kill for a coffee.", "I didn't want to hurt her.",
    ]
}
