//! Grammatical gender of people named in an article, so he/she resolve only to someone compatible.
//! Evidence is general: gendered honorifics, common first names, and a pronoun that follows the name
//! in the same sentence. Anything else stays unknown.

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
        | "Chairman" | "Spokesman" | "Businessman" | "Actor" => Some(Gender::Male),
        "Mrs" | "Mrs." | "Ms" | "Ms." | "Miss" | "Mme" | "Mlle" | "Madame" | "Dame" | "Lady" | "Queen"
        | "Princess" | "Sister" | "Baroness" | "Duchess" | "Congresswoman" | "Councilwoman"
        | "Assemblywoman" | "Chairwoman" | "Spokeswoman" | "Businesswoman" | "Actress" => {
            Some(Gender::Female)
        }
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

/// A first name common enough to tell gender on its own; ambiguous ones are left out.
pub fn of_first_name(w: &str) -> Option<Gender> {
    if MALE_FIRST.binary_search(&w).is_ok() {
        Some(Gender::Male)
    } else if FEMALE_FIRST.binary_search(&w).is_ok() {
        Some(Gender::Female)
    } else {
        None
    }
}

/// Common male first names, sorted for binary search.
#[rustfmt::skip]
const MALE_FIRST: &[&str] = &[
    "Aaron", "Abdul", "Abraham", "Adam", "Adrian", "Ahmed", "Alan", "Albert", "Alberto",
    "Alejandro", "Alexander", "Alfred", "Ali", "Allen", "Alvin", "Andre", "Andrew", "Andy",
    "Angelo", "Anthony", "Antoine", "Antonio", "Arnold", "Arthur", "Barack", "Barry", "Ben",
    "Benjamin", "Bernard", "Bernie", "Bill", "Billy", "Bob", "Bobby", "Boris", "Brad", "Bradley",
    "Brandon", "Brendan", "Brett", "Brian", "Bruce", "Bryan", "Byron", "Calvin", "Carl", "Carlos",
    "Channing", "Charles", "Charlie", "Chuck", "Clarence", "Claude", "Clifford", "Clint", "Colin",
    "Craig", "Curtis", "Dale", "Dan", "Daniel", "Danny", "Darren", "Dave", "David", "Dennis",
    "Derek", "Dick", "Dmitry", "Don", "Donald", "Doug", "Douglas", "Duncan", "Dwight", "Ed",
    "Eddie", "Edgar", "Edward", "Edwin", "Elijah", "Emmanuel", "Eric", "Erik", "Ernest", "Eugene",
    "Evan", "Felix", "Fernando", "Francis", "Francisco", "Frank", "Franklin", "Fred", "Frederick",
    "Gabriel", "Gary", "Gavin", "Gene", "George", "Gerald", "Gilbert", "Glenn", "Gordon", "Graham",
    "Grant", "Greg", "Gregory", "Guy", "Hank", "Hans", "Harold", "Harry", "Harvey", "Hector",
    "Henry", "Herbert", "Howard", "Hugh", "Hugo", "Ian", "Irving", "Isaac", "Ivan", "Jack", "Jacob",
    "Jacques", "Jake", "James", "Jared", "Jason", "Javier", "Jay", "Jean-Claude", "Jean-Luc",
    "Jean-Pierre", "Jeb", "Jeff", "Jeffrey", "Jeremy", "Jerome", "Jerry", "Jesse", "Jim", "Jimmy",
    "Joe", "Joel", "Johannes", "John", "Johnny", "Jon", "Jonathan", "Jorge", "Jose", "Joseph",
    "Josh", "Joshua", "Juan", "Julian", "Justin", "Karl", "Keith", "Ken", "Kenneth", "Kevin",
    "Kurt", "Kyle", "Lance", "Larry", "Lawrence", "Leon", "Leonard", "Lewis", "Lloyd", "Louis",
    "Luis", "Luke", "Malcolm", "Marc", "Marco", "Marcus", "Mario", "Mark", "Martin", "Marvin",
    "Matt", "Matthew", "Maurice", "Max", "Michael", "Miguel", "Mike", "Mitch", "Mitchell", "Mitt",
    "Mohamed", "Mohammed", "Muhammad", "Nathan", "Neil", "Nicholas", "Nick", "Nigel", "Noah",
    "Norman", "Oliver", "Omar", "Oscar", "Owen", "Patrick", "Paul", "Pedro", "Peter", "Phil",
    "Philip", "Phillip", "Pierre", "Rafael", "Ralph", "Ramon", "Randy", "Raul", "Ray", "Raymond",
    "Reginald", "Reince", "Ricardo", "Richard", "Rick", "Ricky", "Rob", "Robert", "Roberto",
    "Rodney", "Roger", "Roland", "Ron", "Ronald", "Ross", "Roy", "Rudy", "Russell", "Ryan",
    "Salvador", "Samuel", "Scott", "Sean", "Sebastian", "Sergei", "Sergio", "Seth", "Shane",
    "Shawn", "Sidney", "Simon", "Stanley", "Stefan", "Stephen", "Sterling", "Steve", "Steven",
    "Stuart", "Ted", "Terrence", "Theodore", "Thomas", "Tim", "Timothy", "Todd", "Tom", "Tommy",
    "Tony", "Travis", "Trevor", "Tyler", "Victor", "Vincent", "Vladimir", "Walter", "Warren",
    "Wayne", "Wesley", "William", "Willie", "Xavier", "Yves", "Zachary",
];

/// Common female first names, sorted for binary search.
#[rustfmt::skip]
const FEMALE_FIRST: &[&str] = &[
    "Abigail", "Ada", "Adele", "Agnes", "Alice", "Alicia", "Alison", "Allison", "Amanda", "Amber",
    "Amy", "Ana", "Andrea", "Angela", "Angelina", "Anita", "Ann", "Anna", "Anne", "Annie",
    "Antoinette", "April", "Audrey", "Barbara", "Beatrice", "Becky", "Belinda", "Bernadette",
    "Beth", "Betsy", "Betty", "Beverly", "Bonnie", "Brenda", "Brigitte", "Brittany", "Carla",
    "Carmen", "Carol", "Caroline", "Carolyn", "Catherine", "Cathy", "Cecilia", "Celine",
    "Charlotte", "Cheryl", "Chloe", "Christina", "Christine", "Cindy", "Claire", "Clara", "Claudia",
    "Colleen", "Connie", "Cynthia", "Daisy", "Danielle", "Daphne", "Dawn", "Debbie", "Deborah",
    "Debra", "Denise", "Diana", "Diane", "Donna", "Doris", "Dorothy", "Edith", "Eileen", "Elaine",
    "Eleanor", "Elena", "Elisabeth", "Elise", "Eliza", "Elizabeth", "Ella", "Ellen", "Emily",
    "Emma", "Erica", "Erin", "Esther", "Eva", "Evelyn", "Fatima", "Fiona", "Florence", "Frances",
    "Gabrielle", "Gail", "Gina", "Giselle", "Gladys", "Gloria", "Grace", "Gwen", "Gwyneth",
    "Hannah", "Harriet", "Hayley", "Heather", "Heidi", "Helen", "Helene", "Hillary", "Holly",
    "Ingrid", "Irene", "Isabel", "Isabella", "Isabelle", "Jacqueline", "Jane", "Janet", "Janice",
    "Jasmine", "Jeanne", "Jennifer", "Jenny", "Jessica", "Jill", "Joan", "Joanna", "Joanne",
    "Josephine", "Joyce", "Judith", "Judy", "Julia", "Julie", "Juliet", "June", "Karen", "Kate",
    "Katherine", "Kathleen", "Kathryn", "Kathy", "Katie", "Kayla", "Kimberly", "Kirsten", "Kristen",
    "Laura", "Lauren", "Leah", "Linda", "Lisa", "Liz", "Lois", "Loretta", "Lori", "Lorraine",
    "Louise", "Lucy", "Madeleine", "Madison", "Margaret", "Maria", "Marie", "Marilyn", "Marion",
    "Marjorie", "Martha", "Martine", "Mary", "Maureen", "Megan", "Melania", "Melanie", "Melissa",
    "Meredith", "Michelle", "Mildred", "Miriam", "Molly", "Monica", "Nancy", "Naomi", "Natalie",
    "Natasha", "Nathalie", "Nicole", "Nikki", "Nina", "Norma", "Olivia", "Pam", "Pamela",
    "Patricia", "Paula", "Pauline", "Peggy", "Penelope", "Phyllis", "Priscilla", "Rachel",
    "Rebecca", "Renee", "Rita", "Roberta", "Rosa", "Rose", "Rosemary", "Ruth", "Sabrina", "Sally",
    "Samantha", "Sandra", "Sara", "Sarah", "Sharon", "Sheila", "Shirley", "Sonia", "Sophia",
    "Sophie", "Stephanie", "Susan", "Suzanne", "Sylvia", "Tamara", "Tammy", "Teresa", "Theresa",
    "Tiffany", "Tina", "Tracy", "Valerie", "Vanessa", "Veronica", "Victoria", "Virginia", "Wendy",
    "Whitney", "Yvonne", "Zoe",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        for l in [MALE_FIRST, FEMALE_FIRST] {
            assert!(l.windows(2).all(|w| w[0] < w[1]));
        }
    }

    #[test]
    fn evidence() {
        assert_eq!(of_first_name("Ada"), Some(Gender::Female));
        assert_eq!(of_first_name("Tom"), Some(Gender::Male));
        assert_eq!(of_first_name("Quill"), None);
        assert_eq!(of_title("Mrs"), Some(Gender::Female));
        assert_eq!(of_title("Sen"), None);
        assert_eq!(of_pronoun("his"), Some(Gender::Male));
    }
}
