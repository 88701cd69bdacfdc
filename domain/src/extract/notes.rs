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
    "einmalige",
    "eenmalige",
    "gereedschapskosten",
    "narzędzi",
    "narzędzia",
    "narzedzia",
    "oprzyrządowanie",
    "oprzyrządowania",
    "koszt formy",
    "koszty formy",
    "formy wtryskowej",
    "forma wtryskowa",
    "jednorazowy",
    "jednorazowa",
    "jednorazowe",
    "jednorazowo",
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
    // More languages: SV, DA, NO, FI, CS, HU, TR, KO, JA, and one-time wording.
    "frais uniques",
    "frais unique",
    "coste único",
    "costo único",
    "costes únicos",
    "gastos únicos",
    "pago único",
    "custo único",
    "custos únicos",
    "engångskostnad",
    "engångsavgift",
    "engångs",
    "verktyg",
    "engangs",
    "værktøj",
    "verktøy",
    "kertamaksu",
    "työkalu",
    "nářadí",
    "jednorázov",
    "szerszám",
    "egyszeri",
    "kalıp",
    "kalib",
    "kalıb",
    "fikstür",
    "tek seferlik",
    "금형",
    "지그",
    "초기비용",
    "초기 비용",
    "金型",
    "イニシャル",
    "初期費用",
    "版代",
    "夹具",
    "测试架",
];

/// Chinese, Japanese and Korean script and the full-width marks written with it.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FFF      // radicals
        | 0x3000..=0x303F    // CJK punctuation
        | 0x3040..=0x30FF    // kana
        | 0x3130..=0x318F    // Hangul compatibility jamo
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xAC00..=0xD7AF    // Hangul syllables
        | 0xF900..=0xFAFF
        | 0xFF00..=0xFF0F    // full-width ！＂…／
        | 0xFF1A..=0xFF20    // full-width ：；＜＝＞？＠
        | 0xFF5B..=0xFF65)
}

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
            // Compounds with a cost word in the languages that join them
            // ("Werkzeugkosten", "verktygskostnad", "matrijskosten", "kalıbı").
            let ends = matches!(
                tail.as_str(),
                "" | "s"
                    | "es"
                    | "ing"
                    | "kosten"
                    | "skosten"
                    | "cost"
                    | "costs"
                    | "charge"
                    | "anteil"
                    | "satz"
                    | "kostnad"
                    | "skostnad"
                    | "skostnader"
                    | "kostnader"
                    | "omkostninger"
                    | "somkostninger"
                    | "en"
                    | "ı"
                    | "i"
                    | "ın"
                    | "ları"
                    | "bedeli"
                    | "maliyeti"
                    | "t"
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
    // CJK text runs words and numbers together (`HX-4410の金型費は450,000円`): its
    // characters and full-width marks separate the numbers like spaces.
    let spaced: String = text
        .chars()
        .map(|c| {
            if is_cjk(c) && !"円元圆원".contains(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    // `1 250,00 zł`, `12 500 €`: thousands grouped with a space are one number.
    let mut joined_ws: Vec<String> = Vec::new();
    for w in spaced.split_whitespace() {
        let group = w.len() >= 3
            && w.as_bytes()[..3].iter().all(u8::is_ascii_digit)
            && (w.len() == 3 || !w.as_bytes()[3].is_ascii_digit());
        match joined_ws.last_mut() {
            Some(last)
                if group
                    && (1..=3).contains(&last.len())
                    && last.bytes().all(|b| b.is_ascii_digit()) =>
            {
                last.push_str(w);
            }
            _ => joined_ws.push(w.to_string()),
        }
    }
    let ws: Vec<&str> = joined_ws.iter().map(String::as_str).collect();
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
        // "Für Pos. 2 …", "item 3": a position, not an amount.
        let prev = ws
            .get(i.wrapping_sub(1))
            .map(|p| p.to_lowercase())
            .unwrap_or_default();
        if m.currency.is_none()
            && [
                "pos",
                "pos.",
                "position",
                "item",
                "line",
                "zeile",
                "posizione",
                "nr.",
                "no.",
                "#",
            ]
            .contains(&prev.trim_matches(|c: char| matches!(c, '(' | ':')))
        {
            continue;
        }
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
/// pro 100 Stück", "prix par 1000 pièces", "precios por millar", "prezzi al mille",
/// "Ceny za 1000 szt.", "Prices in USD/1000pcs", or a label: "Preiseinheit: 100",
/// "PE 100", "Price unit: 1000".
pub fn basis_statement(text: &str) -> Option<Decimal> {
    let lower = text.to_lowercase();
    if lower.len() > 200 {
        return None;
    }
    if let Some(b) = basis_label(&lower) {
        return Some(b);
    }
    let priced = [
        "price",
        "pricing",
        "preis",
        "prix",
        "precio",
        "prezzi",
        "prezzo",
        "prijs",
        "prijzen",
        "preço",
        "preços",
        "价格",
        "単価",
        "cena",
        "ceny",
        "cen ",
        "preț",
        "cijena",
        "pris",
        "tarif",
        "quoted",
        "quotation",
        "angebot",
        "offerte",
    ]
    .iter()
    .any(|k| lower.contains(k));
    // A legend ("/M = per 1000, /C = per 100") explains notations, it sets no basis.
    if !priced || lower.contains('=') {
        return None;
    }
    let (b, at) = super::units::basis_phrase(text, false)?;
    // "Delivery per 1000 pcs lots": the basis must be of a price said before it.
    let before = lower.get(..at).unwrap_or(&lower);
    let after_word = lower
        .get(at..)
        .unwrap_or("")
        .split_whitespace()
        .nth(2)
        .unwrap_or("");
    if [
        "lot", "lots", "batch", "reel", "reels", "box", "boxes", "carton", "pallet",
    ]
    .iter()
    .any(|w| after_word.trim_end_matches(['.', ',']) == *w)
    {
        return None;
    }
    let priced_before = [
        "price", "pricing", "preis", "prix", "precio", "prezzi", "prezzo", "prijs", "prijzen",
        "preço", "preços", "价格", "単価", "cena", "ceny", "pris", "tarif", "quoted", "usd", "eur",
        "preț", "prețuri", "cijena", "czk", "€", "$", "£", "chf", "pln", "gbp",
    ]
    .iter()
    .any(|k| before.contains(k));
    priced_before.then_some(b)
}

/// A price basis mentioned without a clear binding: any basis phrase ("per 1000 pcs",
/// "je 100 Stk", "/M", "per M"), a bare "per 100" beside a price word, a basis label, or
/// a legend ("/M = per 1000"). Too weak to apply; strong enough to doubt a per-1 reading.
pub fn basis_mention(text: &str) -> Option<Decimal> {
    if text.len() > 400 {
        return None;
    }
    let lower = text.to_lowercase();
    if let Some(b) = basis_label(&lower) {
        return Some(b);
    }
    let priced = [
        "price", "pricing", "preis", "prix", "precio", "prezz", "prijs", "preço", "cena", "ceny",
        "preț", "cijena", "pris", "cost", "kosten", "€", "$", "usd", "eur",
    ]
    .iter()
    .any(|k| lower.contains(k));
    // Packing ("packed 1000 pcs per carton", "Verpackung je 100 Stk") is no price basis.
    let packing = [
        "pack",
        "verpack",
        "carton",
        "karton",
        "box",
        "reel",
        "rolle",
        "bag",
        "beutel",
        "pallet",
        "palette",
        "embal",
        "imball",
        "verpakking",
        "opakow",
        "ship",
        "deliver",
        "liefer",
    ]
    .iter()
    .any(|k| lower.contains(k));
    if packing {
        return None;
    }
    super::units::basis_phrase(text, priced)
        .map(|b| b.0)
        .filter(|b| *b > Decimal::ONE)
}

/// "Preiseinheit: 100", "PE 100", "Price unit: 1000 pcs", "Prijseenheid 100": a label
/// naming the price basis and its value.
fn basis_label(lower: &str) -> Option<Decimal> {
    let t = lower.trim();
    for label in [
        "preiseinheit",
        "price unit",
        "pricing unit",
        "price basis",
        "pricing basis",
        "prijseenheid",
        "unità di prezzo",
        "unidad de precio",
        "unité de prix",
        "jednostka ceny",
        "pe",
    ] {
        let Some(rest) = t.strip_prefix(label) else {
            continue;
        };
        let rest = rest.trim_start();
        let rest = rest
            .strip_prefix(':')
            .or_else(|| rest.strip_prefix('='))
            .unwrap_or(rest)
            .trim();
        // `PE` alone is short: only with a separator or a plain number after it.
        let v = rest.trim_end_matches('.').trim();
        if let Some(b) = super::units::parse_price_basis(v) {
            return (b > Decimal::ONE).then_some(b);
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
        "pozostałe",
        "wszystkie inne",
        "övriga",
        "alla andra",
        "øvrige",
        "muut",
        "ostatní",
        "diğer",
        "geri kalan",
        "기타",
        "나머지",
        "その他",
        "他の品目",
        "残りの",
        "demais",
        "outros itens",
        "autres",
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
            .any(|k| lower.contains(k))
            || NO_BID_PHRASES.iter().any(|k| lower.contains(k)))
}

/// Words that make a sentence worth reading for line facts.
const FACT_CUES: &[&str] = &[
    "lead",
    "delivery",
    "deliver",
    "ship",
    "aro",
    "week",
    "wks",
    "days",
    "stock",
    "lieferzeit",
    "liefer",
    "woche",
    "tage",
    "lager",
    "délai",
    "delai",
    "semaine",
    "jours",
    "consegna",
    "settiman",
    "giorni",
    "magazzino",
    "plazo",
    "entrega",
    "semana",
    "días",
    "dias",
    "levertijd",
    "weken",
    "dagen",
    "prazo",
    "交期",
    "納期",
    "termin dostawy",
    "leveranstid",
    "leveringstid",
    "交货",
    "周",
    "天",
    "moq",
    "minimum",
    "min.",
    "mindest",
    "minimo",
    "mínimo",
    "minimale",
    "minimal",
    "起订",
    "multiple",
    "multipl",
    "múltiplo",
    "vielfach",
    "vpe",
    "verpackungseinheit",
    "packed",
    "pack of",
    "reel",
    "confezion",
    "packs",
    "full pack",
    "vpe",
    "bags of",
    "boxes of",
    "reels of",
    "cartons of",
    "tubes of",
    "sold in",
    "opakowa",
    "verpakking",
    "包装",
    "quote",
    "offer",
    "bid",
    "angebot",
    "anbieten",
    "quotiamo",
    "quotare",
    "cotiza",
    "chiffr",
    "offrir",
    "proponiamo",
    "proponemos",
    "proposons",
    "alternat",
    "instead",
    "lieu",
    "statt",
    "anstelle",
    "报价",
    "替代",
];

/// Whether a prose line may carry facts about lines (lead time, MOQ, order multiple,
/// one-time charges, no-bids, alternates), so the notes pass reads it.
pub fn is_fact_line(text: &str) -> bool {
    let t = text.trim();
    if t.len() < 6 || t.len() > 400 {
        return false;
    }
    let lower = t.to_lowercase();
    names_charge(t)
        || FACT_CUES.iter().any(|k| lower.contains(k))
        || NO_BID_PHRASES.iter().any(|k| lower.contains(k))
        || super::table::no_bid_reason(t).is_some()
}

/// Words that say a clause is about delivery time ("Lieferzeit", "levertijd", "délai",
/// "plazo de entrega", "consegna", "lead time", "ARO"…), lower case.
pub fn lead_context(lower: &str) -> bool {
    [
        "lead",
        "deliver",
        "ship",
        "lieferzeit",
        "liefer",
        "délai",
        "delai",
        "livraison",
        "consegna",
        "plazo",
        "entrega",
        "levertijd",
        "prazo",
        "交期",
        "交货",
        "納期",
        "termin dostawy",
        "czas dostawy",
        "leveranstid",
        "leveringstid",
        "toimitusaika",
        "dodací",
        "aro",
    ]
    .iter()
    .any(|k| lower.contains(k))
}

/// Lead-time unit words (calendar days per unit), as they start a word.
const LEAD_UNITS: &[(&str, u32)] = &[
    ("week", 7),
    ("wk", 7),
    ("woche", 7),
    ("wochen", 7),
    ("semaine", 7),
    ("settiman", 7),
    ("semana", 7),
    ("weken", 7),
    ("week(s)", 7),
    ("kw", 7),
    ("周", 7),
    ("週", 7),
    ("day", 1),
    ("tag", 1),
    ("jour", 1),
    ("giorn", 1),
    ("gg", 1),
    ("día", 1),
    ("dia", 1),
    ("dag", 1),
    ("天", 1),
    ("日", 1),
    ("month", 30),
    ("monat", 30),
    ("mois", 30),
    ("mes", 30),
    ("maand", 30),
    ("个月", 30),
];

/// A lead time in a clause: the numbers right before a time unit ("6-8 weeks ARO",
/// "3 à 4 semaines", "5 settimane", "10 working days", "ex stock").
pub fn lead_in(clause: &str) -> Option<u32> {
    let lower = clause.to_lowercase();
    if [
        "ex stock",
        "from stock",
        "ab lager",
        "a magazzino",
        "pronta consegna",
        "en stock",
        "de stock",
        "immediate",
        "sofort",
        "pronta",
    ]
    .iter()
    .any(|k| lower.contains(k))
        && !lower.chars().any(|c| c.is_ascii_digit())
    {
        return Some(0);
    }
    // Split CJK characters off the numbers: "4周" → "4 周", "受注後3週間" → "受 注 後 3 週 間".
    let spaced: String = lower
        .chars()
        .flat_map(|c| {
            if (c as u32) >= 0x2E80 {
                vec![' ', c, ' ']
            } else {
                vec![c]
            }
        })
        .collect();
    let ws: Vec<&str> = spaced
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | ':'))
        .filter(|w| !w.is_empty())
        .collect();
    for (k, w) in ws.iter().enumerate() {
        let w = w.trim_matches(|c: char| c == '.');
        let working = matches!(
            w,
            "working"
                | "business"
                | "werktage"
                | "arbeitstage"
                | "ouvrés"
                | "lavorativi"
                | "hábiles"
                | "werkdagen"
        );
        let unit = LEAD_UNITS
            .iter()
            .find(|(u, _)| w.starts_with(u))
            .map(|u| u.1);
        if unit.is_none() && !working || k == 0 {
            continue;
        }
        // The numbers before: `6-8`, `6 - 8`, `3 à 4`, `4 to 6`.
        let mut j = k;
        let mut parts: Vec<&str> = Vec::new();
        while j > 0 {
            let p = ws[j - 1];
            let num = p.chars().next().is_some_and(|c| c.is_ascii_digit())
                && p.chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '-' | '–' | '/'));
            let joiner = matches!(
                p,
                "-" | "–"
                    | "to"
                    | "à"
                    | "a"
                    | "bis"
                    | "al"
                    | "y"
                    | "e"
                    | "tot"
                    | "~"
                    | "ca."
                    | "ca"
                    | "cca."
                    | "approx."
                    | "approx"
                    | "aprox."
                    | "env."
                    | "circa"
                    | "environ"
                    | "etwa"
                    | "ongeveer"
                    | "about"
                    | "approximately"
                    | "aproximadamente"
            );
            if num || joiner && !parts.is_empty() {
                parts.push(p);
                j -= 1;
            } else {
                break;
            }
        }
        // `ca. 4 Wochen`, `approx. 6 weeks`: an approximation word before the numbers.
        while parts
            .last()
            .is_some_and(|p| !p.starts_with(|c: char| c.is_ascii_digit()))
        {
            parts.pop();
        }
        if parts.is_empty()
            || !parts
                .last()
                .is_some_and(|p| p.chars().next().is_some_and(|c| c.is_ascii_digit()))
        {
            continue;
        }
        parts.reverse();
        let nums: Vec<u32> = parts
            .join(" ")
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|n| n.parse().ok())
            .collect();
        let max = *nums.iter().max()?;
        if max == 0 || max > 400 {
            continue;
        }
        let working = working
            || ws.get(k + 1).is_some_and(|n| {
                let n = n.trim_matches(|c: char| !c.is_alphanumeric());
                matches!(
                    n,
                    "working"
                        | "business"
                        | "hábiles"
                        | "habiles"
                        | "lavorativi"
                        | "ouvrés"
                        | "ouvrables"
                        | "werkdagen"
                        | "útiles"
                        | "uteis"
                        | "úteis"
                )
            });
        let days = if working {
            // Five working days make a calendar week.
            (max * 7).div_ceil(5)
        } else {
            max * unit.unwrap_or(1)
        };
        return Some(days);
    }
    None
}

/// The first quantity after a label in a clause ("MOQ on the cover is 1,000 pcs",
/// "Lotto minimo per la staffa 1.000 pz"), or right before it ("1,000 pcs MOQ").
fn qty_after(clause: &str, labels: &[&str], style: DecimalStyle) -> Option<Decimal> {
    let lower = clause.to_lowercase();
    let at = labels
        .iter()
        .filter_map(|l| lower.find(l).map(|i| (i, l.len())))
        .min()?;
    let after = &lower[at.0 + at.1..];
    let qty_word = |w: &str| {
        let w = w.trim_matches(|c: char| matches!(c, ':' | ',' | '.' | ';' | '(' | ')' | '='));
        // Pieces are whole: `1.000` / `1,000` / `1'000` is a thousand in any style
        // (number::parse_quantity keeps that rule).
        w.chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
            .then(|| super::number::parse_quantity(w, style))
            .flatten()
            .filter(|q| *q > Decimal::ZERO && q.fract().is_zero())
    };
    if let Some(q) = after.split_whitespace().take(10).find_map(qty_word) {
        return Some(q);
    }
    lower[..at.0]
        .split_whitespace()
        .next_back()
        .and_then(qty_word)
}

const MOQ_LABELS: &[&str] = &[
    "moq",
    "minimum order",
    "min. order",
    "min order",
    "minimum quantity",
    "minimum qty",
    "minimum buy",
    "mindestbestellmenge",
    "mindestmenge",
    "mindestabnahme",
    "lotto minimo",
    "quantità minima",
    "minimo d'ordine",
    "minimo ordine",
    "pedido mínimo",
    "cantidad mínima",
    "compra mínima",
    "quantité minimale",
    "minimum de commande",
    "minimale afname",
    "minimum afname",
    "pedido mínimo",
    "quantidade mínima",
    "最小起订量",
    "起订量",
];
const MULTIPLE_LABELS: &[&str] = &[
    "multiples of",
    "multiple of",
    "order multiple",
    "in multiples",
    "multipli di",
    "multiplo di",
    "múltiplos de",
    "multiples de",
    "vielfache von",
    "vielfaches von",
    "vpe",
    "verpackungseinheit",
    "packed in",
    "pack size",
    "pack of",
    "packs of",
    "reel of",
    "reels of",
    "bag of",
    "bags of",
    "box of",
    "boxes of",
    "carton of",
    "cartons of",
    "tube of",
    "tubes of",
    "confezioni da",
    "confezione da",
    "embalaje de",
    "veelvoud van",
    "包装数量",
    "整包",
];

const PACKS_ONLY: &[&str] = &[
    "full packs only",
    "in full packs",
    "packs only",
    "full reels only",
    "full boxes only",
    "full cartons",
    "only in full",
    "nur in vollen",
    "nur volle",
    "ganze vpe",
    "vpe-weise",
    "solo confezioni",
    "confezioni intere",
    "cajas completas",
    "solo por caja",
    "par colis complet",
    "colis complets",
    "alleen volle",
    "alleen per verpakkingseenheid",
    "per volle verpakking",
    "nur in ganzen",
    "ganzen verpackungseinheiten",
    "ganze verpackungseinheiten",
    "mindestbestellmenge = vpe",
    "mindestbestellmenge: vpe",
    "mindestmenge = vpe",
    "moq = spq",
    "moq = mpq",
    "moq = pack",
    "moq = vpe",
    "whole packs",
    "whole reels",
    "only whole",
    "tylko pełne",
    "pełne opakowania",
    "pełnych opakowaniach",
    "confezione intera",
    "embalaje completo",
    "整包",
];

const NO_BID_PHRASES: &[&str] = &[
    "do not quote",
    "don't quote",
    "not quoting",
    "cannot quote",
    "can't quote",
    "unable to quote",
    "will not quote",
    "cannot offer",
    "can't offer",
    "unable to offer",
    "not able to offer",
    "no quote",
    "no bid",
    "not quoted",
    "we pass on",
    "decline to quote",
    "non quotiamo",
    "non possiamo quotare",
    "non possiamo offrire",
    "non offriamo",
    "no cotizamos",
    "no podemos cotizar",
    "no podemos ofrecer",
    "nous ne chiffrons pas",
    "ne pouvons pas",
    "pas en mesure de",
    "kein angebot",
    "bieten wir nicht an",
    "können wir nicht anbieten",
    "nicht anbieten",
    "wij bieden geen",
    "kunnen wij niet",
    "não cotamos",
    "不报价",
    "无法报价",
    "不能报价",
    "geen offerte",
    "niet offreren",
    "niet aanbieden",
    "geen aanbieding",
    "nie możemy zaoferować",
    "nie jesteśmy w stanie zaoferować",
    "können wir leider nicht",
    "offreren wij niet",
    "bieden wij niet aan",
    "niet leverbaar",
    "können wir leider nicht",
    "nicht lieferbar",
    "liefern wir nicht",
    "nicht im lieferprogramm",
    "nicht in unserem programm",
    "nie oferujemy",
    "brak oferty",
    "nie możemy zaoferować",
    "nie jesteśmy w stanie",
    "kan ikke tilbyde",
    "kan inte erbjuda",
    "inte offerera",
    "não podemos cotar",
    "não cotado",
    "sem cotação",
    "ne cotons pas",
    "ne pouvons pas coter",
    "non quotato",
    "辞退",
    "見積不可",
    "対応できません",
    "ご提案できません",
    "お見積りできません",
    "outside our capabilities",
    "not offered",
    "unable to supply",
    "cannot supply",
    "pas d'offre",
    "pas d’offre",
    "ne pouvons pas proposer",
    "non quotat",
    "non è quotat",
    "non sono quotat",
    "non viene quotat",
    "non la quotiamo",
    "non lo quotiamo",
    "no la cotizamos",
    "no lo cotizamos",
    "no cotizado",
    "no cotizada",
    "não cotamos",
    "não foi cotado",
    "não foi cotada",
    "não cotad",
    "ingen offert",
    "offereras ej",
    "offereras inte",
    "kan inte offerera",
    "teklif veremiyoruz",
    "teklif verilmedi",
    "teklif verilemez",
    "teklif yok",
    "nie składamy oferty",
    "brak oferty",
    "nie oferujemy",
    "geen offerte",
    "niet leveren",
    "nicht lieferbar",
    "견적 불가",
    "견적불가",
    "견적 제외",
    "공급 불가",
    "見積辞退",
    "不予报价",
    "暂不报价",
    "outside our scope",
    "not in our range",
    "außerhalb unseres",
    "hors de notre",
];

const ALTERNATE_PHRASES: &[&str] = &[
    "alternate",
    "alternative",
    "alternativa",
    "alternativ",
    "instead of",
    "in lieu of",
    "substitute",
    "we offer",
    "we propose",
    "proponiamo",
    "proponemos",
    "nous proposons",
    "à la place",
    "anstelle",
    "statt ",
    "stattdessen",
    "in plaats van",
    "em vez de",
    "替代",
];

fn stem(w: &str) -> String {
    let w = w.to_lowercase();
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    for suf in ["es", "s", "i", "e"] {
        if w.chars().count() > 4 && w.ends_with(suf) {
            return w[..w.len() - suf.len()].to_string();
        }
    }
    w.to_string()
}

const STOP: &[&str] = &[
    "the", "and", "for", "with", "this", "that", "these", "item", "items", "part", "parts",
    "price", "prices", "time", "lead", "order", "quote", "offer", "weeks", "days", "from", "your",
    "our", "per", "all", "are", "will", "piece", "pieces", "pcs", "della", "delle", "questo",
    "articolo", "für", "die", "der", "das", "und", "les", "des", "pour", "para", "los", "las",
    "por", "con", "del", "una", "uno", "est", "sono", "tutti", "alle",
];

/// Where lines can be found by a part number or a description word (stemmed), so naming
/// a line costs a look-up, not a pass over every line.
struct Index {
    /// Description words in CJK script (two characters or more), found inside clauses.
    cjk_words: Vec<String>,
    by_word: std::collections::HashMap<String, Vec<usize>>,
    by_part: std::collections::HashMap<String, Vec<usize>>,
    n: usize,
}

impl Index {
    fn new<'a>(items: impl Iterator<Item = (Option<&'a str>, Vec<String>)>) -> Self {
        let mut ix = Index {
            cjk_words: Vec::new(),
            by_word: std::collections::HashMap::new(),
            by_part: std::collections::HashMap::new(),
            n: 0,
        };
        for (i, (desc, parts)) in items.enumerate() {
            ix.n = i + 1;
            let d = desc.unwrap_or("");
            let mut words: Vec<String> = d
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(stem)
                .collect();
            // Hyphenated compounds (`O-ring`, `back-up`) are words of their own too.
            words.extend(
                d.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')'))
                    .filter(|w| w.contains('-'))
                    .map(stem)
                    .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3),
            );
            words.sort();
            words.dedup();
            for w in words {
                if w.chars().count() >= 2
                    && w.chars().all(is_cjk)
                    && !ix.cjk_words.contains(&w)
                    && ix.cjk_words.len() < 2000
                {
                    ix.cjk_words.push(w.clone());
                }
                ix.by_word.entry(w).or_default().push(i);
            }
            for p in parts {
                ix.by_part.entry(p).or_default().push(i);
            }
        }
        ix
    }
}

/// Lines (indexes) a clause names: by part number, else by a distinctive description word
/// (one that names at most a third of the lines, or one line of two).
fn targets(clause: &str, ix: &Index) -> Vec<usize> {
    let tokens: Vec<&str> = clause
        .split(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')' | '"') || is_cjk(c)
        })
        .filter(|w| !w.is_empty())
        .collect();
    let mut out: Vec<usize> = Vec::new();
    for t in &tokens {
        let n = super::rfq::norm_part(t.trim_end_matches('.'));
        if n.len() < 3 || !n.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        for &i in ix.by_part.get(&n).map(Vec::as_slice).unwrap_or_default() {
            if !out.contains(&i) {
                out.push(i);
            }
        }
    }
    if !out.is_empty() {
        return out;
    }
    let limit = (ix.n / 3).max(1);
    // Words in CJK script are not separated by spaces: a description word of two
    // characters or more is looked for inside the clause.
    if !ix.cjk_words.is_empty() {
        let lower = clause.to_lowercase();
        for w in &ix.cjk_words {
            if !lower.contains(w.as_str()) {
                continue;
            }
            let hits = ix.by_word.get(w).map(Vec::as_slice).unwrap_or_default();
            if !hits.is_empty() && hits.len() <= limit {
                for &h in hits {
                    if !out.contains(&h) {
                        out.push(h);
                    }
                }
            }
        }
    }
    for t in &tokens {
        let w = stem(t);
        if w.chars().count() < 4
            || STOP.contains(&w.as_str())
            || w.chars().any(|c| c.is_ascii_digit())
        {
            continue;
        }
        let hits = ix.by_word.get(&w).map(Vec::as_slice).unwrap_or_default();
        // A hyphenated compound (`O-rings`) is distinctive enough for half the lines.
        let limit = if w.contains('-') {
            (ix.n / 2).max(1)
        } else {
            limit
        };
        if !hits.is_empty() && hits.len() <= limit {
            for &h in hits {
                if !out.contains(&h) {
                    out.push(h);
                }
            }
        }
    }
    out
}

/// Splits prose into sentences, and sentences into clauses at `,` `;` (not inside numbers).
/// The word right before a full stop is an abbreviation that never ends a sentence
/// ("ca. 4 Wochen", "env. 3 semaines", "aprox. 20 días", "approx. 6 weeks", "Nr. 12").
fn abbreviation_before(chars: &[char]) -> bool {
    let word: String = chars
        .iter()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .flat_map(|c| c.to_lowercase())
        .collect();
    matches!(
        word.as_str(),
        "ca" | "cca"
            | "approx"
            | "aprox"
            | "env"
            | "circ"
            | "zirka"
            | "ungef"
            | "appr"
            | "nr"
            | "no"
            | "art"
            | "pos"
            | "ref"
            | "inkl"
            | "zzgl"
            | "excl"
            | "incl"
            | "bzw"
            | "vs"
            | "evtl"
    )
}

fn sentences(text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        cur.push(c);
        let end = matches!(c, '.' | '!' | '?' | '。')
            && chars.get(i + 1).is_none_or(|n| n.is_whitespace())
            && !chars.get(i.wrapping_sub(1)).is_some_and(|p| {
                p.is_ascii_digit() && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit())
            })
            && !(c == '.' && abbreviation_before(&chars[..i]));
        if end {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur);
    }
    out.into_iter()
        .map(|s| {
            let b: Vec<char> = s.chars().collect();
            let mut clauses = Vec::new();
            let mut c = String::new();
            for (i, &ch) in b.iter().enumerate() {
                let brk = matches!(ch, ';' | '；')
                    || ch == ','
                        && !(i > 0
                            && b[i - 1].is_ascii_digit()
                            && b.get(i + 1).is_some_and(char::is_ascii_digit));
                if brk {
                    clauses.push(std::mem::take(&mut c));
                } else {
                    c.push(ch);
                }
            }
            clauses.push(c);
            clauses
                .into_iter()
                .filter(|c| !c.trim().is_empty())
                .collect()
        })
        .collect()
}

/// The notes pass, shared by every format: prose lines the readers set aside (e-mail
/// sentences, remarks under a table, a PDF's footer) give their facts to the lines they
/// name by part number or description, or to every line when they name none ("Lead time
/// 4 weeks"). With an RFQ, a no-bid naming an RFQ line the quote has no line for adds a
/// no-bid line for it.
pub fn attach_notes(
    ex: &mut super::model::Extraction,
    rfq: Option<&super::rfq::RfqSpec>,
    style: DecimalStyle,
) {
    use super::model::QuoteLine;
    let consumed: std::collections::HashSet<String> = std::mem::take(&mut ex.consumed)
        .iter()
        .map(|l| {
            format!(
                "{}|{:?}|{:?}|{:?}|{:?}",
                l.file, l.page, l.line, l.path, l.sheet
            )
        })
        .collect();
    let notes: Vec<(String, super::model::Location)> = std::mem::take(&mut ex.notes)
        .into_iter()
        .filter(|(_, l)| {
            !consumed.contains(&format!(
                "{}|{:?}|{:?}|{:?}|{:?}",
                l.file, l.page, l.line, l.path, l.sheet
            ))
        })
        .take(200)
        .collect();
    if notes.is_empty() {
        return;
    }
    let line_index = |ex: &super::model::Extraction| {
        Index::new(ex.lines.iter().map(|l| {
            (
                l.description.as_deref(),
                [l.part_number.as_deref(), l.supplier_part.as_deref()]
                    .into_iter()
                    .flatten()
                    .map(super::rfq::norm_part)
                    .collect(),
            )
        }))
    };
    let mut ix = line_index(ex);
    let rfq_ix = rfq.map(|r| {
        Index::new(r.lines.iter().map(|l| {
            (
                l.description.as_deref(),
                vec![super::rfq::norm_part(&l.part_number)],
            )
        }))
    });
    for (text, loc) in notes {
        for sentence in sentences(&text) {
            let whole = sentence.join(", ");
            let lower_whole = whole.to_lowercase();
            let lead_ctx = lead_context(&lower_whole);
            let mut last_targets: Vec<usize> = Vec::new();
            let mut any_target = false;
            let sentence_targets: Vec<usize> = targets(&whole, &ix);
            let mut named_in_sentence: Vec<usize> = Vec::new();
            for clause in &sentence {
                let mut tg = targets(clause, &ix);
                let cl = clause.to_lowercase();
                // "…, everything else 2 weeks": the lines the sentence has not named.
                if tg.is_empty()
                    && !named_in_sentence.is_empty()
                    && [
                        "everything else",
                        "all else",
                        "all others",
                        "the rest",
                        "the others",
                        "all other",
                        "alles andere",
                        "alle anderen",
                        "der rest",
                        "übrigen",
                        "tutto il resto",
                        "el resto",
                        "le reste",
                        "de rest",
                        "al het andere",
                        "pozostałe",
                    ]
                    .iter()
                    .any(|k| cl.contains(k))
                {
                    tg = (0..ex.lines.len())
                        .filter(|i| !named_in_sentence.contains(i))
                        .collect();
                }
                named_in_sentence.extend(tg.iter().copied());
                if tg.is_empty() {
                    tg = last_targets.clone();
                } else {
                    any_target = true;
                    last_targets = tg.clone();
                }
                let lower = clause.to_lowercase();
                let blanket = tg.is_empty() && sentence_targets.is_empty();
                let apply: Vec<usize> = if blanket {
                    (0..ex.lines.len()).collect()
                } else {
                    tg.clone()
                };
                // One-time charges.
                if let Some(charge) = charge_in(clause, style).or_else(|| {
                    // "a fixture charge of $1,850.00 for the housing": the charge word
                    // and the amount may sit in different clauses of one sentence.
                    (sentence.len() > 1 && names_charge(&whole) && clause == &sentence[0])
                        .then(|| charge_in(&whole, style))
                        .flatten()
                }) {
                    let to = if tg.is_empty() {
                        sentence_targets.first().copied()
                    } else {
                        tg.first().copied()
                    };
                    match to.and_then(|i| ex.lines.get_mut(i)) {
                        Some(l) => {
                            l.provenance.insert(
                                format!("tooling[{}].amount", l.tooling.len()),
                                loc.clone(),
                            );
                            l.tooling.push(charge);
                        }
                        None => {
                            ex.provenance.insert(
                                format!("tooling[{}].amount", ex.tooling.len()),
                                loc.clone(),
                            );
                            ex.tooling.push(charge);
                        }
                    }
                    continue;
                }
                // No-bids by part or description.
                if !blanket && NO_BID_PHRASES.iter().any(|k| lower.contains(k)) {
                    for &i in &apply {
                        let l = &mut ex.lines[i];
                        if l.breaks.is_empty() {
                            l.no_bid = true;
                            l.no_bid_reason
                                .get_or_insert_with(|| clause.trim().to_string());
                            l.provenance.insert("no_bid".into(), loc.clone());
                        }
                    }
                    continue;
                }
                if !blanket && ALTERNATE_PHRASES.iter().any(|k| lower.contains(k)) {
                    for &i in &apply {
                        let l = &mut ex.lines[i];
                        if l.alternate.is_none() {
                            l.alternate = Some(clause.trim().to_string());
                            l.provenance.insert("alternate".into(), loc.clone());
                        }
                    }
                }
                // "Sold in full packs only": the pack is the minimum too.
                if blanket && PACKS_ONLY.iter().any(|k| lower.contains(k)) {
                    for l in &mut ex.lines {
                        if l.moq.is_none() {
                            if let Some(m) = l.order_multiple {
                                l.moq = Some(m);
                                l.provenance.insert("moq".into(), loc.clone());
                            }
                        }
                    }
                }
                if let Some(q) = qty_after(clause, MOQ_LABELS, style) {
                    for &i in &apply {
                        let l = &mut ex.lines[i];
                        if l.moq.is_none() && !l.no_bid {
                            l.moq = Some(q);
                            l.provenance.insert("moq".into(), loc.clone());
                        }
                    }
                    continue;
                }
                if let Some(q) = qty_after(clause, MULTIPLE_LABELS, style) {
                    for &i in &apply {
                        let l = &mut ex.lines[i];
                        if l.order_multiple.is_none() && !l.no_bid {
                            l.order_multiple = Some(q);
                            l.provenance.insert("order_multiple".into(), loc.clone());
                        }
                    }
                    continue;
                }
                if lead_ctx || !blanket {
                    if let Some(days) =
                        lead_in(clause).filter(|_| lead_ctx || lower.contains("aro"))
                    {
                        for &i in &apply {
                            let l = &mut ex.lines[i];
                            if l.lead_time_days.is_none() && !l.no_bid {
                                l.lead_time_days = Some(days);
                                l.provenance.insert("lead_time_days".into(), loc.clone());
                            }
                        }
                    }
                }
            }
            let _ = any_target;
            // A no-bid naming an RFQ line the quote has no line for.
            if let Some(r) = rfq {
                if NO_BID_PHRASES.iter().any(|k| lower_whole.contains(k))
                    && sentence_targets.is_empty()
                {
                    let found = rfq_ix
                        .as_ref()
                        .map(|rix| targets(&whole, rix))
                        .unwrap_or_default();
                    for ri in found {
                        let rl = &r.lines[ri];
                        let known = ex.lines.iter().any(|l| {
                            l.part_number.as_deref().map(super::rfq::norm_part)
                                == Some(super::rfq::norm_part(&rl.part_number))
                        });
                        if !known {
                            let mut line = QuoteLine {
                                part_number: Some(rl.part_number.clone()),
                                description: rl.description.clone(),
                                price_basis_qty: Decimal::ONE,
                                no_bid: true,
                                no_bid_reason: Some(whole.trim().to_string()),
                                confidence: 70,
                                ..Default::default()
                            };
                            line.provenance.insert("no_bid".into(), loc.clone());
                            ex.lines.push(line);
                            ix = line_index(ex);
                        }
                    }
                }
            }
        }
    }
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
        assert_eq!(basis_statement("Prezzi al mille."), Some(dec!(1000)));
        assert_eq!(basis_statement("Ceny netto za 1000 szt."), Some(dec!(1000)));
        assert_eq!(basis_statement("Preiseinheit: 100 Stück"), Some(dec!(100)));
        assert_eq!(basis_statement("PE: 100"), Some(dec!(100)));
        assert_eq!(basis_statement("Price unit: 1000"), Some(dec!(1000)));
        assert_eq!(
            basis_statement("Precios por cada 1.000 unidades."),
            Some(dec!(1000))
        );
        assert_eq!(
            basis_statement("Pricing is per M (1,000 pcs)."),
            Some(dec!(1000))
        );
        assert_eq!(basis_statement("Price per 100 days"), None);
        assert_eq!(basis_statement("Pesos mexicanos"), None);
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
