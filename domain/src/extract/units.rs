//! Units of measure (UN/ECE Recommendation 20) and price basis (per 1 / 100 / 1000 / pack).

use rust_decimal::Decimal;

/// Rec 20 Rev 17 common codes that are not deleted (one per line).
const REC20: &str = include_str!("rec20_codes.txt");

/// True when `code` is a current UN/ECE Rec 20 common code.
pub fn is_rec20(code: &str) -> bool {
    !code.is_empty() && code.len() <= 3 && REC20.lines().any(|l| l == code)
}

/// Maps a printed unit of measure to a Rec 20 code. `PCS`/`pc`/`Stk` are not Rec 20
/// codes; they map to `H87` (piece), `unit`/`one` to `C62`.
pub fn uom_code(s: &str) -> Option<&'static str> {
    let t = s.trim().trim_end_matches('.');
    let lower = t.to_lowercase();
    let code = match lower.as_str() {
        "pc" | "pcs" | "pce" | "piece" | "pieces" | "stk" | "stck" | "stück" | "st" | "nos"
        | "no" | "ea" | "each" | "h87" | "pz" | "pièce" | "pièces" | "pzas" | "pza" | "pzs"
        | "pezzi" | "pezzo" | "pieza" | "piezas" | "szt" | "sztuk" | "sztuki" | "ks" | "kus"
        | "kom" | "db" | "stuks" | "stuk" | "stykker" | "styk" | "pçs" | "peças" | "peça"
        | "個" | "个" | "件" | "只" | "buc" | "bucăți" | "bucati" | "bucată" | "kos" | "kosov"
        | "kpl" => "H87",
        "unit" | "units" | "c62" | "one" | "u" | "un" | "unité" | "einheit" => "C62",
        "kg" | "kgs" | "kilogram" | "kilograms" | "kgm" => "KGM",
        "g" | "gram" | "grams" | "grm" => "GRM",
        "t" | "tonne" | "tne" => "TNE",
        "lb" | "lbs" | "pound" | "lbr" => "LBR",
        "m" | "meter" | "metre" | "meters" | "metres" | "mtr" | "lfm" => "MTR",
        "mm" | "mmt" => "MMT",
        "cm" | "cmt" => "CMT",
        "km" | "kmt" => "KMT",
        "ft" | "feet" | "foot" | "fot" => "FOT",
        "in" | "inch" | "inches" | "inh" => "INH",
        "m2" | "m²" | "sqm" | "mtk" => "MTK",
        "m3" | "m³" | "mtq" => "MTQ",
        "l" | "litre" | "liter" | "ltr" => "LTR",
        "ml" | "mlt" => "MLT",
        "h" | "hr" | "hrs" | "hour" | "hours" | "std" | "std." | "hur" => "HUR",
        "day" | "days" | "tag" | "tage" => "DAY",
        "set" | "sets" | "satz" => "SET",
        "pair" | "pairs" | "pr" | "paar" => "PR",
        "dozen" | "dz" | "dzn" => "DZN",
        "gross" | "gro" => "GRO",
        "hundred" | "cen" => "CEN",
        "thousand" | "mil" => "MIL",
        "kwh" | "kwt" => "KWH",
        "month" | "months" | "mon" => "MON",
        "lot" | "lo" => "LO",
        "ls" | "lump sum" | "pauschal" => "LS",
        _ => {
            let upper = t.to_ascii_uppercase();
            return REC20
                .lines()
                .find(|l| *l == upper && upper.len() >= 2)
                .filter(|_| t.bytes().all(|b| b.is_ascii_alphanumeric()));
        }
    };
    Some(code)
}

/// Parses a price basis: `C`/`/C`/`per 100`/`100` → 100, `M`/`MIL`/`1000`/`k` → 1000,
/// `ea`/`pc`/`unit` → 1, `dozen` → 12, `gross` → 144, `pack of 50`/`50 pcs` → 50.
pub fn parse_price_basis(s: &str) -> Option<Decimal> {
    let t = s.trim().trim_start_matches('/').trim();
    let lower = t.to_lowercase();
    let l = lower.trim_end_matches('.');
    // The German and Austrian trade signs: `%` per hundred, `‰` per thousand.
    if l == "%" {
        return Some(Decimal::from(100));
    }
    if l == "‰" {
        return Some(Decimal::from(1000));
    }
    let fixed = match l {
        "c" | "cen" | "hundred" | "100" | "100 pcs" | "100pcs" | "100 pc" | "100 ea" | "100 st"
        | "100 stk" | "h" | "hundert" | "cpcs" | "100er" | "%" => Some(100),
        "m" | "mil" | "thousand" | "1000" | "1,000" | "1000 pcs" | "1000pcs" | "1k" | "k"
        | "1000 pc" | "1000 ea" | "1000 st" | "1000 stk" | "1.000" | "1.000 stk" | "tsd"
        | "1 tsd" | "tsd. stk" | "tsd stk" | "tausend" | "mille" | "kpcs" | "kpc" | "k pcs"
        | "mpcs" | "mpc" | "1 000" | "‰" => Some(1000),
        "ea" | "each" | "pc" | "pcs" | "piece" | "unit" | "u" | "1" | "stk" | "st" | "stück"
        | "one" | "h87" | "c62" | "pce" | "1 pc" | "1 pcs" | "1 ea" | "1 stk" | "1 st" => Some(1),
        "dozen" | "dz" | "dzn" | "12" => Some(12),
        "gross" | "gro" | "144" => Some(144),
        _ => None,
    };
    if let Some(v) = fixed {
        return Some(Decimal::from(v));
    }
    // `pack of 50`, `per 250 pcs`, `50 pcs`, `reel of 5000`, `box/100`.
    let words: Vec<&str> = l
        .split(|c: char| c.is_whitespace() || c == '/')
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| !w.is_empty())
        .collect();
    let container = [
        "pack", "pk", "box", "reel", "bag", "tube", "tray", "carton", "ctn", "roll", "pkg",
    ];
    let unitish = [
        "pcs", "pc", "ea", "each", "pieces", "units", "stk", "st", "stück", "pce", "pz", "pzs",
        "pezzi", "piezas", "pièces", "stuks", "件", "个", "unidades", "uds", "sets", "set", "szt",
        "kpl", "ks", "kom", "db", "個", "pezzo", "peças", "pçs", "unid", "stykker", "styk", "stuk",
        "sztuk", "sztuki", "unità", "pièce", "pieza", "unidad", "uts", "st", "stck", "buc",
        "bucăți", "bucati", "kos", "kosov",
    ];
    let mut num: Option<Decimal> = None;
    let mut recognised = true;
    for w in &words {
        // `5,000` / `1.000` group thousands; `41.50` is a price, never a basis.
        let grouped = !w.contains([',', '.'])
            || w.split([',', '.']).skip(1).all(|g| g.len() == 3)
                && w.split([',', '.'])
                    .next()
                    .is_some_and(|g| (1..=3).contains(&g.len()));
        if !grouped && w.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        if let Ok(n) = w.replace([',', '.'], "").parse::<u32>() {
            if num.is_some() {
                return None;
            }
            num = Some(Decimal::from(n));
        } else if !(container.contains(w) || unitish.contains(w) || *w == "of" || *w == "per") {
            recognised = false;
        }
    }
    match num {
        Some(n) if recognised && n > Decimal::ZERO && n <= Decimal::from(1_000_000) => Some(n),
        _ => None,
    }
}

/// Words that say "per" before a price basis, in the languages quotes come in (`/` is
/// handled as a token of its own). `for` is not one: "Price for 1,000 pcs" heads a break.
const PER_WORDS: &[&str] = &[
    "per", "pro", "je", "par", "por", "x", "al", "à", "za", "na", "pr", "pr.", "ogni", "/", "la",
    "pentru", "för", "á",
];
/// Words between the "per" and the quantity: `por cada 1000`, `per ogni 100`.
const EACH_WORDS: &[&str] = &[
    "cada", "ogni", "each", "every", "jede", "jeweils", "le", "il",
];
/// Piece and length words that may follow the basis quantity.
const PIECE_WORDS: &[&str] = &[
    "pcs", "pc", "pce", "pieces", "piece", "units", "unit", "ea", "stück", "stk", "st", "stck",
    "szt", "sztuk", "sztuki", "uds", "ud", "unidades", "unid", "pz", "pzs", "pezzi", "pzas",
    "piezas", "pièces", "stuks", "stuk", "peças", "pçs", "kpl", "ks", "kom", "db", "个", "件",
    "個", "sets", "set", "m", "mtr", "meter", "metre", "meters", "metres", "lfm", "st", "styk",
    "stykker", "unità", "nos", "no", "buc", "bucăți", "bucati", "kos", "kosov",
];

/// Tokens of a phrase for [`basis_phrase`]: lower-cased words, with `/ ( ) [ ] : = % ‰`
/// as tokens of their own and digit groups (`1 000`) joined. Each token keeps whether it
/// was written in capitals (`/M` per thousand, `/m` per metre).
fn basis_tokens(s: &str) -> Vec<(String, bool)> {
    let mut spaced = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if matches!(c, '/' | '(' | ')' | '[' | ']' | ':' | '=' | '%' | '‰' | ';') {
            spaced.push(' ');
            spaced.push(c);
            spaced.push(' ');
        } else {
            spaced.push(c);
        }
    }
    let mut out: Vec<(String, bool)> = Vec::new();
    for w in spaced.split_whitespace() {
        let w = w.trim_end_matches([',', ';']);
        if w.is_empty() {
            continue;
        }
        // `1 000` (a thin or plain space grouping thousands) is one number.
        if w.len() == 3 && w.bytes().all(|b| b.is_ascii_digit()) {
            if let Some(last) = out.last_mut() {
                if (1..=3).contains(&last.0.len()) && last.0.bytes().all(|b| b.is_ascii_digit()) {
                    last.0.push_str(w);
                    continue;
                }
            }
        }
        let upper = w.chars().any(char::is_uppercase) && !w.chars().any(char::is_lowercase);
        out.push((w.to_lowercase(), upper));
    }
    out
}

/// The quantity a basis token names: `100`, `1,000`, `1.000`, `1k`, `M`, `C`, `mille`,
/// `millar`, `thousand`, `hundert`, `%`, `‰`, `千`. The flag is true for a bare number
/// (which needs a piece word or a price context to be a basis).
fn basis_quantity(tok: &str, upper: bool) -> Option<(Decimal, bool)> {
    let named = match tok {
        "c" | "cen" | "hundred" | "hundert" | "cento" | "ciento" | "cien" | "centinaio"
        | "centenar" | "centena" | "centaine" | "honderd" | "sto" | "百" | "%" => Some(100),
        "mille" | "mil" | "millar" | "milheiro" | "thousand" | "tausend" | "duizend" | "tysiąc"
        | "k" | "1k" | "千" | "‰" | "tsd" | "kpcs" | "mpcs" => Some(1000),
        "m" if upper => Some(1000),
        _ => None,
    };
    if let Some(n) = named {
        return Some((Decimal::from(n), false));
    }
    // `1000pcs`, `100stk`: the number and the piece word written together.
    let digits_end = tok
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.' || c == '\''))
        .unwrap_or(tok.len());
    let (num, tail) = tok.split_at(digits_end);
    if num.is_empty() || !(tail.is_empty() || PIECE_WORDS.contains(&tail) || tail == "k") {
        return None;
    }
    let grouped = num.contains([',', '.', '\''])
        && num.split([',', '.', '\'']).skip(1).all(|g| g.len() == 3)
        && num
            .split([',', '.', '\''])
            .next()
            .is_some_and(|g| (1..=3).contains(&g.len()));
    if num.contains([',', '.', '\'']) && !grouped {
        return None;
    }
    let n: u32 = num.replace([',', '.', '\''], "").parse().ok()?;
    let n = if tail == "k" { n.checked_mul(1000)? } else { n };
    if !(2..=100_000).contains(&n) {
        return None;
    }
    Some((Decimal::from(n), tail.is_empty()))
}

/// A price basis stated in a phrase: `per 1000`, `Preis je 100 Stk`, `USD/1000pcs`,
/// `prijs per 100 stuks`, `cena za 1000 szt.`, `precio por cada 1.000 unidades`,
/// `prezzi al mille`, `EUR/%`, `per M`. Returns the basis and the byte offset where the
/// "per" starts (what comes before it is what the basis is of), or `None`.
///
/// `price_context` allows a bare number without a piece word (`Price per 100` in a price
/// column's header); in prose a bare number needs one (`per 100 days` is no basis).
pub fn basis_phrase(s: &str, price_context: bool) -> Option<(Decimal, usize)> {
    let toks = basis_tokens(s);
    for i in 0..toks.len() {
        if !PER_WORDS.contains(&toks[i].0.as_str()) {
            continue;
        }
        let mut j = i + 1;
        // `per / 1000` (a wrapped cell), `por cada 1000`.
        while toks
            .get(j)
            .is_some_and(|t| t.0 == "/" || EACH_WORDS.contains(&t.0.as_str()))
        {
            j += 1;
        }
        let Some((q, upper)) = toks.get(j) else {
            continue;
        };
        let Some((n, bare)) = basis_quantity(q.trim_end_matches('.'), *upper) else {
            continue;
        };
        let next = toks.get(j + 1).map(|t| t.0.trim_end_matches('.'));
        let piece = next.is_some_and(|w| PIECE_WORDS.contains(&w));
        // Whatever follows must not be another unit (`per 100 days`, `per 1000 kg`).
        let other_word = next.is_some_and(|w| {
            !piece && w.chars().next().is_some_and(char::is_alphabetic) && w.len() > 1
        });
        if bare && (other_word || !(piece || price_context)) {
            continue;
        }
        if !bare && other_word && !matches!(next, Some("pezzi" | "unidades" | "stück")) {
            // `per M (1,000 pcs)` is fine; `per mil kg` is not a piece basis.
            if next.is_some_and(|w| ["kg", "km", "litres", "liter", "days", "tage"].contains(&w)) {
                continue;
            }
        }
        // Where the phrase starts in `s`: find the i-th token's text again.
        let start = nth_token_offset(s, &toks, i);
        return Some((n, start));
    }
    None
}

/// The byte offset in `s` of token `i` of [`basis_tokens`] (approximate for joined
/// digit groups, exact for the "per" words it is used for).
fn nth_token_offset(s: &str, toks: &[(String, bool)], i: usize) -> usize {
    let lower = s.to_lowercase();
    if lower.len() != s.len() {
        // Lower-casing changed the length (rare scripts): fall back to a search.
        return s.find(toks[i].0.as_str()).unwrap_or(0);
    }
    let mut from = 0;
    for (k, (t, _)) in toks.iter().enumerate() {
        match lower[from..].find(t.as_str()) {
            Some(p) => {
                if k == i {
                    return from + p;
                }
                from += p + t.len();
            }
            None => return 0,
        }
    }
    0
}

/// A price said to be per a container whose content it does not count: `€/Ring`, `per
/// reel`, `pro VE`, `je Bund`, `USD/box`, `per coil`. What one unit costs is then not
/// known from the price alone (the count is elsewhere, or nowhere).
pub fn per_container(s: &str) -> bool {
    const CONTAINERS: &[&str] = &[
        "ring", "rolle", "roll", "reel", "spule", "coil", "drum", "trommel", "bund", "bundle",
        "ve", "vpe", "pack", "pkg", "package", "packung", "box", "karton", "carton", "ctn", "bag",
        "beutel", "tube", "tray", "pallet", "palette", "set", "satz", "rotolo", "bobina", "rollo",
        "caja", "scatola", "boîte", "doos", "rol", "haspel",
    ];
    let lower = s.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | ',' | ':'))
        .filter(|w| !w.is_empty())
        .collect();
    for (i, w) in words.iter().enumerate() {
        // `/Ring`, `€/Ring` as one word, or `/ Ring`, `per Ring`, `pro VE`, `je Bund`.
        let after_slash = w.rsplit_once('/').map(|(_, r)| r.trim_end_matches('.'));
        let next = words.get(i + 1).map(|n| n.trim_end_matches('.'));
        let candidate = match (after_slash, *w) {
            (Some(r), _) if !r.is_empty() => Some(r),
            (Some(_), _) => next,
            (None, "per" | "pro" | "je" | "par" | "por" | "à" | "a" | "al") => next,
            _ => None,
        };
        if candidate.is_some_and(|c| CONTAINERS.contains(&c))
            // `per reel of 5000`, `/Ring (100 m)`: the count is said, a basis reader takes it.
            && !words
                .iter()
                .skip(i + 1)
                .take(4)
                .any(|x| x.starts_with(|ch: char| ch.is_ascii_digit()))
        {
            return true;
        }
    }
    false
}

/// Price per ONE unit for a price printed per `basis` units. `None` when the basis is
/// not positive or the division overflows.
pub fn unit_price(printed: Decimal, basis: Decimal) -> Option<Decimal> {
    if basis <= Decimal::ZERO {
        return None;
    }
    printed.checked_div(basis).map(|d| d.normalize())
}

/// The printed price back from a unit price and a basis (inverse of [`unit_price`]).
pub fn printed_price(unit: Decimal, basis: Decimal) -> Option<Decimal> {
    unit.checked_mul(basis).map(|d| d.normalize())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn uoms() {
        assert_eq!(uom_code("PCS"), Some("H87"));
        assert_eq!(uom_code("Stk."), Some("H87"));
        assert_eq!(uom_code("kg"), Some("KGM"));
        assert_eq!(uom_code("C62"), Some("C62"));
        assert_eq!(uom_code("LTR"), Some("LTR"));
        assert_eq!(uom_code("banana"), None);
        assert!(is_rec20("MIL"));
        assert!(!is_rec20("PCS"));
    }

    #[test]
    fn bases() {
        assert_eq!(parse_price_basis("/C"), Some(dec!(100)));
        assert_eq!(parse_price_basis("M"), Some(dec!(1000)));
        assert_eq!(parse_price_basis("per 1000"), Some(dec!(1000)));
        assert_eq!(parse_price_basis("1000 pcs"), Some(dec!(1000)));
        assert_eq!(parse_price_basis("pack of 50"), Some(dec!(50)));
        assert_eq!(parse_price_basis("reel of 5,000"), Some(dec!(5000)));
        assert_eq!(parse_price_basis("ea"), Some(dec!(1)));
        assert_eq!(parse_price_basis("banana"), None);
        assert_eq!(unit_price(dec!(85.00), dec!(100)), Some(dec!(0.85)));
        assert_eq!(unit_price(dec!(1), dec!(0)), None);
        assert_eq!(parse_price_basis("%"), Some(dec!(100)));
        assert_eq!(parse_price_basis("1000 szt."), Some(dec!(1000)));
    }

    #[test]
    fn basis_phrases() {
        let b = |s: &str, ctx: bool| basis_phrase(s, ctx).map(|x| x.0);
        assert_eq!(b("Price per 100", true), Some(dec!(100)));
        assert_eq!(b("Price per 100", false), None);
        assert_eq!(b("Preis je 100 Stk", false), Some(dec!(100)));
        assert_eq!(b("USD/1000pcs", false), Some(dec!(1000)));
        assert_eq!(b("Cena za 1000 szt.", false), Some(dec!(1000)));
        assert_eq!(b("Precio por cada 1.000 unidades", false), Some(dec!(1000)));
        assert_eq!(b("Prezzi al mille", false), Some(dec!(1000)));
        assert_eq!(b("Prices per M (1,000 pcs)", false), Some(dec!(1000)));
        assert_eq!(b("Price per m", true), None);
        assert_eq!(b("41.50 EUR/%", true), Some(dec!(100)));
        assert_eq!(b("Prices valid per 100 days", true), None);
        assert_eq!(b("Price for 1000 pcs", true), None);
        assert_eq!(b("per 1 000 pcs", false), Some(dec!(1000)));
        assert_eq!(b("Price/Unit", true), None);
        assert_eq!(
            b("Preis/100 St.", true).zip(basis_phrase("Preis/100 St.", true).map(|x| x.1)),
            Some((dec!(100), 5))
        );
    }
}
