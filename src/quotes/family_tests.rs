//! End-to-end fixtures for people who share a surname: families, couples and
//! a deceased person's relatives, where "Mr Roe" or "she" could mean several.

use super::tests::run;

fn speakers(md: &str) -> Vec<Option<String>> {
    run(md).into_iter().map(|(_, who, _)| who).collect()
}

#[test]
fn a_titled_surname_means_the_bearer_introduced_with_that_title() {
    let md = "Ansel Dray, a retired judge, has died aged 80.\n\n\
His son, Insp. Corin Dray of the county police, said his father read every letter he was sent.\n\n\
\u{201c}He answered them all by hand,\u{201d} Insp. Dray said.\n\n\
Dray sat at the crown court for 20 years.\n";
    assert_eq!(speakers(md), [Some("Corin Dray".to_string())]);
}

#[test]
fn a_titled_surname_means_the_relative_just_introduced() {
    // A reader takes "Mr Hale" for the son named in the paragraph before, not
    // for the father named long before, who died in the fire.
    let md = "Residents Ewart Hale, 88, and Nora Pell, 91, died in the fire at the care home.\n\n\
The hearing lasted three days.\n\n\
Ewart Hale\u{2019}s son, Dermot Hale, said the family no longer knew what to believe.\n\n\
\u{201c}We thought we knew what happened to Dad,\u{201d} Mr Hale said.\n";
    assert_eq!(speakers(md), [Some("Dermot Hale".to_string())]);
}

#[test]
fn a_titled_surname_keeps_the_bearer_it_first_went_with() {
    // "Mrs Venn" first meant the mother; her daughter, introduced with her,
    // does not take it over.
    let md = "The fair was revived by Odile Venn, 61, a retired nurse, and her daughter, Tamsin Venn, 34.\n\n\
\u{201c}People kept asking when it would come back,\u{201d} Mrs Venn said.\n";
    assert_eq!(speakers(md), [Some("Odile Venn".to_string())]);
    let md = "Gwen Marr opened the bakery in 2001.\n\n\
Their mother, Ida Marr, still bakes on Tuesdays.\n\n\
\u{201c}They were hopeless at the start,\u{201d} Mrs Marr said.\n";
    assert_eq!(speakers(md), [Some("Ida Marr".to_string())]);
}

#[test]
fn she_never_means_a_mister() {
    // The couple share a surname and "Mr" and "Mrs" both went with it; the
    // husband whom "he said" and "Mr" named is no "she".
    let md = "Agathe Lusk and Bram Lusk married in 1966.\n\n\
Mrs Lusk said the reception was ham sandwiches.\n\n\
Mr Lusk told the paper he had no plans to stop. \u{201c}I have my eye on 65,\u{201d} he said.\n\n\
Mr Lusk took his wife\u{2019}s hand and trod on her foot.\n\n\
\u{201c}Some things you do not want to change,\u{201d} she said.\n";
    let got = speakers(md);
    assert_eq!(got[0].as_deref(), Some("Bram Lusk"));
    assert_ne!(got[1].as_deref(), Some("Bram Lusk"));
}

#[test]
fn a_birth_name_is_the_same_person() {
    let md = "Tributes were paid to Maud Treloar, landlady of the Anchor for 50 years.\n\n\
Her granddaughter, Kezia Treloar, said she was unshockable.\n\n\
Born Maud Penrose in 1934, she ran the pub with her husband.\n\n\
\u{201c}We lost every barrel in the flood,\u{201d} she said.\n";
    assert_eq!(speakers(md), [Some("Maud Treloar".to_string())]);
}
