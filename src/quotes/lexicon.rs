//! Word lists for attribution: speech verbs, titles, stop words, organisation words.
//! Kept apart so the rules in `cues` and `names` read as rules; lists are matched exactly.

/// Verbs that report speech or writing, English and French, finite and participle.
#[rustfmt::skip]
pub const SPEECH_VERB: &[&str] = &[
    "said", "says", "say", "told", "tells", "added", "adds", "adding", "explained", "explains",
    "noted", "notes", "argued", "argues", "asked", "asks", "stated", "states", "stating", "tweeted",
    "tweets", "wrote", "writes", "writing", "continued", "continues", "insisted", "insists",
    "warned", "warns", "declared", "announced", "replied", "replies", "responded", "answered",
    "remarked", "observed", "commented", "acknowledged", "admitted", "conceded", "claimed",
    "claims", "suggested", "suggests", "recalled", "recalls", "cautioned", "predicted", "testified",
    "posted", "concluded", "emphasized", "emphasised", "stressed", "complained", "joked", "quipped",
    "confirmed", "urged", "shouted", "exclaimed", "lamented", "boasted", "countered", "agreed",
    "saying", "telling", "explaining", "noting", "warning", "insisting", "arguing", "asking",
    "declaring", "recalling", "reiterated", "maintained", "maintains", "contended", "observes",
    "pleaded", "mused", "sighed", "cried", "shared", "revealed", "laughed", "chimed", "echoed",
    "recounted", "wondered", "announces", "tweeting", "advised", "demanded", "recalling:",
    "predicts", "alleged", "alleges", "asserted", "asserts", "proclaimed", "blasted", "dit",
    "déclaré", "déclare", "estime", "estimé", "explique", "expliqué", "affirme", "affirmé",
    "ajoute", "ajouté", "souligne", "souligné", "indique", "indiqué", "précise", "précisé",
    "assure", "assuré", "annoncé", "lance", "lancé", "confie", "confié", "raconte", "raconté",
    "juge", "jugé", "déplore", "déploré", "regrette", "rappelle", "rappelé", "poursuit", "martèle",
    "reconnaît", "reconnu", "prévient", "prévenu", "dénonce", "dénoncé", "écrit", "répond",
    "répondu", "insiste", "tweeté", "interroge", "s'interroge", "avertit", "conclut",
];

/// Verbs that frame a partial quote as someone's words: he called it “a betrayal”.
#[rustfmt::skip]
pub const FRAMING_VERB: &[&str] = &[
    "called", "calls", "calling", "described", "describes", "describing", "dubbed", "termed",
    "labeled", "labelled", "branded", "promised", "vowed", "pledged", "characterized",
    "characterised", "deemed", "denounced", "praised", "criticized", "criticised", "qualifie",
    "qualifié", "évoque", "évoqué", "decried", "hailed",
];

/// Auxiliaries and adverbs that may sit between a subject and its speech verb.
#[rustfmt::skip]
pub const AUX: &[&str] = &[
    "has", "had", "have", "will", "would", "also", "later", "then", "previously", "once", "again",
    "further", "recently", "simply", "just", "a", "ont", "avait", "has also", "had also",
    "repeatedly", "often", "publicly", "bluntly", "flatly", "quickly", "finally", "first",
    "privately", "famously", "memorably", "did", "could", "might", "may", "aussi", "encore", "déjà",
    "is", "was", "are", "were", "been", "being", "est",
];

/// Plural or generic nouns that open a sentence as a subject but name nobody.
#[rustfmt::skip]
pub const GENERIC: &[&str] = &[
    "officials", "police", "authorities", "experts", "analysts", "critics", "residents",
    "witnesses", "sources", "investigators", "prosecutors", "researchers", "scientists", "doctors",
    "officers", "others", "some", "many", "both", "supporters", "opponents", "economists", "aides",
    "lawmakers", "democrats", "republicans", "voters", "people", "users", "parents", "students",
    "teachers", "workers", "employees", "organizers", "organisers", "observers", "fans",
    "neighbors", "neighbours", "commentators", "locals", "protesters", "activists",
];

/// Lower-case particles that stay inside a name read backwards.
#[rustfmt::skip]
pub const NAME_PARTICLES: &[&str] = &[
    "de", "van", "von", "of", "la", "le", "der", "al", "bin", "du",
];

/// Words that can open a subject noun phrase after a closing mark.
#[rustfmt::skip]
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "one", "le", "la", "les", "l", "un", "une",
];

/// Abbreviations whose full stop does not end a sentence.
#[rustfmt::skip]
pub const ABBREV: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Capt", "Sgt", "Prof",
    "Jr", "Sr", "Inc", "Corp", "Co", "Ltd", "No", "Mt", "Ft", "Rev", "Hon", "Mme", "Mlle", "Gov't",
    "vs", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec", "Pres", "Supt", "Insp", "Det",
];

/// Honorifics and roles: they introduce a name but are never part of it.
#[rustfmt::skip]
pub const TITLE: &[&str] = &[
    "Mr", "Mrs", "Ms", "Miss", "Dr", "Sen", "Senator", "Rep", "Representative", "Gov", "Governor",
    "Prof", "Professor", "President", "Vice", "Prime", "Minister", "Chancellor", "Secretary",
    "General", "Gen", "Lt", "Col", "Capt", "Sgt", "Officer", "Detective", "Judge", "Justice",
    "Mayor", "Pope", "King", "Queen", "Prince", "Princess", "Sir", "Dame", "Lord", "Lady", "Rev",
    "Coach", "Chairman", "Chairwoman", "Director", "Mme", "Mlle", "Maître", "Commissioner",
    "Superintendent", "Inspector", "Deputy", "Ambassador", "Bishop", "Rabbi", "Councillor",
    "Councilman", "Councilwoman", "Speaker", "Chief", "Sheriff", "Attorney", "Former", "Dean",
    "Father", "Sister", "Brother", "Monsieur", "Madame", "Hon", "Supt", "Det", "Insp",
    "Assemblyman", "Assemblywoman", "Congressman", "Congresswoman", "Candidate", "Presidential",
    "Democratic", "Republican", "GOP", "CEO", "Founder", "Executive", "Pres", "Premier", "M", "Me",
    "Dear", "Investigator", "Trooper", "Spokesman", "Spokeswoman", "Spokesperson", "Analyst",
    "Economist", "Actress", "Actor", "Singer", "Reverend", "Pastor", "Nurse", "Lawyer", "Councilor",
    "Alderman", "Lady's", "Baroness", "Baron", "Earl", "Duke", "Duchess", "Mister", "Cardinal",
    "Colonel", "Captain", "Sergeant", "Agent",
    "Leader", "Majority", "Minority", "Whip", "Chair", "Secretary-General", "Adm", "Maj", "Cpl", "Pvt", "Lord", "Lt.", "Gov.", "Sen.", "Rep.", "Dr.", "Mr.", "Mrs.", "Ms.", "Supervisor", "Manager", "Spokesman", "Host", "Anchor", "Commentator", "Correspondent", "Lawmaker", "Legislator", "Delegate", "Activist", "Author", "Writer", "Historian", "Strategist", "Pollster", "Adviser", "Advisor", "Aide", "Nominee", "Frontrunner", "Front-runner", "Hopeful", "Businessman", "Businesswoman", "Billionaire", "Mogul",
];

/// Capitalised words that start sentences or name times, not speakers.
#[rustfmt::skip]
pub const STOP: &[&str] = &[
    "The", "A", "An", "In", "On", "At", "But", "And", "Or", "It", "Its", "This", "That", "These",
    "Those", "He", "She", "They", "We", "I", "You", "His", "Her", "Their", "Our", "My", "Your",
    "There", "Here", "When", "While", "After", "Before", "If", "As", "For", "With", "By", "From",
    "To", "Of", "So", "Yet", "Also", "Then", "Now", "Still", "However", "Meanwhile", "Monday",
    "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
    "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Le", "La", "Les", "Un", "Une", "Des", "Il", "Elle", "Ils", "Elles", "Ce", "Cette",
    "Mais", "Et", "Dans", "Pour", "Selon", "Pourtant", "Mardi", "Lundi", "Mercredi", "Jeudi",
    "Vendredi", "Samedi", "Dimanche", "Not", "What", "Why", "How", "Who", "Where", "Which", "Some",
    "Many", "Most", "All", "Every", "Each", "One", "Asked", "According", "Speaking", "Even",
    "Although", "Though", "Because", "Since", "Until", "During", "Despite", "Over", "Under",
    "About", "Like", "Just", "Only", "Last", "Next", "Earlier", "Later", "Today", "Yesterday",
    "Read", "See", "Photo", "Source", "Au", "Aux", "Du", "Sur", "CEO", "AI", "TV", "OK", "Ok",
    "Yes", "No", "Oh", "Well", "Please",
    "Instead", "Meanwhile", "Asked", "Besides", "Indeed", "Perhaps", "Both", "Neither", "Either", "Whether", "Otherwise", "Unlike", "Following", "Among", "Amid", "Against", "Without", "Within", "Through", "Thanks", "Sources", "Officials", "Police", "Critics", "Experts", "Analysts", "Residents", "Americans", "Democrats", "Republicans", "Muslims", "Christians", "Europeans", "Voters", "People", "Others", "Ensuite", "Enfin", "Alors", "Pendant", "Depuis", "Après", "Avant", "Chez", "Lors",
];

/// Lower-case words allowed inside a name when a capitalised word follows.
#[rustfmt::skip]
pub const CONNECTOR: &[&str] = &[
    "de", "van", "von", "der", "den", "la", "le", "du", "des", "da", "di", "dos", "bin", "al", "of",
    "y", "del", "ter", "ben",
];

/// Words that mark a name as an organisation rather than a person.
#[rustfmt::skip]
pub const ORG_WORD: &[&str] = &[
    "Inc", "Corp", "Company", "Co", "Ltd", "LLC", "Group", "Ministry", "Department", "Office",
    "Agency", "Council", "Committee", "Commission", "Bank", "Association", "Union", "University",
    "College", "Institute", "Foundation", "Police", "Service", "Services", "Board", "Court",
    "Party", "Times", "Post", "News", "Journal", "Analytics", "Network", "Airlines", "Authority",
    "Administration", "Bureau", "Center", "Centre", "Club", "Church", "Fund", "Force", "Army",
    "Navy", "House", "Senate", "Congress", "Parliament", "Government", "Federation", "Organization",
    "Organisation", "Society", "Trust", "Press", "Hospital", "School", "Labs", "Lab",
    "Technologies", "Systems", "Motors", "Media", "Platforms", "Ministère", "Assemblée", "Conseil",
    "Gouvernement", "Parti", "Reuters", "Campaign", "Federal", "National", "State", "Republicans",
    "Democrats", "Street", "Avenue", "County", "City", "Weather", "Airport", "Station",
    "Institution", "Unit", "Team", "Magazine", "Review", "Herald", "Tribune",
    "Foundation", "Department", "Inc.", "Corp.", "Co.", "Ltd.", "Agency", "Commission", "Reserve", "Ministry", "Office", "Council", "Institute", "Company", "Coalition", "Alliance", "PAC", "Campaign", "Caucus", "Administration", "Court", "League", "Agency", "Center", "Centre", "Network", "Channel", "Post", "Times", "Daily", "Weekly", "Radio", "Television", "Studios", "Pictures", "Records", "Airways", "Railways", "Police", "Bureau", "Department", "Guard", "Corps", "Command",
];

/// Words after which a name is a place or an object, not someone who speaks next.
#[rustfmt::skip]
pub const BLOCKS_ANTECEDENT: &[&str] = &[
    "in", "at", "from", "to", "of", "across", "near", "for", "into", "on", "by", "with", "about",
    "over", "toward", "towards", "through", "outside", "inside", "told", "asked", "thanked",
    "interviewed", "met", "called", "than", "à", "en", "dans", "avec", "pour", "par", "sur",
    "chez", "du", "des",
];
