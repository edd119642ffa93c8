//! Print what the recognisers found in a text (for developing the lexicon and dictionaries).
//!
//! `cargo run -p rasd-extract --example debug_names -- "نص عربي"`
use rasd_extract::kb::Knowledge;
use rasd_extract::lexicon::{Class, Lexicon};
use rasd_extract::recognize::Recognizer;

fn main() {
    let text = std::env::args().nth(1).unwrap_or_default();
    let kb = Knowledge::builtin();
    let rec = Recognizer::new(kb, Lexicon::builtin());
    let f = rec.recognize(kb, &text, rasd_model::IsoDate::parse("2024-01-01").ok());
    for n in &f.names {
        println!("NAME {:?} «{}» {:?}", n.key, f.key_str(n.key), n.kind);
    }
    for c in Class::ALL {
        for h in f.lex(c) {
            println!("LEX {c:?} «{}» {}", f.key_str(h.key), h.value);
        }
    }
    for q in &f.numbers {
        println!("NUM «{}» {:?}", f.key_str(q.key), q);
    }
    for d in &f.dates {
        println!("DATE «{}» {} {:?}", f.key_str(d.key), d.value, d.precision);
    }
}
