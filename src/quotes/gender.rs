//! Grammatical gender of people named in an article, so he/she resolve only to someone compatible.
//! Evidence is general: gendered honorifics, common first names, and a pronoun that follows the name
//! in the same sentence. Anything else stays unknown.

use super::lexicon::Lexicon;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// Pronouns and possessives that point back at one person of known gender.
pub fn of_pronoun(w: &str) -> Option<Gender> {
    match w {
        "he" | "He" | "him" | "his" | "His" | "himself" | "il" | "Il" => Some(Gender::Male),
        "she" | "She" | "her" | "Her" | "hers" | "herself" | "elle" | "Elle" => Some(Gender::Female),
        _ => None,
    }
}

/// Honorifics that carry gender; ranks and offices (Sen., Dr., Gov.) do not.
pub fn of_title(w: &str) -> Option<Gender> {
    match w {
        "Mr" | "Mr." | "Mister" | "Monsieur" | "M" | "Sir" | "Lord" | "King" | "Prince" | "Father"
        | "Brother" | "Baron" | "Earl" | "Duke" | "Congressman" | "Councilman" | "Assemblyman"
        | "Chairman" | "Spokesman" | "Businessman" | "Actor" | "Uncle" => Some(Gender::Male),
        "Mrs" | "Mrs." | "Ms" | "Ms." | "Miss" | "Mme" | "Mlle" | "Madame" | "Dame" | "Lady" | "Queen"
        | "Princess" | "Sister" | "Baroness" | "Duchess" | "Congresswoman" | "Councilwoman"
        | "Assemblywoman" | "Chairwoman" | "Spokeswoman" | "Businesswoman" | "Actress" | "Aunty"
        | "Auntie" => Some(Gender::Female),
        _ => None,
    }
}

/// Words for kin that may stand before a name ("his son, Ciaran", "her
/// husband Tom"), and the gender they give it.
pub fn of_kin(w: &str) -> Option<Gender> {
    match w {
        "son" | "father" | "husband" | "brother" | "grandson" | "grandfather" | "nephew" | "uncle"
        | "stepson" | "stepfather" | "widower" | "boyfriend" | "dad" => Some(Gender::Male),
        "daughter" | "mother" | "wife" | "sister" | "granddaughter" | "grandmother" | "niece" | "aunt"
        | "stepdaughter" | "stepmother" | "widow" | "girlfriend" | "mum" | "mom" => Some(Gender::Female),
        _ => None,
    }
}

/// A common first name that, standing alone ("his daughter, Susan"), is a
/// person: not one as often a place or a thing ("won Virginia", "Sterling fell").
pub fn is_lone_first_name(w: &str) -> bool {
    of_first_name(w).is_some()
        && !matches!(
            w,
            "Virginia"
                | "Victoria"
                | "Florence"
                | "Madison"
                | "Charlotte"
                | "Sterling"
                | "Amber"
                | "Tyler"
                | "April"
                | "June"
        )
}

/// A first name that opening a sentence on its own ("Tomasz had brought a
/// trumpet.") is a person's: not one that is also an everyday word ("Grant
/// funding fell", "Rose by 3%", "Max capacity").
pub fn opens_as_name(w: &str) -> bool {
    is_lone_first_name(w)
        && !matches!(
            w,
            "Mark"
                | "Grant"
                | "Frank"
                | "Bill"
                | "Rose"
                | "Max"
                | "Guy"
                | "Ray"
                | "Don"
                | "Dawn"
                | "Grace"
                | "Hazel"
                | "Ruby"
                | "Iris"
                | "Violet"
                | "Holly"
                | "Daisy"
                | "Gene"
                | "Chuck"
                | "Rob"
                | "Nick"
                | "Lance"
                | "Dale"
                | "Carol"
                | "Jack"
                | "Sally"
                | "Heather"
                | "Will"
                | "Hope"
                | "Faith"
                | "Joy"
                | "Pearl"
                | "Olive"
                | "Sandy"
                | "Hunter"
                | "Bishop"
                | "Nora"
        )
}

/// A first name common enough to tell gender on its own; ambiguous ones are left out.
pub fn of_first_name(w: &str) -> Option<Gender> {
    if MALE_FIRST.contains(w) {
        Some(Gender::Male)
    } else if FEMALE_FIRST.contains(w) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// Common male first names, sorted for the reader.
#[rustfmt::skip]
static MALE_FIRST: Lexicon = Lexicon::new(&[
    "Aaron", "Abdul", "Abraham", "Adam", "Adrian", "Ahmad", "Ahmed", "Aidan", "Alan", "Alasdair",
    "Alastair", "Albert", "Alberto", "Aled", "Alejandro", "Alessandro", "Alexander", "Alexei",
    "Alfie", "Alfonso", "Alfred", "Ali", "Alistair", "Allen", "Alvin", "Ambrose", "Amit", "Anders",
    "Andre", "Andreas", "Andrei", "Andres", "Andrew", "Andy", "Angelo", "Anil", "Anthony",
    "Antoine", "Antonio", "Archie", "Arjun", "Arnold", "Arthur", "Arturo", "Barack", "Barnaby",
    "Barry", "Bartosz", "Ben", "Benedict", "Benjamin", "Bernard", "Bernd", "Bernie", "Bill",
    "Billy", "Bob", "Bobby", "Bogdan", "Bongani", "Boris", "Brad", "Bradley", "Brandon", "Brendan",
    "Brett", "Brian", "Bruce", "Bryan", "Byron", "Callum", "Calvin", "Carl", "Carlos", "Cesar",
    "Channing", "Charles", "Charlie", "Chinedu", "Christos", "Chuck", "Cian", "Ciaran", "Clarence",
    "Claude", "Clifford", "Clint", "Clive", "Colin", "Connor", "Conor", "Cormac", "Craig",
    "Crispin", "Curtis", "Cyril", "Dafydd", "Dale", "Dan", "Daniel", "Danny", "Dariusz", "Darnell",
    "Darragh", "Darren", "Dave", "David", "Declan", "Deepak", "Dennis", "Derek", "Dermot",
    "Desmond", "Diarmuid", "Dick", "Diego", "Dieter", "Dimitri", "Dimitrios", "Dmitri", "Dmitry",
    "Don", "Donal", "Donald", "Doug", "Douglas", "Dragan", "Duncan", "Dwight", "Eamon", "Eamonn",
    "Ed", "Eddie", "Edgar", "Edward", "Edwin", "Elias", "Elijah", "Emeka", "Emilio", "Emmanuel",
    "Emre", "Enzo", "Eoin", "Eric", "Erik", "Ernest", "Ernesto", "Ernst", "Euan", "Eugene", "Evan",
    "Ewan", "Felix", "Fergal", "Fergus", "Fernando", "Finbar", "Francesco", "Francis", "Francisco",
    "Frank", "Franklin", "Fred", "Frederick", "Friedrich", "Gabriel", "Gareth", "Gary", "Gavin",
    "Gene", "George", "Georgios", "Geraint", "Gerald", "Gerard", "Gerry", "Gideon", "Gilbert",
    "Giles", "Giorgos", "Giovanni", "Giuseppe", "Glenn", "Goran", "Gordon", "Graham", "Grant",
    "Greg", "Gregory", "Gunther", "Gustavo", "Guy", "Hamish", "Hamza", "Hank", "Hans", "Harold",
    "Harry", "Harvey", "Hassan", "Hector", "Heinrich", "Henrik", "Henry", "Herbert", "Hiroshi",
    "Horst", "Howard", "Hugh", "Hugo", "Hussein", "Huw", "Ian", "Ibrahim", "Idris", "Ignacio",
    "Igor", "Imran", "Ioannis", "Irving", "Isaac", "Ismail", "Ivan", "Ivo", "Jack", "Jacob",
    "Jacques", "Jake", "Jakub", "Jamal", "James", "Janusz", "Jared", "Jason", "Javier", "Jay",
    "Jean-Claude", "Jean-Luc", "Jean-Pierre", "Jeb", "Jeff", "Jeffrey", "Jens", "Jeremy", "Jerome",
    "Jerry", "Jesse", "Jim", "Jimmy", "Joaquin", "Joe", "Joel", "Johannes", "John", "Johnny", "Jon",
    "Jonas", "Jonathan", "Jorge", "Jose", "Joseph", "Josh", "Joshua", "Juan", "Julian", "Jurgen",
    "Justin", "Karim", "Karl", "Keith", "Kemal", "Ken", "Kenji", "Kenneth", "Kevin", "Khalid",
    "Kieran", "Killian", "Klaus", "Kofi", "Konstantinos", "Kostas", "Krzysztof", "Kurt", "Kwame",
    "Kyle", "Lance", "Larry", "Lars", "Lawrence", "Leon", "Leonard", "Leopold", "Lewis", "Liam",
    "Lloyd", "Lorcan", "Lorenzo", "Louis", "Luca", "Luis", "Luka", "Lukas", "Luke", "Magnus",
    "Malcolm", "Mandla", "Manolis", "Marc", "Marco", "Marcus", "Marek", "Mario", "Mark", "Martin",
    "Marvin", "Mateo", "Mateusz", "Mathias", "Matt", "Matteo", "Matthew", "Matthias", "Maurice",
    "Max", "Mehmet", "Michael", "Mick", "Mickey", "Micky", "Miguel", "Mike", "Mikhail", "Mitch",
    "Mitchell", "Mitt", "Mohamed", "Mohammed", "Moses", "Muhammad", "Musa", "Mustafa", "Nathan",
    "Neil", "Nenad", "Niall", "Nicholas", "Nick", "Nigel", "Nikola", "Nikos", "Nils", "Noah",
    "Norman", "Oisin", "Olaf", "Oleg", "Oliver", "Omar", "Oscar", "Otto", "Owen", "Pablo", "Paddy",
    "Padraig", "Panagiotis", "Paolo", "Patrick", "Paul", "Pavel", "Pedro", "Peter", "Phil",
    "Philip", "Phillip", "Pierre", "Piotr", "Rafael", "Rahul", "Rajesh", "Ralph", "Ramesh", "Ramon",
    "Randy", "Rashid", "Raul", "Ravi", "Ray", "Raymond", "Reginald", "Reince", "Reuben", "Rhys",
    "Ricardo", "Richard", "Rick", "Ricky", "Rob", "Robert", "Roberto", "Rodney", "Rodrigo", "Roger",
    "Roland", "Ron", "Ronald", "Ronan", "Rory", "Ross", "Rowan", "Roy", "Ruairi", "Ruben", "Rudy",
    "Rupert", "Russell", "Ryan", "Ryszard", "Salvador", "Samuel", "Sanjay", "Santiago", "Scott",
    "Seamus", "Sean", "Sebastian", "Segun", "Sergei", "Sergio", "Seth", "Shane", "Shawn", "Sidney",
    "Simon", "Sipho", "Spyros", "Stanislaw", "Stanley", "Stavros", "Stefan", "Stelios", "Stephen",
    "Sterling", "Steve", "Steven", "Stuart", "Suresh", "Sven", "Tadhg", "Takeshi", "Tariq", "Ted",
    "Terrence", "Thabo", "Thanasis", "Themba", "Theodore", "Theodoros", "Thomas", "Tim", "Timothy",
    "Tobias", "Toby", "Todd", "Tom", "Tomas", "Tomasz", "Tommy", "Tony", "Travis", "Trevor",
    "Tunde", "Tyler", "Tyrone", "Uwe", "Vasilis", "Victor", "Vikram", "Viktor", "Vincent",
    "Vladimir", "Walter", "Warren", "Wayne", "Wesley", "Wilfred", "William", "Willie", "Wojciech",
    "Wolfgang", "Xavier", "Yannis", "Yiorgos", "Yuri", "Yusuf", "Yves", "Zachary", "Zoran",
]);

/// Common female first names, sorted for the reader.
#[rustfmt::skip]
static FEMALE_FIRST: Lexicon = Lexicon::new(&[
    "Aaliyah", "Abena", "Abigail", "Ada", "Adaeze", "Adele", "Agatha", "Agnes", "Agnieszka",
    "Ailsa", "Aisha", "Aisling", "Akosua", "Alessandra", "Alice", "Alicia", "Alison", "Allison",
    "Amanda", "Amber", "Amelie", "Amina", "Amira", "Amy", "Ana", "Anastasia", "Andrea", "Angela",
    "Angelina", "Angharad", "Anita", "Anjali", "Ann", "Anna", "Anne", "Annie", "Annika",
    "Antoinette", "Aoife", "April", "Arabella", "Astrid", "Athina", "Audrey", "Ayesha", "Barbara",
    "Beata", "Beatrice", "Beatrix", "Beatriz", "Becky", "Belinda", "Bernadette", "Beth", "Bethan",
    "Bethany", "Betsy", "Betty", "Beverly", "Bianca", "Birgit", "Bonnie", "Brenda", "Brianna",
    "Bridget", "Brigid", "Brigitte", "Brittany", "Busisiwe", "Caitlin", "Camila", "Caoimhe",
    "Carla", "Carmen", "Carol", "Carolina", "Caroline", "Carolyn", "Catherine", "Cathy", "Catriona",
    "Cecilia", "Celine", "Cerys", "Charlotte", "Cheryl", "Chiamaka", "Chiara", "Chloe", "Christina",
    "Christine", "Ciara", "Cindy", "Claire", "Clara", "Claudia", "Clodagh", "Colette", "Colleen",
    "Connie", "Consuelo", "Cressida", "Cynthia", "Daisy", "Daniela", "Danielle", "Daphne", "Dawn",
    "Debbie", "Deborah", "Debra", "Deepa", "Deirdre", "Delphine", "Denise", "Despina", "Diana",
    "Diane", "Dimitra", "Dolores", "Donna", "Doris", "Dorota", "Dorothy", "Ebony", "Edith", "Edna",
    "Eileen", "Eilidh", "Eimear", "Eirini", "Ekaterina", "Elaine", "Eleanor", "Elena", "Eleni",
    "Elisabeth", "Elise", "Eliza", "Elizabeth", "Ella", "Ellen", "Elsie", "Elzbieta", "Emily",
    "Emma", "Erica", "Erin", "Esme", "Esther", "Ethel", "Eva", "Evangelia", "Evelyn", "Evie", "Ewa",
    "Fatima", "Felicity", "Fenella", "Ffion", "Fiona", "Fionnuala", "Florence", "Folake", "Frances",
    "Francesca", "Freya", "Funmilayo", "Gabriela", "Gabrielle", "Gail", "Galina", "Gemma",
    "Georgina", "Gertrude", "Gina", "Giovanna", "Giselle", "Giulia", "Gladys", "Gloria", "Grace",
    "Grainne", "Greta", "Guadalupe", "Gudrun", "Gwen", "Gwendolyn", "Gwyneth", "Halina", "Hannah",
    "Harriet", "Hayley", "Hazel", "Heather", "Heidi", "Helen", "Helene", "Helga", "Henrietta",
    "Henriette", "Hermione", "Hilda", "Hillary", "Holly", "Ilse", "Imani", "Imogen", "Ines",
    "Ingrid", "Ioanna", "Irene", "Irina", "Iris", "Isabel", "Isabella", "Isabelle", "Isla",
    "Isolde", "Jacqueline", "Jane", "Janet", "Janice", "Jasmine", "Jeanne", "Jemima", "Jennifer",
    "Jenny", "Jessica", "Jill", "Joan", "Joanna", "Joanne", "Jolanta", "Josephine", "Joyce",
    "Judith", "Judy", "Julia", "Julie", "Juliet", "June", "Kaitlyn", "Karen", "Katarzyna", "Kate",
    "Katerina", "Katherine", "Kathleen", "Kathryn", "Kathy", "Katie", "Kavita", "Kayla", "Kayleigh",
    "Keisha", "Kendra", "Kimberly", "Kirsten", "Kirsty", "Kristen", "Lakshmi", "Larisa", "Latoya",
    "Laura", "Lauren", "Layla", "Leah", "Leanne", "Leila", "Liesel", "Linda", "Lindiwe", "Lisa",
    "Liz", "Lois", "Loretta", "Lori", "Lorna", "Lorraine", "Lottie", "Louise", "Lowri", "Lucia",
    "Lucinda", "Lucy", "Ludmila", "Mabel", "Madeleine", "Madison", "Maeve", "Magda", "Magdalena",
    "Mairead", "Maisie", "Margaret", "Marguerite", "Maria", "Mariana", "Marie", "Marilyn", "Marion",
    "Marisa", "Marisol", "Marjorie", "Marta", "Martha", "Martine", "Mary", "Maud", "Maureen",
    "Meera", "Megan", "Melania", "Melanie", "Melissa", "Meredith", "Michelle", "Mildred", "Millie",
    "Mireille", "Miriam", "Molly", "Monica", "Morag", "Nadia", "Nancy", "Naomi", "Natalia",
    "Natalie", "Natasha", "Nathalie", "Neha", "Ngozi", "Niamh", "Nicole", "Nikki", "Nina",
    "Nokuthula", "Nomsa", "Nomvula", "Nora", "Norah", "Norma", "Nuala", "Odile", "Oksana", "Olga",
    "Olivia", "Orla", "Pam", "Pamela", "Paola", "Paraskevi", "Patricia", "Paula", "Pauline",
    "Peggy", "Penelope", "Petra", "Philippa", "Phyllis", "Pilar", "Pooja", "Poppy", "Priscilla",
    "Priya", "Rachel", "Rania", "Rebecca", "Renate", "Renee", "Rhiannon", "Rita", "Roberta",
    "Roisin", "Rosa", "Rosalind", "Rosamund", "Rose", "Rosemary", "Rosie", "Ruby", "Ruth",
    "Sabrina", "Sally", "Salma", "Samantha", "Sandra", "Sandrine", "Saoirse", "Sara", "Sarah",
    "Shanice", "Sharon", "Sheila", "Shirley", "Shona", "Shreya", "Sian", "Sigrid", "Sinead",
    "Siobhan", "Sofia", "Sonia", "Sophia", "Sophie", "Sorcha", "Stavroula", "Stephanie", "Sunita",
    "Susan", "Suzanne", "Svetlana", "Sylvia", "Sylvie", "Tabitha", "Tamara", "Tammy", "Tanisha",
    "Tatiana", "Teresa", "Thandeka", "Thandi", "Theresa", "Tiffany", "Tilly", "Tina", "Tracy",
    "Ursula", "Valentina", "Valerie", "Vanessa", "Vasiliki", "Vera", "Veronica", "Victoria",
    "Violet", "Virginia", "Wendy", "Whitney", "Winifred", "Yasmin", "Yelena", "Yvette", "Yvonne",
    "Zainab", "Zanele", "Zoe", "Zofia",
]);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted() {
        for l in [&MALE_FIRST, &FEMALE_FIRST] {
            assert!(l.words().windows(2).all(|w| w[0] < w[1]));
        }
    }

    #[test]
    fn evidence() {
        assert_eq!(of_first_name("Ada"), Some(Gender::Female));
        assert_eq!(of_first_name("Tom"), Some(Gender::Male));
        assert_eq!(of_first_name("Quill"), None);
        // Names beyond the English-speaking world's commonest.
        assert_eq!(of_first_name("Niamh"), Some(Gender::Female));
        assert_eq!(of_first_name("Thabo"), Some(Gender::Male));
        assert!(opens_as_name("Tomasz") && !opens_as_name("Grant"));
        assert_eq!(of_title("Mrs"), Some(Gender::Female));
        assert_eq!(of_title("Sen"), None);
        assert_eq!(of_pronoun("his"), Some(Gender::Male));
    }
}
