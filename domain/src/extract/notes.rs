//! Facts written as words rather than as table cells, shared by every format: one-time
//! charges (tooling, NRE, mould, stencil, programming, setup), blanket no-bids ("all other
//! items: no quote"). The table reader and the text reader both ask this module, so a
//! remark cell, a table row, and a sentence in an e-mail body are read by one rule.

use rust_decimal::Decimal;

use super::model::Tooling;
use super::number::{parse_money, DecimalStyle};

/// Words naming a one-time charge, in the languages suppliers write (EN, DE, FR, ES, IT,
/// NL, PT, ZH). Matched on word starts, so `tooling`, `Werkzeugkosten`, `moule` all hit.
const CHARGE_WORDS: &[&str] = &[
    "tooling",
    "tool cost",
    "tool charge",
    "nre",
    "n.r.e",
    "non-recurring",
    "non recurring",
    "mould",
    "mold",
    "moulds",
    "die cost",
    "die charge",
    "stamping die",
    "fixture",
    "jig",
    "stencil",
    "programming",
    "setup charge",
    "setup cost",
    "setup fee",
    "set-up",
    "set up charge",
    "setup",
    "one-time",
    "one time",
    "onetime",
    "first article",
    "fai ",
    "pattern cost",
    "werkzeug",
    "formkosten",
    "form-kosten",
    "spritzgussform",
    "vorrichtung",
    "schablone",
    "programmierung",
    "einrichtkosten",
    "rüstkosten",
    "einmalkosten",
    "einmalig",
    "outillage",
    "moule",
    "frais d'outillage",
    "frais de mise en route",
    "gabarit",
    "utillaje",
    "molde",
    "troquel",
    "herramental",
    "plantilla",
    "programación",
    "stampo",
    "stampi",
    "attrezzatura",
    "attrezzature",
    "una tantum",
    "programmazione",
    "matrijs",
    "gereedschap",
    "eenmalig",
    "ferramental",
    "ferramenta",
    "molde de",
    "模具",
    "开模",
    "治具",
    "钢网",
    "工装",
];

/// True when a text names a one-time charge.
pub fn names_charge(text: &str) -> bool {
    let lower = text.to_lowercase();
    CHARGE_WORDS.iter().any(|w| {
        lower.match_indices(w).any(|(i, _)| {
            let cjk = !w
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii() || c.is_alphabetic() && (c as u32) < 0x2E80);
            if cjk {
                return true;
            }
            let starts = i == 0
                || !lower[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
            // The word, its plural, or a compound with a cost word ("Werkzeugkosten"),
            // but not a longer word ("moulded housing" is a part, not a mould).
            let tail: String = lower[i + w.len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .collect();
            let ends = matches!(
                tail.as_str(),
                "" | "s"
                    | "es"
                    | "ing"
                    | "kosten"
                    | "cost"
                    | "costs"
                    | "charge"
                    | "anteil"
                    | "satz"
            ) || w.ends_with(' ');
            starts && ends
        })
    })
}

/// A one-time charge stated in `text` ("Tooling: USD 4,500 one-time", "Werkzeugkosten
/// einmalig 1.250,00 €", "NRE $800"): the label and the first positive amount.
pub fn charge_in(text: &str, style: DecimalStyle) -> Option<Tooling> {
    if !names_charge(text) {
        return None;
    }
    let ws: Vec<&str> = text.split_whitespace().collect();
    let mut amount: Option<Decimal> = None;
    for (i, w) in ws.iter().enumerate() {
        let w = w.trim_matches([':', '(', ')', ',', ';', '=']);
        let w = w.trim_end_matches('.');
        if w.is_empty() || !w.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        // A currency code before or after a bare number also makes it money.
        let joined = [
            ws.get(i.wrapping_sub(1)).map(|p| format!("{p} {w}")),
            ws.get(i + 1)
                .map(|n| format!("{w} {}", n.trim_end_matches([',', '.', ';', ')']))),
        ];
        let with_code = joined
            .iter()
            .flatten()
            .find_map(|j| parse_money(j, style).filter(|m| m.currency.is_some()));
        let m = parse_money(w, style)
            .filter(|m| m.currency.is_some())
            .or(with_code)
            .or_else(|| parse_money(w, style));
        let Some(m) = m.filter(|m| m.amount > Decimal::ZERO) else {
            continue;
        };
        // Not a count of pieces or days ("500 pcs", "4 weeks") nor a year.
        let next = ws.get(i + 1).map(|n| n.to_lowercase()).unwrap_or_default();
        if m.currency.is_none()
            && ([
                "pcs", "pc", "pieces", "units", "weeks", "wks", "days", "shots", "cavit", "x",
            ]
            .iter()
            .any(|u| next.starts_with(u))
                || w.len() == 4
                    && w.bytes().all(|b| b.is_ascii_digit())
                    && (1990..=2100).contains(&m.amount.mantissa()))
        {
            continue;
        }
        amount = Some(m.amount);
        break;
    }
    let amount = amount?;
    let label: String = text
        .split(|ch: char| ch.is_ascii_digit() || "$€£¥:=(".contains(ch))
        .next()
        .unwrap_or("")
        .trim()
        .trim_end_matches(['-', '–', ','])
        .trim()
        .to_string();
    Some(Tooling {
        description: if label.is_empty() {
            "tooling".into()
        } else {
            label
        },
        amount,
    })
}

/// A price basis stated for the whole document: "All prices are per 1000 pcs", "Preise
/// pro 100 Stück", "prix par 1000 pièces", "precios por millar", "prezzi per 100 pezzi".
pub fn basis_statement(text: &str) -> Option<Decimal> {
    let lower = text.to_lowercase();
    let priced = [
        "price", "preis", "prix", "precio", "prezzi", "prezzo", "prijs", "prijzen", "preço",
        "preços", "价格",
    ]
    .iter()
    .any(|k| lower.contains(k));
    if !priced || lower.len() > 200 {
        return None;
    }
    for key in [" per ", " pro ", " je ", " par ", " por ", "/"] {
        for (i, _) in lower.match_indices(key) {
            let rest = lower[i + key.len()..].trim_start();
            let words: Vec<&str> = rest
                .split_whitespace()
                .take(2)
                .map(|w| w.trim_end_matches(['.', ',', ';', ')']))
                .collect();
            let phrase = words.join(" ");
            let named = match words.first().copied() {
                Some("hundred" | "c" | "centinaio" | "cent" | "hundert") => Some(100),
                Some(
                    "thousand" | "m" | "mille" | "millar" | "tausend" | "mil" | "1000" | "1,000"
                    | "1.000",
                ) => Some(1000),
                Some("100") => Some(100),
                _ => None,
            };
            // "per 1000 pcs" / "pro 100 Stück": a piece word must follow a bare number.
            let pieces = words.get(1).is_some_and(|w| {
                [
                    "pcs", "pc", "pieces", "units", "stück", "stk", "st", "pièces", "piezas",
                    "pezzi", "stuks", "peças", "ea",
                ]
                .contains(w)
            });
            if let Some(n) = named {
                let bare = words.first().is_some_and(|w| {
                    w.chars()
                        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
                });
                if !bare || pieces {
                    let _ = phrase;
                    return Some(Decimal::from(n));
                }
            }
        }
    }
    None
}

/// A blanket no-bid: "all other items: no quote", "remaining items not quoted", "alle
/// übrigen Positionen: kein Angebot". Applies to every RFQ line not quoted.
pub fn blanket_no_bid(text: &str) -> bool {
    let lower = text.to_lowercase();
    const SCOPE: &[&str] = &[
        "all other",
        "all remaining",
        "remaining items",
        "remaining parts",
        "remaining lines",
        "other items",
        "other parts",
        "other lines",
        "rest of the items",
        "rest of the rfq",
        "alle übrigen",
        "alle anderen",
        "restlichen positionen",
        "übrigen positionen",
        "todos los demás",
        "demás partidas",
        "resto de",
        "tutte le altre",
        "altre voci",
        "altri articoli",
        "restanti",
        "tous les autres",
        "autres articles",
        "autres positions",
        "alle overige",
        "overige artikelen",
        "demais itens",
        "其他",
        "其余",
    ];
    SCOPE.iter().any(|s| lower.contains(s))
        && (super::table::no_bid_reason(&lower).is_some()
            || [
                "not quoted",
                "no quote",
                "kein angebot",
                "nicht angeboten",
                "sin cotizar",
                "no cotiza",
                "non quotat",
                "non offert",
                "pas de devis",
                "pas coté",
                "niet geoffreerd",
                "não cotad",
                "不报价",
            ]
            .iter()
            .any(|k| lower.contains(k)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn charges_in_sentences() {
        let a = |s: &str| charge_in(s, DecimalStyle::Unknown).map(|t| t.amount);
        assert_eq!(a("Tooling: USD 4,500 one-time"), Some(dec!(4500)));
        assert_eq!(a("Werkzeugkosten einmalig 1.250,00 €"), Some(dec!(1250.00)));
        assert_eq!(a("NRE $800"), Some(dec!(800)));
        assert_eq!(a("Stampo: 3.200,00 EUR una tantum"), Some(dec!(3200.00)));
        assert_eq!(a("模具费 RMB 12000"), Some(dec!(12000)));
        assert_eq!(
            a("Mould with 4 cavities, 300000 shots: EUR 9,800"),
            Some(dec!(9800))
        );
        assert_eq!(a("Price each: $0.62"), None);
        assert_eq!(a("Tooling is amortised in the price"), None);
        assert!(!names_charge("Moulded housing PA6 GF30"));
        assert!(names_charge("Werkzeugkosten"));
        assert!(names_charge("Spritzgussform 2-fach"));
    }

    #[test]
    fn basis_statements() {
        assert_eq!(
            basis_statement("All prices are per 1000 pcs."),
            Some(dec!(1000))
        );
        assert_eq!(
            basis_statement("Preise pro 100 Stück, netto"),
            Some(dec!(100))
        );
        assert_eq!(basis_statement("Prezzi per mille pezzi"), Some(dec!(1000)));
        assert_eq!(basis_statement("Prices per thousand"), Some(dec!(1000)));
        assert_eq!(basis_statement("Price per unit"), None);
        assert_eq!(basis_statement("Prices valid per 100 days"), None);
        assert_eq!(basis_statement("Delivery per 1000 pcs lots"), None);
    }

    #[test]
    fn blanket() {
        assert!(blanket_no_bid("All other items: no quote."));
        assert!(blanket_no_bid("Alle übrigen Positionen: kein Angebot"));
        assert!(blanket_no_bid("Las demás partidas: sin cotizar"));
        assert!(!blanket_no_bid(
            "All other terms per our standard conditions"
        ));
    }
}
