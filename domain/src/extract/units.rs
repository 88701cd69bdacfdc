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
        | "個" | "个" | "件" | "只" => "H87",
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
    let fixed = match l {
        "c" | "cen" | "hundred" | "100" | "100 pcs" | "100pcs" | "100 pc" | "100 ea" | "100 st"
        | "100 stk" | "h" => Some(100),
        "m" | "mil" | "thousand" | "1000" | "1,000" | "1000 pcs" | "1000pcs" | "1k" | "k"
        | "1000 pc" | "1000 ea" | "1000 st" | "1000 stk" | "1.000" | "1.000 stk" => Some(1000),
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
        .filter(|w| !w.is_empty())
        .collect();
    let container = [
        "pack", "pk", "box", "reel", "bag", "tube", "tray", "carton", "ctn", "roll", "pkg",
    ];
    let unitish = [
        "pcs", "pc", "ea", "each", "pieces", "units", "stk", "st", "stück", "pce", "pz", "pzs",
        "pezzi", "piezas", "pièces", "stuks", "件", "个", "unidades", "uds", "sets", "set", "szt",
        "kpl", "ks", "kom", "db", "個", "pezzo", "peças", "pçs", "unid", "stykker", "styk",
    ];
    let mut num: Option<Decimal> = None;
    let mut recognised = true;
    for w in &words {
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
    }
}
