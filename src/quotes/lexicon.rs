//! Word lists for attribution: speech verbs, titles, stop words, organisation words.
//! Kept apart so the rules in `cues` and `names` read as rules; lists are matched exactly and
//! kept sorted for the reader (a test checks the order). Lookups run on nearly every word of
//! every article, so each list is also a hash set, built on first use.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// A sorted word list with constant-time lookup.
pub struct Lexicon {
    words: &'static [&'static str],
    index: OnceLock<Index>,
}

/// The hash set, and a 1,024-bit filter of (length, first byte, last byte)
/// that answers "no" for most words before any hashing: the lists are asked
/// about nearly every word of every article, and nearly always say no.
struct Index {
    set: FxHashSet<&'static str>,
    filter: [u64; 16],
}

fn filter_bit(w: &str) -> usize {
    let b = w.as_bytes();
    let (first, last) = (b.first().copied().unwrap_or(0), b.last().copied().unwrap_or(0));
    (usize::from(first) * 31 + usize::from(last) * 7 + b.len()) & 1023
}

impl Lexicon {
    pub(super) const fn new(words: &'static [&'static str]) -> Self {
        Lexicon { words, index: OnceLock::new() }
    }

    #[cfg(test)]
    pub(super) fn words(&self) -> &'static [&'static str] {
        self.words
    }

    /// Whether `w` is in the list, exactly as written.
    pub fn contains(&self, w: &str) -> bool {
        let index = self.index.get_or_init(|| {
            let mut filter = [0u64; 16];
            for w in self.words {
                let bit = filter_bit(w);
                filter[bit / 64] |= 1 << (bit % 64);
            }
            Index { set: self.words.iter().copied().collect(), filter }
        });
        let bit = filter_bit(w);
        index.filter[bit / 64] & (1 << (bit % 64)) != 0 && index.set.contains(w)
    }
}

/// Verbs that report speech or writing, English and French, finite and participle.
#[rustfmt::skip]
pub static SPEECH_VERB: Lexicon = Lexicon::new(&[
    "acknowledge", "acknowledged", "acknowledges", "added", "adding", "adds", "admit", "admits",
    "admitted", "advised", "affirme", "affirmé", "agreed", "agrees", "ajoute", "ajouté", "alleged",
    "alleges", "annoncé", "announced", "announces", "answered", "argue", "argued", "argues",
    "arguing", "asked", "asking", "asks", "asserted", "asserts", "assure", "assuré", "avertit",
    "barked", "blasted", "boasted", "bragged", "caution", "cautioned", "chimed", "claimed",
    "claims", "commented", "complained", "concede", "conceded", "concedes", "concluded", "conclut",
    "confie", "confirmed", "confié", "contend", "contended", "continued", "continues", "countered",
    "cried", "declared", "declares", "declaring", "demanded", "dit", "déclare", "déclaré",
    "dénonce", "dénoncé", "déplore", "déploré", "echoed", "emailed", "emphasised", "emphasized",
    "estime", "estimé", "exclaimed", "explained", "explaining", "explains", "explique", "expliqué",
    "indique", "indiqué", "insist", "insiste", "insisted", "insisting", "insists", "instructed",
    "interjected", "interroge", "joked", "juge", "jugé", "lamented", "lance", "lancé", "laughed",
    "maintained", "maintains", "martèle", "mumbled", "murmured", "mused", "muttered", "noted",
    "notes", "noting", "observed", "observes", "pleaded", "posted", "poursuit", "predicted",
    "predicts", "proclaimed", "précise", "précisé", "prévenu", "prévient", "quipped", "raconte",
    "raconté", "rappelle", "rappelé", "reasoned", "recalled", "recalling", "recalling:", "recalls",
    "reconnaît", "reconnu", "recounted", "regrette", "reiterated", "remarked", "repeated",
    "replied", "replies", "responded", "retorted", "revealed", "répond", "répondu", "s'interroge",
    "said", "say", "saying", "says", "scoffed", "screamed", "shared", "shouted", "sighed",
    "snapped", "sneered", "souligne", "souligné", "speculated", "stated", "states", "stating",
    "stressed", "suggested", "suggests", "telling", "tells", "testified", "texted", "thundered",
    "told", "tweeted", "tweeting", "tweets", "tweeté", "urged", "warn", "warned", "warning",
    "warns", "whispered", "wondered", "writes", "writing", "wrote", "yelled", "écrit",
]);

/// Verbs that frame a partial quote as someone's words: he called it “a betrayal”.
#[rustfmt::skip]
pub static FRAMING_VERB: Lexicon = Lexicon::new(&[
    "branded", "called", "calling", "calls", "characterised", "characterized", "criticised",
    "criticized", "decried", "deemed", "denounced", "described", "describes", "describing", "dismissed", "dismissing",
    "dubbed", "hailed", "labeled", "labelled", "pledged", "praised", "promised", "qualifie",
    "qualifié", "termed", "vowed", "évoque", "évoqué",
]);

/// Auxiliaries and adverbs that may sit between a subject and its speech verb.
#[rustfmt::skip]
pub static AUX: Lexicon = Lexicon::new(&[
    "a", "again", "also", "always", "angrily", "are", "aussi", "avait", "been", "being", "bluntly",
    "could", "did", "déjà", "encore", "est", "even", "eventually", "famously", "finally", "first",
    "flatly", "frankly", "further", "had", "had also", "has", "has also", "have", "immediately",
    "initially", "is", "just", "later", "may", "memorably", "might", "never", "often", "once",
    "ont", "openly", "previously", "privately", "publicly", "quickly", "quietly", "recently",
    "repeatedly", "reportedly", "simply", "soon", "still", "subsequently", "swiftly", "then", "was",
    "were", "will", "would",
]);

/// Plural or generic nouns that open a sentence as a subject but name nobody.
#[rustfmt::skip]
pub static GENERIC: Lexicon = Lexicon::new(&[
    "activists", "aides", "analysts", "authorities", "both", "commentators", "critics", "democrats",
    "doctors", "economists", "employees", "experts", "fans", "investigators", "lawmakers", "locals",
    "many", "neighbors", "neighbours", "observers", "officers", "officials", "opponents",
    "organisers", "organizers", "others", "parents", "people", "police", "prosecutors",
    "protesters", "republicans", "researchers", "residents", "scientists", "some", "sources",
    "students", "supporters", "teachers", "users", "voters", "witnesses", "workers",
]);

/// Lower-case particles that stay inside a name read backwards.
#[rustfmt::skip]
pub static NAME_PARTICLES: Lexicon = Lexicon::new(&[
    "al", "bin", "de", "der", "du", "la", "le", "of", "van", "von",
]);

/// Words that can open a subject noun phrase after a closing mark.
#[rustfmt::skip]
pub static DETERMINERS: Lexicon = Lexicon::new(&[
    "a", "an", "her", "his", "its", "l", "la", "le", "les", "one", "the", "their", "un", "une",
]);

/// Abbreviations whose full stop does not end a sentence.
#[rustfmt::skip]
pub static ABBREV: Lexicon = Lexicon::new(&[
    "Adm", "Ald", "Asst", "Atty", "Aug", "Brig", "Capt", "Cllr", "Cmdr", "Co", "Col", "Const",
    "Corp", "Coun", "Cpl", "Dec", "Det", "Dr", "Feb", "Fr", "Ft", "Gen", "Gov", "Gov't", "Hon",
    "Inc", "Insp", "Jan", "Jr", "Lt", "Ltd", "Maj", "Mlle", "Mme", "Mr", "Mrs", "Ms", "Msgr", "Mt",
    "No", "Nov", "Oct", "Pres", "Prof", "Pvt", "Rep", "Rev", "Sen", "Sept", "Sgt", "Sr", "St",
    "Supt", "vs",
]);

/// The press's abbreviations of US states ("Boston, Mass., said", "(R-Tex.)"):
/// their full stop does not end a sentence either.
#[rustfmt::skip]
pub static STATE: Lexicon = Lexicon::new(&[
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Fla", "Ill", "Kan", "Ky", "Mass", "Md", "Mich",
    "Minn", "Mont", "Neb", "Nev", "Okla", "Ore", "Tenn", "Tex", "Vt", "Wis", "Wyo",
]);

/// Honorifics and roles: they introduce a name but are never part of it.
#[rustfmt::skip]
pub static TITLE: Lexicon = Lexicon::new(&[
    "Activist", "Actor", "Actress", "Adm", "Administrator", "Admiral", "Adviser", "Advisor",
    "Advocate", "Agent", "Aide", "Ald", "Alderman", "Ambassador", "Analyst", "Anchor", "Archbishop",
    "Architect", "Assemblyman", "Assemblywoman", "Asst", "Attorney", "Atty", "Auditor", "Auntie",
    "Aunty", "Author", "Baron", "Baroness", "Barrister", "Billionaire", "Bishop", "Brig",
    "Broadcaster", "Brother", "Businessman", "Businesswoman", "CEO", "Campaigner", "Candidate",
    "Capt", "Captain", "Cardinal", "Chair", "Chairman", "Chairperson", "Chairwoman", "Chancellor",
    "Chaplain", "Chef", "Chief", "Clerk", "Cllr", "Cmdr", "Co-founder", "Co-owner", "Coach", "Col",
    "Colonel", "Columnist", "Comedian", "Commander", "Commentator", "Commissioner", "Congressman",
    "Congresswoman", "Const", "Constable", "Coroner", "Correspondent", "Coun", "Councillor",
    "Councillors", "Councilman", "Councilmember", "Councilor", "Councilors", "Councilwoman",
    "Counsel", "Cpl", "Cr", "Curator", "DC", "DCI", "DCS", "DI", "DS", "Dame", "Dean", "Dear",
    "Delegate", "Democrat", "Democratic", "Deputy", "Det", "Detective", "Director", "Dr", "Dr.",
    "Duchess", "Duke", "Earl", "Economist", "Editor", "Electrician", "Engineer", "Entrepreneur",
    "Executive", "Father", "Filmmaker", "Firefighter", "Fisherman", "Fishermen", "Footballer",
    "Former", "Founder", "Fr", "Freshman", "Front-runner", "Frontrunner", "GOP", "Gen", "General",
    "Goalkeeper", "Gov", "Gov.", "Governor", "Guitarist", "Harbormaster", "Harbourmaster",
    "Headmaster", "Headmistress", "Headteacher", "Historian", "Homeowner", "Hon", "Hopeful", "Host",
    "Imam", "Insp", "Inspector", "Investigator", "Investor", "Jockey", "Journalist", "Judge",
    "Junior", "Justice", "King", "Lady", "Lady's", "Landlord", "Lawmaker", "Lawyer", "Leader",
    "Lecturer", "Legislator", "Librarian", "Lieutenant", "Lord", "Lt", "Lt.", "M", "Madame",
    "Magistrate", "Maj", "Majority", "Manager", "Marshal", "Master", "Mayor", "Maître", "Me",
    "Mechanic", "Midfielder", "Midwife", "Minister", "Minority", "Miss", "Mister", "Mlle", "Mme",
    "Mogul", "Monsieur", "Motorist", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Msgr", "Musician",
    "Nominee", "Novelist", "Nurse", "Officer", "Organiser", "Organizer", "Owner", "PC", "PCSO",
    "Paramedic", "Pastor", "Pensioner", "Pharmacist", "Photographer", "Physician", "Playwright",
    "Plumber", "Pollster", "Pope", "Premier", "Pres", "Presenter", "President", "Presidential",
    "Prime", "Prince", "Princess", "Principal", "Prof", "Professor", "Professors", "Prosecutor",
    "Protester", "Publisher", "Pvt", "Queen", "Rabbi", "Ranger", "Referee", "Rep", "Rep.",
    "Reporter", "Representative", "Republican", "Researcher", "Resident", "Retiree", "Rev",
    "Reverend", "Rival", "Scientist", "Secretary", "Secretary-General", "Sen", "Sen.", "Senator",
    "Senators", "Senior", "Sergeant", "Sgt", "Sheikh", "Sheriff", "Shopkeeper", "Singer", "Sir",
    "Sister", "Solicitor", "Sophomore", "Speaker", "Spokesman", "Spokesperson", "Spokeswoman",
    "Strategist", "Student", "Superintendent", "Supervisor", "Supt", "Surgeon", "Survivor",
    "Teacher", "Treasurer", "Trooper", "Uncle", "Vicar", "Vice", "Villager", "Volunteer", "Whip",
    "Writer",
]);

/// Capitalised words that start sentences or name times, not speakers.
#[rustfmt::skip]
pub static STOP: Lexicon = Lexicon::new(&[
    "A", "AI", "About", "According", "Across", "After", "Afterward", "Afterwards", "Again",
    "Against", "All", "Along", "Alongside", "Alors", "Already", "Also", "Although", "Americans",
    "Amid", "Among", "An", "Analysts", "And", "Another", "Anyone", "Apparently", "April", "Après",
    "Around", "As", "Asked", "At", "Au", "August", "Aux", "Avant", "Because", "Before", "Behind",
    "Below", "Beneath", "Beside", "Besides", "Beyond", "Both", "But", "By", "CEO", "Ce",
    "Certainly", "Cette", "Chez", "Christians", "Clearly", "Could", "Critics", "Currently", "Dans",
    "December", "Democrats", "Depuis", "Des", "Despite", "Did", "Dimanche", "Does", "Dozens", "Du",
    "During", "Each", "Earlier", "Eight", "Either", "Eleven", "Elle", "Elles", "Enfin", "Ensuite",
    "Et", "Europeans", "Even", "Eventually", "Every", "Everyone", "Experts", "February", "Finally",
    "First", "Five", "Following", "For", "Fortunately", "Four", "Friday", "From", "Furthermore",
    "Had", "Has", "He", "Her", "Here", "His", "How", "However", "Hundreds", "I", "If", "Il", "Ils",
    "In", "Indeed", "Initially", "Inside", "Instead", "Is", "It", "Its", "January", "Jeudi",
    "July", "June", "Just", "La", "Last", "Later", "Le", "Les", "Like", "Likewise", "Lors",
    "Lundi", "Mais", "Many", "March", "Mardi", "May", "Maybe", "Meanwhile", "Mercredi", "Millions",
    "Monday", "Moreover", "Most", "Muslims", "My", "Near", "Neither", "Nevertheless", "Next",
    "Nine", "No", "Nobody", "Nonetheless", "Not", "November", "Now", "OK", "Obviously", "October",
    "Of", "Officials", "Often", "Oh", "Ok", "On", "Once", "One", "Only", "Or", "Originally",
    "Others", "Otherwise", "Our", "Outside", "Over", "Overall", "Pendant", "People", "Perhaps",
    "Photo", "Please", "Police", "Pour", "Pourtant", "Previously", "Read", "Recently",
    "Republicans", "Residents", "Samedi", "Saturday", "Second", "See", "Selon", "Separately",
    "September", "Seven", "Several", "She", "Shortly", "Should", "Similarly", "Since", "Six", "So",
    "Some", "Someone", "Sometimes", "Source", "Sources", "Speaking", "Still", "Suddenly", "Sunday",
    "Sur", "TV", "Ten", "Thanks", "That", "The", "Their", "Then", "There", "Therefore", "These",
    "They", "Third", "This", "Those", "Though", "Thousands", "Three", "Through", "Throughout",
    "Thursday", "Thus", "To", "Today", "Together", "Tomorrow", "Tonight", "Top", "Toward",
    "Towards", "Tuesday", "Twelve", "Twenty", "Two", "Ultimately", "Un", "Under", "Underneath",
    "Une", "Unfortunately", "Unlike", "Until", "Upon", "Usually", "Vendredi", "Voters", "Was",
    "We", "Wednesday", "Well", "Were", "What", "Whatever", "When", "Where", "Whether", "Which",
    "While", "Who", "Whoever", "Why", "With", "Within", "Without", "Would", "Yes", "Yesterday",
    "Yet", "You", "Your",
]);

/// Lower-case words allowed inside a name when a capitalised word follows.
#[rustfmt::skip]
pub static CONNECTOR: Lexicon = Lexicon::new(&[
    "al", "ben", "bin", "da", "de", "del", "den", "der", "des", "di", "dos", "du", "la", "le", "of",
    "ter", "van", "von", "y",
]);

/// Words that mark a name as an organisation, a team or a group of people
/// ("European Jews") rather than a person.
#[rustfmt::skip]
pub static ORG_WORD: Lexicon = Lexicon::new(&[
    "Academy", "Administration", "Agency", "Airlines", "Airport", "Airways", "Albion", "Alliance",
    "Americans", "Analytics", "Arena", "Army", "Assembly", "Assemblée", "Association", "Athletic",
    "Authority", "Avenue", "Bakery", "Bank", "Bistro", "Board", "Boulevard", "Brasserie", "Brewery",
    "Bridge", "Bureau", "Cabinet", "Cafe", "Café", "Campaign", "Cantina", "Capital", "Catholics",
    "Caucus", "Center", "Centre", "Chamber", "Channel", "Christians", "Church", "City", "Clinic",
    "Club", "Co", "Co-operative", "Co.", "Coalition", "Collective", "College", "Command",
    "Commission", "Committee", "Company", "Congress", "Conseil", "Consortium", "Cooperative",
    "Corp", "Corp.", "Corps", "Council", "County", "Court", "Daily", "Democrats", "Department",
    "Diner", "Directorate", "Economics", "Embassy", "Energy", "Evangelicals", "FC", "Farm", "Farms",
    "Federal", "Federation", "Festival", "Force", "Foundation", "Fund", "Gallery", "Gouvernement",
    "Government", "Grill", "Group", "Guard", "Guild", "Harbor", "Harbour", "Herald", "Highway",
    "Hispanics", "Holdings", "Hospice", "Hospital", "Hotel", "House", "Inc", "Inc.", "Industries",
    "Inn", "Inspectorate", "Institute", "Institution", "Insurance", "Jews", "Journal", "Kitchen",
    "LLC", "Lab", "Labs", "Latinos", "League", "Library", "Ltd", "Ltd.", "Magazine", "Marina",
    "Market", "Media", "Mill", "Mills", "Ministry", "Ministère", "Motors", "Museum", "Muslims",
    "National", "Navy", "Network", "News", "Office", "Orchestra", "Organisation", "Organization",
    "PAC", "Panel", "Parliament", "Parti", "Partners", "Party", "Pharmaceuticals", "Pictures",
    "Pizzeria", "Platforms", "Plaza", "Police", "Port", "Post", "Press", "Prison", "Protestants",
    "Pub", "Radio", "Railways", "Ranch", "Rangers", "Records", "Republicans", "Reserve",
    "Restaurant", "Reuters", "Review", "River", "Road", "Rovers", "School", "Secretariat", "Senate",
    "Service", "Services", "Shop", "Society", "Square", "Stadium", "State", "Station", "Store",
    "Street", "Studios", "Systems", "Taverna", "Team", "Technologies", "Telecom", "Television",
    "Theater", "Theatre", "Times", "Trattoria", "Tribunal", "Tribune", "Trust", "Union", "Unit",
    "University", "Wanderers", "Weather", "Weekly",
]);

/// Words after which a name is a place or an object, not someone who speaks next.
#[rustfmt::skip]
pub static BLOCKS_ANTECEDENT: Lexicon = Lexicon::new(&[
    "about", "across", "against", "along", "among", "around", "asked", "at", "atop", "avec",
    "behind", "below", "beneath", "beside", "between", "beyond", "by", "called", "chez", "dans",
    "des", "du", "en", "for", "from", "in", "inside", "interviewed", "into", "met", "near", "of",
    "on", "onto", "outside", "over", "par", "pour", "sur", "than", "thanked", "through", "to",
    "told", "toward", "towards", "under", "upon", "via", "with", "within", "à",
]);

/// Words right before an opening mark that make what follows a title, nickname or slogan.
/// Sorted for binary search.
#[rustfmt::skip]
pub static NAMING_WORD: Lexicon = Lexicon::new(&[
    "album", "article", "banner", "banners", "book", "chanted", "chanting", "documentary", "dubbed",
    "entitled", "episode", "essay", "film", "hashtag", "headlined", "movie", "nicknamed", "novel",
    "placard", "placards", "play", "poem", "rated", "sign", "signs", "slogan", "slogans", "song",
    "titled",
]);

/// Whether `w`, folded to lower case, is in the sorted list `list`.
pub fn has(list: &Lexicon, w: &str) -> bool {
    list.contains(Folded::new(w).as_str())
}

/// A word folded to lower case on the stack, since matching runs on every word of
/// every article; only long or non-ASCII capitalised words go to the heap.
pub struct Folded<'a> {
    buf: [u8; 24],
    len: usize,
    word: std::borrow::Cow<'a, str>,
}

impl<'a> Folded<'a> {
    pub fn new(w: &'a str) -> Self {
        let mut f = Folded { buf: [0; 24], len: usize::MAX, word: std::borrow::Cow::Borrowed(w) };
        if !w.chars().any(char::is_uppercase) {
            return f;
        }
        if w.is_ascii() && w.len() <= f.buf.len() {
            f.buf[..w.len()].copy_from_slice(w.as_bytes());
            f.buf[..w.len()].make_ascii_lowercase();
            f.len = w.len();
        } else {
            f.word = std::borrow::Cow::Owned(w.to_lowercase());
        }
        f
    }

    pub fn as_str(&self) -> &str {
        if self.len == usize::MAX {
            &self.word
        } else {
            // Only ASCII bytes were copied in, so this cannot fail.
            std::str::from_utf8(&self.buf[..self.len]).unwrap_or_default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_lists_fold_case() {
        for l in [
            &SPEECH_VERB,
            &FRAMING_VERB,
            &AUX,
            &GENERIC,
            &NAME_PARTICLES,
            &DETERMINERS,
            &ABBREV,
            &STATE,
            &TITLE,
            &STOP,
            &CONNECTOR,
            &ORG_WORD,
            &BLOCKS_ANTECEDENT,
            &NAMING_WORD,
        ] {
            let w = l.words;
            assert!(w.windows(2).all(|p| p[0] < p[1]), "{:?}", w.windows(2).find(|p| p[0] >= p[1]));
            assert!(w.iter().all(|x| l.contains(x)));
        }
        assert!(has(&NAMING_WORD, "Book"));
        assert!(has(&NAMING_WORD, "titled"));
        assert!(!has(&NAMING_WORD, "said"));
    }

    #[test]
    fn lookups_agree_with_the_lists() {
        let pieces = ["s", "aid", "Mr", ".", "Dr", "said", "é", "the", "of", "Co", "Gov"];
        for w in crate::testing::random_texts(0x1e71c0, &pieces) {
            for l in [&SPEECH_VERB, &TITLE, &STOP, &ABBREV, &STATE, &CONNECTOR] {
                assert_eq!(l.contains(&w), l.words.contains(&w.as_str()), "{w:?}");
            }
        }
    }
}
