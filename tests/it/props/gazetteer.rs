//! The gazetteer: any text resolves or is an unknown name (with at most three
//! suggestions), and every known name, code and spelling resolves to its governorate
//! whatever its case and spacing.

use std::sync::OnceLock;

use displacement_dashboard::data::{Dataset, Gazetteer, LookupError, Pcode};
use proptest::prelude::*;

use super::config;
use super::mutate::HOSTILE;

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Dataset::empty().expect("gazetteer").gazetteer)
}

/// Every name a governorate is known by, with its P-code.
fn known() -> Vec<(String, Pcode)> {
    let mut out = Vec::new();
    for g in gazetteer().governorates() {
        out.push((g.name_en.clone(), g.pcode));
        out.push((g.name_ar.clone(), g.pcode));
        out.push((g.pcode.to_string(), g.pcode));
        out.push((g.iso_3166_2.clone(), g.pcode));
        out.extend(g.alt_names.iter().map(|n| (n.clone(), g.pcode)));
    }
    out
}

/// `name` with its letters' case changed where `mask` says, spaces doubled and
/// padding around it.
fn respelled(name: &str, mask: u64, pad: (usize, usize)) -> String {
    let mut out = " ".repeat(pad.0 % 4);
    for (i, c) in name.chars().enumerate() {
        let flip = mask >> (i % 64) & 1 == 1;
        if c == ' ' && flip {
            out.push_str("  ");
        } else if flip {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out.push_str(&"\t ".repeat(pad.1 % 3));
    out
}

fn checked(input: &str) {
    match gazetteer().resolve(input) {
        Ok(r) => assert!(
            gazetteer().get(r.pcode).is_some(),
            "{input:?} → {}",
            r.pcode
        ),
        Err(LookupError::Unknown { suggestions, .. }) => assert!(suggestions.len() <= 3),
        Err(e @ LookupError::OldScheme { .. }) => assert!(!e.to_string().is_empty()),
    }
    let _ = gazetteer().lookup(input);
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn any_text_resolves_or_is_unknown(input in any::<String>()) {
        checked(&input);
    }

    #[test]
    fn hostile_and_mixed_text_resolves_or_is_unknown(
        parts in prop::collection::vec(
            prop_oneof![prop::sample::select(HOSTILE).prop_map(String::from), any::<String>()],
            1..4,
        ),
    ) {
        checked(&parts.concat());
    }

    #[test]
    fn known_names_resolve_whatever_their_case_and_spacing(
        i in any::<usize>(),
        mask in any::<u64>(),
        pad in (any::<usize>(), any::<usize>()),
    ) {
        let known = known();
        let (name, pcode) = &known[i % known.len()];
        let input = respelled(name, mask, pad);
        let got = gazetteer().resolve(&input).map(|r| r.pcode);
        prop_assert_eq!(got, Ok(*pcode), "{:?} from {:?}", input, name);
    }
}
