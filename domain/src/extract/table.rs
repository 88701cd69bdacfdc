//! Tables to quote lines. Every tabular source (CSV, spreadsheet sheets, tables rebuilt
//! from PDF text) becomes a [`Grid`] of cells with locations; this module finds the header
//! row, maps columns to fields (or takes a remembered mapping), reads the data rows with
//! breaks as columns or as rows, and hands the text around the table (letterhead, terms,
//! totals) to the header scanner.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::memory::{fingerprint, MappingMemory};
use super::model::{Extraction, Location, PriceBreak, QuoteLine, Severity, TableLayout, Tooling};
use super::number::{parse_money, parse_number, parse_quantity, DecimalStyle};
use super::terms::parse_lead_time;
use super::text;
use super::units::{parse_price_basis, unit_price, uom_code};
use crate::money::Currency;

#[path = "matrix.rs"]
mod matrix;

/// One cell with where it came from.
#[derive(Debug, Clone, Default)]
pub struct Cell {
    pub text: String,
    pub loc: Location,
    /// A formula cell whose file holds no cached value.
    pub formula_without_value: bool,
    /// The formula text, when the cell has one and no value.
    pub formula: Option<String>,
    /// A typed numeric value (spreadsheets), read as is whatever the decimal style.
    pub number: Option<Decimal>,
    /// Quantity → price pairs read from a `LOOKUP` formula without a cached value.
    pub formula_breaks: Vec<(Decimal, Decimal)>,
}

fn money_of(c: &Cell, style: DecimalStyle) -> Option<super::number::MoneyToken> {
    match c.number {
        // A typed number whose cell shows more (`41.5 €/1000 Stk` from its number
        // format): the basis and currency it shows are the price's.
        Some(n)
            if c.text
                .chars()
                .any(|ch| !(ch.is_ascii_digit() || ch == '.' || ch == '-')) =>
        {
            let shown = parse_money(&c.text, DecimalStyle::Dot).filter(|m| m.amount == n);
            Some(super::number::MoneyToken {
                amount: n,
                currency: shown.as_ref().and_then(|m| m.currency),
                basis: shown.as_ref().and_then(|m| m.basis),
                ambiguous_currency: shown.as_ref().is_some_and(|m| m.ambiguous_currency),
            })
        }
        Some(n) => Some(super::number::MoneyToken {
            amount: n,
            currency: None,
            basis: None,
            ambiguous_currency: false,
        }),
        None => parse_money(&c.text, style),
    }
}

fn qty_of(c: &Cell, style: DecimalStyle) -> Option<Decimal> {
    match c.number {
        Some(n) if n > Decimal::ZERO => Some(n),
        Some(_) => None,
        None => parse_quantity(&c.text, style).filter(|q| *q > Decimal::ZERO),
    }
}

/// A table: rows of cells (ragged rows allowed).
#[derive(Debug, Clone, Default)]
pub struct Grid {
    /// Sheet name, `page N`, or `table`.
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[serde(deny_unknown_fields)]
pub enum ColumnRole {
    PartNumber,
    SupplierPart,
    Manufacturer,
    Revision,
    Description,
    Uom,
    /// Quantity of the row: requested/invoiced quantity, or the break's minimum quantity
    /// when a part repeats over several rows.
    Quantity,
    UnitPrice,
    PriceBasis,
    LineTotal,
    Moq,
    OrderMultiple,
    LeadTime,
    /// Lead time column whose bare numbers are weeks.
    LeadTimeWeeks,
    Tooling,
    Currency,
    Remarks,
    Alternate,
    /// Unit price at this minimum quantity (breaks as columns).
    BreakPrice(Decimal),
}

const PATTERNS: &[(ColumnRole, &[&str])] = &[
    (
        ColumnRole::PartNumber,
        &[
            "varenr kunde",
            "varenr",
            "kundens varenr",
            "artikelnr",
            "artikelnr kund",
            "numer części",
            "nr części",
            "nr katalogowy klienta",
            "indeks klienta",
            "indeks",
            "tuotenumero",
            "nimike",
            "kunde varenr",
            "artikelnummer",
            "art nr",
            "artikel nr",
            "artikel-nr",
            "customer part no",
            "customer item",
            "cust item",
            "customer item number",
            "your item",
            "cust part",
            "cust part no",
            "your part no",
            "buyer part",
            "client part",
            "kunden teile nr",
            "ihre artikelnummer",
            "ihre teilenummer",
            "ihre art nr",
            "teile nr",
            "zeichnungsnummer",
            "zeichnungs nr",
            "n° de pièce",
            "numéro de pièce",
            "no de pièce",
            "réf client",
            "ref client",
            "référence client",
            "ref cliente",
            "referencia cliente",
            "referência cliente",
            "ref kunde",
            "ref klant",
            "votre référence",
            "n° plan",
            "número de parte",
            "numero de parte",
            "no de parte",
            "núm de parte",
            "no parte",
            "part no cliente",
            "código cliente",
            "codigo cliente",
            "su referencia",
            "su código",
            "numero parte",
            "codice",
            "codice cliente",
            "vs codice",
            "vostro codice",
            "codice disegno",
            "n disegno",
            "disegno",
            "rif cliente",
            "onderdeelnummer",
            "artikelnummer klant",
            "uw artikelnummer",
            "tekeningnummer",
            "número da peça",
            "numero da peca",
            "código da peça",
            "código",
            "客户料号",
            "品番",
            "parça no",
            "parça no.",
            "parça numarası",
            "malzeme kodu",
            "stok kodu",
            "품번",
            "부품번호",
            "품목코드",
            "図番",
            "部品番号",
            "貴社品番",
            "料号",
            "零件号",
            "物料编码",
            "物料号",
            "品号",
            "图号",
            "客户编号",
            "型号",
            "part number",
            "part no",
            "part",
            "pn",
            "p n",
            "customer part",
            "customer part number",
            "your part",
            "art nr kunde",
            "kunden art nr",
            "kundenartikelnummer",
            "kunden teilenummer",
            "manf number",
            "mpn",
            "manufacturer part number",
            "mfr part",
            "mfr part number",
            "mfg part",
            "item code",
            "item number",
            "material",
            "drawing",
            "drawing no",
            "partno",
            "part num",
            "code",
            "teilenummer",
            "sachnummer",
            "référence client",
            "article",
        ],
    ),
    (
        ColumnRole::SupplierPart,
        &[
            "vores varenr",
            "vort varenr",
            "vårt artikelnr",
            "vårt art nr",
            "vår artikkel",
            "nasz indeks",
            "indeks dostawcy",
            "toimittajan koodi",
            "our part",
            "our part no",
            "our part number",
            "our p n",
            "our item",
            "supplier p n",
            "vendor p n",
            "vendor item",
            "unsere artikelnummer",
            "unsere art nr",
            "lieferanten artikelnummer",
            "notre référence",
            "réf fournisseur",
            "nuestra referencia",
            "ref proveedor",
            "código proveedor",
            "codigo proveedor",
            "nostro codice",
            "cod fornitore",
            "codice fornitore",
            "ons artikelnummer",
            "leveranciers artikelnummer",
            "código fornecedor",
            "供应商料号",
            "我司料号",
            "本公司编号",
            "厂商料号",
            "supplier part",
            "supplier part number",
            "vendor part",
            "vendor part number",
            "cat",
            "catalog",
            "catalogue",
            "catalog number",
            "nr katalogowy",
            "numer katalogowy",
            "sku",
            "digi key part number",
            "mouser part",
            "mouser part number",
            "order code",
            "order number",
            "our ref",
            "supplier ref",
            "vendor item",
            "vendor item number",
            "supplier item",
            "supplier part no",
            "distributor part number",
            "stock no",
            "référence",
            "ref fournisseur",
            "digikey",
            "mouser",
            "farnell",
            "newark",
            "rs",
        ],
    ),
    (
        ColumnRole::Manufacturer,
        &[
            "manf",
            "manufacturer",
            "mfr",
            "mfg",
            "make",
            "hersteller",
            "brand",
            "fabricant",
        ],
    ),
    (
        ColumnRole::Revision,
        &[
            "índice",
            "indice",
            "revisión",
            "revisione",
            "révision",
            "revisie",
            "版本",
            "版次",
            "änderungsstand",
            "ä stand",
            "zeichnungsindex",
            "rev index",
            "drawing revision",
            "rev",
            "revision",
            "index",
            "drawing rev",
            "rev level",
            "version",
            "ver",
            "issue",
        ],
    ),
    (
        ColumnRole::Description,
        &[
            "beskrivelse",
            "beskrivning",
            "benämning",
            "opis",
            "nazwa",
            "kuvaus",
            "betegnelse",
            "popis",
            "název",
            "megnevezés",
            "descripción",
            "descripcion",
            "descrizione",
            "denominazione",
            "beschrijving",
            "descrição",
            "descricao",
            "designação",
            "品名",
            "açıklama",
            "malzeme adı",
            "ürün adı",
            "품명",
            "품목명",
            "규격",
            "描述",
            "名称",
            "规格",
            "产品名称",
            "品名规格",
            "articolo",
            "artículo",
            "producto",
            "prodotto",
            "produit",
            "description",
            "desc",
            "item description",
            "bezeichnung",
            "beschreibung",
            "designation",
            "désignation",
            "name",
            "product",
            "product description",
            "part description",
            "artikel",
            "text",
            "details",
            "produkt",
            "omschrijving",
            "leistung",
            "artikelbezeichnung",
            "item name",
            "libellé",
        ],
    ),
    (
        ColumnRole::Uom,
        &[
            "enhed",
            "enhet",
            "jm",
            "jednostka",
            "yksikkö",
            "mj",
            "jedn",
            "j m",
            "jednostka",
            "unidad",
            "ud",
            "uds",
            "unità",
            "eenheid",
            "unidade",
            "单位",
            "mengeneinheit",
            "unité de mesure",
            "uom",
            "unit",
            "u m",
            "um",
            "einheit",
            "me",
            "unité",
            "unit of measure",
            "units",
        ],
    ),
    (
        ColumnRole::Quantity,
        &[
            "antal",
            "ilość",
            "mængde",
            "määrä",
            "kvantitet",
            "antall",
            "množství",
            "mennyiség",
            "cant",
            "cantidad solicitada",
            "staffel",
            "staffel ab",
            "staffelmenge",
            "mengenstaffel",
            "ab menge",
            "ab stück",
            "à partir de",
            "a partir de",
            "vanaf",
            "scaglione",
            "tramo",
            "qta",
            "q tà",
            "quantità",
            "quantidade",
            "qtde",
            "hoeveelheid",
            "数量",
            "miktar",
            "adet",
            "수량",
            "stückzahl",
            "losgröße",
            "lotto",
            "lote",
            "qty pcs",
            "quantity pcs",
            "qty",
            "quantity",
            "menge",
            "quantité",
            "qté",
            "anzahl",
            "aantal",
            "cantidad",
            "quantita",
            "quantity 1",
            "break qty",
            "qty break",
            "price break",
            "from qty",
            "break",
            "volume",
            "order qty",
            "count",
            "req qty",
            "requested qty",
            "annual qty",
        ],
    ),
    (
        ColumnRole::UnitPrice,
        &[
            "pris",
            "pris pr stk",
            "stykpris",
            "enhedspris",
            "a pris",
            "á pris",
            "cena",
            "cena jedn",
            "cena jednostkowa",
            "cena netto",
            "hinta",
            "yksikköhinta",
            "styckpris",
            "enhetspris",
            "jednotková cena",
            "egységár",
            "ár",
            "preț",
            "pret",
            "preț unitar",
            "pret unitar",
            "cijena",
            "jedinična cijena",
            "staffelpreise",
            "staffelpreis",
            "preisstaffel",
            "price breaks",
            "volume pricing",
            "tiered pricing",
            "prezzi a scaglioni",
            "precios por volumen",
            "prix dégressifs",
            "staffelprijzen",
            "qty price",
            "menge preis",
            "qté prix",
            "cantidad precio",
            "quantity price",
            "precio unitario",
            "precio unit",
            "p unit",
            "precio",
            "prezzo unitario",
            "prezzo unit",
            "prix unit",
            "eenheidsprijs",
            "stukprijs",
            "stuksprijs",
            "preço unitário",
            "preco unitario",
            "preço",
            "单价",
            "単価",
            "birim fiyat",
            "birim fiyatı",
            "단가",
            "単価円",
            "見積単価",
            "含税单价",
            "未税单价",
            "价格",
            "e preis",
            "preis je stück",
            "preis stk",
            "price ea",
            "unit price each",
            "unit price",
            "price",
            "unit cost",
            "price each",
            "each",
            "preis",
            "einzelpreis",
            "nettopreis",
            "stückpreis netto",
            "prijs",
            "precio",
            "prezzo",
            "ep",
            "prix unitaire",
            "prix",
            "price unit",
            "unit rate",
            "rate",
            "net price",
            "unit net price",
            "stückpreis",
            "price per unit",
            "cost",
            "unit price net",
            "quoted price",
            "offer price",
            "unitprice",
        ],
    ),
    (
        ColumnRole::PriceBasis,
        &[
            "um prezzo",
            "u m prezzo",
            "unità prezzo",
            "um price",
            "price um",
            "me preis",
            "preis me",
            "unidad precio",
            "unité prix",
            "per quantity",
            "price uom",
            "per qty",
            "unidad de precio",
            "unità di prezzo",
            "unité de prix",
            "unite de prix",
            "prijseenheid",
            "pricing uom",
            "price per qty",
            "preis pro",
            "preis per",
            "per",
            "price basis",
            "basis",
            "preiseinheit",
            "pe",
            "price per",
            "pricing unit",
            "pu",
        ],
    ),
    (
        ColumnRole::LineTotal,
        &[
            "金額",
            "金额",
            "beløb",
            "belopp",
            "wartość",
            "i alt",
            "summa",
            "wartość netto",
            "yhteensä",
            "total línea",
            "importe total",
            "prezzo totale",
            "importo",
            "totale",
            "valor total",
            "totaalprijs",
            "totaal",
            "regeltotaal",
            "总价",
            "金额",
            "合计",
            "prix total",
            "total ht",
            "total price net",
            "total",
            "amount",
            "ext",
            "extended",
            "ext price",
            "extended price",
            "line total",
            "gesamtpreis",
            "gesamtbetrag",
            "nettobetrag",
            "positionsbetrag",
            "bedrag",
            "montant ht",
            "importe",
            "gesamt",
            "betrag",
            "summe",
            "gesamtsumme",
            "zeilensumme",
            "positionssumme",
            "wert",
            "gesamtwert",
            "nettowert",
            "positionswert",
            "warenwert",
            "pos wert",
            "montant",
            "total price",
            "net amount",
            "total net",
            "subtotal",
            "amount net",
            "gp",
        ],
    ),
    (
        ColumnRole::Moq,
        &[
            "minimumsordre",
            "min antal",
            "minsta order",
            "minimalna ilość",
            "min ilość",
            "minimitilaus",
            "pedido mínimo",
            "cantidad mínima",
            "lotto minimo",
            "quantità minima",
            "qté min",
            "quantité minimale",
            "minimale bestelmenge",
            "minimum afname",
            "mínimo",
            "最小起订量",
            "起订量",
            "最小订购量",
            "moq",
            "min qty",
            "minimum order",
            "minimum order quantity",
            "min order qty",
            "mindestmenge",
            "min",
            "min order",
            "minimum qty",
            "mindestbestellmenge",
            "minimum",
        ],
    ),
    (
        ColumnRole::OrderMultiple,
        &[
            "múltiplo",
            "multiplo",
            "confezione",
            "embalaje",
            "verpackungseinheit",
            "ve",
            "colisage",
            "conditionnement",
            "包装",
            "包装数量",
            "最小包装",
            "mult",
            "order multiple",
            "multiple",
            "multiples",
            "spq",
            "pack qty",
            "increment",
            "vpe",
            "standard pack",
            "pack size",
            "package qty",
            "opakowanie",
            "opak",
            "ilość w opakowaniu",
            "verpakkingseenheid",
            "verpakking",
            "mpq",
        ],
    ),
    (
        ColumnRole::LeadTime,
        &[
            "納期",
            "leveringstid",
            "leveranstid",
            "termin dostawy",
            "czas dostawy",
            "czas realizacji",
            "toimitusaika",
            "dodací lhůta",
            "szállítási idő",
            "plazo de entrega",
            "plazo",
            "tiempo de entrega",
            "entrega",
            "consegna",
            "tempi di consegna",
            "termine di consegna",
            "délai de livraison",
            "levertijd",
            "prazo de entrega",
            "prazo",
            "交期",
            "交货期",
            "lieferzeit ab auftrag",
            "lead time",
            "leadtime",
            "lead",
            "delivery",
            "lieferzeit",
            "delivery time",
            "mfg std lead time",
            "lt",
            "lead time days",
            "délai",
            "availability date",
            "factory lead time",
        ],
    ),
    (
        ColumnRole::LeadTimeWeeks,
        &[
            "plazo semanas",
            "settimane",
            "semaines",
            "weken",
            "semanas",
            "交期 周",
            "lead time weeks",
            "lead time wks",
            "lt weeks",
            "lt wks",
            "weeks",
            "wks",
            "lieferzeit wochen",
            "lead time wk",
            "delivery weeks",
        ],
    ),
    (
        ColumnRole::Tooling,
        &[
            "værktøj",
            "værktøjsomkostninger",
            "verktyg",
            "verktøy",
            "oprzyrządowanie",
            "narzędzie",
            "narzędzia",
            "työkalu",
            "nářadí",
            "szerszám",
            "mould",
            "mold",
            "mould cost",
            "mold cost",
            "tooling charge",
            "tool charge",
            "stencil",
            "programming",
            "formkosten",
            "werkzeuganteil",
            "vorrichtung",
            "outillage",
            "frais outillage",
            "utillaje",
            "molde",
            "stampo",
            "costo stampo",
            "attrezzatura",
            "gereedschapskosten",
            "ferramental",
            "模具费",
            "开模费",
            "nre charge",
            "one time charge",
            "fixture",
            "setup cost",
            "tooling",
            "nre",
            "setup",
            "set up",
            "tool cost",
            "tooling cost",
            "one time",
            "one time cost",
            "werkzeug",
            "werkzeugkosten",
            "einmalkosten",
            "nre cost",
            "setup charge",
            "tooling nre",
        ],
    ),
    (
        ColumnRole::Currency,
        &[
            "moneda", "divisa", "valuta", "moeda", "币种", "货币", "currency", "curr", "cur",
            "währung", "devise", "ccy",
        ],
    ),
    (
        ColumnRole::Remarks,
        &[
            "bemærkninger",
            "bemærkning",
            "anmärkning",
            "uwagi",
            "kommentar",
            "huomautus",
            "poznámka",
            "megjegyzés",
            "observaciones",
            "comentarios",
            "osservazioni",
            "annotazioni",
            "remarques",
            "commentaires",
            "opmerkingen",
            "observações",
            "备注",
            "说明",
            "hinweis",
            "anmerkung",
            "remarks",
            "remark",
            "comment",
            "comments",
            "notes",
            "note",
            "bemerkung",
            "bemerkungen",
            "supplier comments",
            "observations",
            "notlar",
            "açıklamalar",
            "비고",
            "備考",
            "摘要",
            "anmerkungen",
            "opmerking",
            "kommentarer",
            "merknader",
            "huomautukset",
            "opombe",
        ],
    ),
    (
        ColumnRole::Alternate,
        &[
            "alternate",
            "alt part",
            "alternative",
            "substitute",
            "alternate part",
            "alternate offered",
            "alt",
        ],
    ),
];

fn norm_header(s: &str) -> String {
    let mut out = String::new();
    let mut last_space = true;
    for c in s.chars().flat_map(char::to_lowercase) {
        if c == '#' {
            if !last_space {
                out.push(' ');
            }
            out.push_str("number ");
            last_space = true;
        } else if c.is_alphanumeric() {
            out.push(c);
            last_space = false;
        } else if !last_space {
            out.push(' ');
            last_space = true;
        }
    }
    out.trim().to_string()
}

/// Strips a trailing currency or unit annotation: `unit price usd`, `price eur`, `price in usd`.
fn strip_annotations(h: &str) -> (String, Option<Currency>) {
    let mut words: Vec<&str> = h.split(' ').collect();
    let mut cur = None;
    while let Some(last) = words.last() {
        if last.len() == 3 && last.chars().all(|c| c.is_ascii_alphabetic()) {
            if let Ok(c) = Currency::from_code(last) {
                cur = Some(c);
                words.pop();
                if words.last() == Some(&"in") {
                    words.pop();
                }
                continue;
            }
        }
        break;
    }
    (words.join(" "), cur)
}

/// `p` occurs in `n` as whole words (bounded by the ends or spaces).
fn contains_words(n: &str, p: &str) -> bool {
    let b = n.as_bytes();
    // Only word starts can begin a match: no substring searcher per pattern.
    std::iter::once(0)
        .chain(
            b.iter()
                .enumerate()
                .filter(|(_, c)| **c == b' ')
                .map(|(i, _)| i + 1),
        )
        .any(|i| {
            let end = i + p.len();
            end <= b.len() && &b[i..end] == p.as_bytes() && (end == b.len() || b[end] == b' ')
        })
}

/// The role a header text names, with the length of the matched pattern (longer = surer).
pub fn classify_header(h: &str) -> Option<(ColumnRole, usize)> {
    let raw = h.trim();
    // Header cells are short; long text and bare data never name a column.
    if raw.is_empty() || raw.len() > 60 {
        return None;
    }
    if !raw.chars().any(char::is_alphabetic) {
        // Digits and symbols only: at most a break quantity (`500`, `2,000`, `1k+`…).
        return header_break_qty(raw).map(|q| (ColumnRole::BreakPrice(q), 20));
    }
    let n = norm_header(raw);
    let (n, _) = strip_annotations(&n);
    // `Price per 100`, `Preis je 1000 Stk`, `Prijs/1000 st`, `Preis %`: a unit price
    // printed per a basis, never a break column of that quantity.
    if let Some(role) = price_with_basis(raw) {
        return Some(role);
    }
    // Per-quantity price columns: `500`, `2,000`, `1k`, `Qty 500`, `500+`, `@500`, `Price @ 5000`.
    if let Some(q) = header_break_qty(raw) {
        return Some((ColumnRole::BreakPrice(q), 20));
    }
    // A price column headed only by its currency and basis: `USD/1000pcs`, `EUR per 100`,
    // `€/M`.
    if let (Some(_), _, rest) = super::number::strip_currency(raw) {
        let rest = rest.trim();
        if (rest.starts_with('/') || rest.to_lowercase().starts_with("per "))
            && basis_in_header(raw).is_some()
        {
            return Some((ColumnRole::UnitPrice, 8));
        }
    }
    if raw.contains(['$', '€', '£', '¥']) {
        let lower = raw.to_lowercase();
        if lower.starts_with("ext") || lower.contains("total") {
            return Some((ColumnRole::LineTotal, 5));
        }
        if lower.starts_with("unit") || lower.contains("price") {
            return Some((ColumnRole::UnitPrice, 5));
        }
    }
    let mut best: Option<(ColumnRole, usize)> = None;
    for (role, pats) in PATTERNS {
        for p in *pats {
            let hit = n == *p || (p.len() >= 3 && contains_words(&n, p));
            let score = if n == *p { p.len() + 10 } else { p.len() };
            if hit && best.is_none_or(|b| score > b.1) {
                best = Some((*role, score));
            }
        }
    }
    // A header naming a one-time charge in any language the notes pass knows
    // ("Matrijskosten", "Stampo (una tantum)", "NRE") is a tooling column, never a price.
    if matches!(best, None | Some((ColumnRole::UnitPrice, _)))
        && n.split(' ').count() <= 4
        && super::notes::names_charge(raw)
    {
        return Some((ColumnRole::Tooling, 6));
    }
    if let Some((ColumnRole::UnitPrice, _)) = best {
        if n.contains("week") || n.contains("wk") {
            return Some((ColumnRole::LeadTimeWeeks, 10));
        }
    }
    if let Some((ColumnRole::LeadTime, s)) = best {
        if n.contains("week") || n.contains("wks") || n.contains("wochen") {
            return Some((ColumnRole::LeadTimeWeeks, s));
        }
    }
    best
}

/// A header naming a price and then its basis (`Price per 100`, `Cena za 1000 szt.`,
/// `Preis %`): what comes before the basis must itself name a unit price (or be empty or
/// a currency, `EUR/100 Stk`).
fn price_with_basis(raw: &str) -> Option<(ColumnRole, usize)> {
    let before = match super::units::basis_phrase(raw, true) {
        Some((b, at)) if b > Decimal::ONE => raw.get(..at)?,
        _ => {
            trade_sign_basis(raw)?;
            raw.trim()
                .trim_end_matches(')')
                .trim()
                .trim_end_matches(['%', '‰'])
        }
    };
    let before = before.trim().trim_end_matches(['(', '[', ',']).trim();
    let (cur, _, rest) = super::number::strip_currency(before);
    let rest = rest.trim().trim_end_matches(['(', '[']).trim();
    if rest.is_empty() || rest.chars().all(|c| !c.is_alphanumeric()) {
        return (cur.is_some() || before.contains(['€', '$', '£', '¥']))
            .then_some((ColumnRole::UnitPrice, 8));
    }
    match classify_header(rest) {
        Some((ColumnRole::UnitPrice, s)) => Some((ColumnRole::UnitPrice, s + 2)),
        _ => None,
    }
}

/// A header cell naming a quantity for a price column. A bare four-digit number from
/// 1900 to 2099 (`2000`, `2025`) is not one on its own: it may be a year. Whether it is a
/// break is decided by its row ([`header_roles`]).
fn header_break_qty(raw: &str) -> Option<Decimal> {
    match header_qty_candidate(raw)? {
        (q, false) => Some(q),
        (_, true) => None,
    }
}

/// A header cell's break quantity and whether it could as well be a year (a bare
/// `19xx` / `20xx`).
fn header_qty_candidate(raw: &str) -> Option<(Decimal, bool)> {
    let lower = raw.trim().to_lowercase();
    let mut t = lower.as_str();
    for p in [
        "unit price",
        "price",
        "preis",
        "prix",
        "qty",
        "quantity",
        "menge",
        "ab",
        "from",
        "vanaf",
        "a partir de",
        "à partir de",
        "desde",
        "dès",
        "från",
        "fra",
        "od",
        "at",
        "for",
        "break",
        "@",
        ":",
    ] {
        t = t.trim_start_matches(p).trim();
    }
    // Unit words after the number (`500 st.`, `1.000 Stk`, `200 sets`), in any order.
    loop {
        let before = t;
        for s in [
            "pcs", "pc", "units", "ea", "+", "stk", "st", "and up", "pz", "pezzi", "pièces",
            "stuks", "sets", "set", "meters", "metres", "meter", "piezas", "uds", "szt", "kpl",
            "ks", "件", "个", "ud", ".",
        ] {
            t = t.trim_end_matches(s).trim();
        }
        if t == before {
            break;
        }
    }
    let t = t
        .trim_start_matches(['@', '≥', '>', '=', ' ', '('])
        .trim_end_matches(')')
        .trim();
    if t.is_empty() || !t.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // `1.000 stk`, `10.000`: a quantity in a header is whole (number::parse_quantity
    // keeps the thousands rule).
    let q = parse_quantity(t, DecimalStyle::Unknown)?;
    // A bare small integer like "1" or "2" is more likely a column number than a break.
    let bare = t.chars().all(|c| c.is_ascii_digit());
    let looks_year =
        bare && t.len() == 4 && (t.starts_with("19") || t.starts_with("20")) && lower == t;
    let qty_word =
        lower.starts_with("qty") || lower.starts_with("quantity") || lower.starts_with("menge");
    if qty_word && q < Decimal::from(10) && !raw.contains('+') {
        return None;
    }
    if q <= Decimal::ZERO || (bare && lower == t && q < Decimal::from(10) && !raw.contains('+')) {
        return None;
    }
    Some((q, looks_year))
}

/// The break quantities of one header row by column, years decided by context: a bare
/// number that could be a year (`2000`) is a break quantity when the row holds other break
/// quantities that are not years, all of them rise from left to right, and the cell under
/// it (when `below` is given) holds a number. `500 | 2000 | 5000` over prices is three
/// breaks; `2024 | 2025` (prices by year) or a lone `2025` is none.
fn row_break_qtys(row: &[String], below: Option<&[Cell]>) -> Vec<Option<Decimal>> {
    let cands: Vec<Option<(Decimal, bool)>> = row.iter().map(|h| header_qty_candidate(h)).collect();
    let plain = cands.iter().flatten().filter(|(_, year)| !year).count();
    let rising = cands
        .iter()
        .flatten()
        .map(|(q, _)| *q)
        .collect::<Vec<_>>()
        .windows(2)
        .all(|w| w[0] < w[1]);
    cands
        .iter()
        .enumerate()
        .map(|(i, c)| match c {
            Some((q, false)) => Some(*q),
            Some((q, true))
                if plain >= 1
                    && rising
                    && below.is_none_or(|b| {
                        b.get(i).is_some_and(|c| {
                            c.number.is_some()
                                || parse_number(&c.text, DecimalStyle::Unknown).is_some()
                        })
                    }) =>
            {
                Some(*q)
            }
            _ => None,
        })
        .collect()
}

/// Column roles of a candidate header row: each cell's own role, and bare numbers that
/// could be years taken as break quantities where the row says so ([`row_break_qtys`]).
fn header_roles(row: &[String], below: Option<&[Cell]>) -> Vec<Option<ColumnRole>> {
    let mut roles: Vec<Option<ColumnRole>> = row
        .iter()
        .map(|h| classify_header(h).map(|x| x.0))
        .collect();
    for (r, q) in roles.iter_mut().zip(row_break_qtys(row, below)) {
        if r.is_none() {
            *r = q.map(ColumnRole::BreakPrice);
        }
    }
    roles
}

/// Column roles for a header row; duplicates of a singular role after the first are dropped.
pub fn map_header(header: &[String]) -> Vec<Option<ColumnRole>> {
    dedup_roles(header_roles(header, None))
}

/// Keeps the first column of each singular role; a second part-number column is an alternate.
fn dedup_roles(mut roles: Vec<Option<ColumnRole>>) -> Vec<Option<ColumnRole>> {
    let mut seen: Vec<ColumnRole> = Vec::new();
    for r in roles.iter_mut() {
        if let Some(role) = *r {
            if matches!(role, ColumnRole::BreakPrice(_)) {
                continue;
            }
            if seen.contains(&role) {
                // A second part-number column is the supplier's own number when there is
                // none yet ("Customer P/N | Our P/N"); after that an alternate (a second
                // "Manufacturer / MPN" pair in a BOM). "Quantity 2" and the like go.
                *r = match role {
                    ColumnRole::PartNumber if !seen.contains(&ColumnRole::SupplierPart) => {
                        seen.push(ColumnRole::SupplierPart);
                        Some(ColumnRole::SupplierPart)
                    }
                    ColumnRole::PartNumber => Some(ColumnRole::Alternate),
                    ColumnRole::SupplierPart | ColumnRole::Manufacturer => None,
                    _ => None,
                };
            } else {
                seen.push(role);
            }
        }
    }
    roles
}

fn header_score(roles: &[Option<ColumnRole>]) -> (usize, bool) {
    let mut distinct: Vec<std::mem::Discriminant<ColumnRole>> = Vec::new();
    let mut priced = false;
    let mut ided = false;
    for r in roles.iter().flatten() {
        let d = std::mem::discriminant(r);
        if !distinct.contains(&d) {
            distinct.push(d);
        }
        priced |= matches!(
            r,
            ColumnRole::UnitPrice | ColumnRole::BreakPrice(_) | ColumnRole::LineTotal
        );
        ided |= matches!(
            r,
            ColumnRole::PartNumber | ColumnRole::SupplierPart | ColumnRole::Description
        );
    }
    let n = distinct.len();
    // A small Qty / Price table under a part line has no id column: the part comes from
    // the heading above it.
    let qty_priced = priced && roles.iter().flatten().any(|r| *r == ColumnRole::Quantity);
    (n, ided && (priced && n >= 2 || n >= 3) || qty_priced)
}

/// True when header roles make a table the reader can use: an identifying column with a
/// price or two more roles, or a quantity with a price.
pub fn header_ok(roles: &[Option<ColumnRole>]) -> bool {
    header_score(&dedup_roles(roles.to_vec())).1
}

/// A row naming a part and no price (`Part: BRK-2208 Bracket zinc plated`): the heading
/// of the quantity / price rows below it. Returns part, description and where.
fn heading_of(row: &[Cell]) -> Option<(String, Option<String>, Location)> {
    let t = row_text(row);
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.is_empty() || words.len() > 12 || text::currency_in(&t).is_some() {
        return None;
    }
    let pi = words.iter().take(4).position(|w| text::is_part_like(w))?;
    let part = words[pi]
        .trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '"' | '\''))
        .to_string();
    let desc = words[pi + 1..]
        .join(" ")
        .trim_start_matches([':', '-', '–', ',', ' '])
        .trim()
        .to_string();
    let loc = row
        .iter()
        .find(|c| !c.text.trim().is_empty())
        .map(|c| c.loc.clone())
        .unwrap_or_default();
    Some((part, (desc.len() >= 3).then_some(desc), loc))
}

/// A header that says its prices are per one unit.
fn unit_labelled(h: &str) -> bool {
    let l = h.to_lowercase();
    [
        "unit",
        "each",
        "/ea",
        "per ea",
        "per pc",
        "/pc",
        "/stk",
        "einzel",
        "stück",
        "stk",
        "unitario",
        "unitaire",
        "unitário",
        "stuk",
        "per piece",
        "单价",
        "単価",
        "pro stück",
        "je stück",
        "p.u.",
        "pu ",
        "/ud",
        "por unidad",
    ]
    .iter()
    .any(|k| l.contains(k))
        && basis_in_header(h).is_none_or(|b| b == Decimal::ONE)
        && !h
            .split(|c: char| !c.is_ascii_digit())
            .any(|n| n.parse::<u32>().is_ok_and(|n| n >= 2))
}

/// Quantities and prices run into one cell: `250 12,30 €`, `1,000 pcs $3.15`, or several
/// breaks `250 12,30 € 1000 10,95 €` (a cell with line breaks). Every token must be used.
fn qty_price_pairs(t: &str, style: DecimalStyle) -> Vec<(Decimal, super::number::MoneyToken)> {
    let ws: Vec<&str> = t.split_whitespace().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let cur_alone = |w: &str| {
        let (c, _, rest) = super::number::strip_currency(w.trim_end_matches([',', ';']));
        c.filter(|_| rest.is_empty())
    };
    while i < ws.len() {
        let w = ws[i].trim_end_matches([':', '+']);
        let Some(q) = parse_quantity(w, style)
            .filter(|q| *q > Decimal::ZERO && q.fract().is_zero())
            .filter(|_| w.starts_with(|c: char| c.is_ascii_digit()))
        else {
            return Vec::new();
        };
        i += 1;
        while i < ws.len() {
            let l = ws[i].to_lowercase();
            let l = l.trim_end_matches([':', ',']);
            if matches!(
                l,
                "@" | "x" | "à" | "a" | "=" | "-" | "–" | ":" | "+" | "ab"
            ) || uom_code(l).is_some() && parse_money(l, style).is_none()
            {
                i += 1;
            } else {
                break;
            }
        }
        let mut cur = None;
        if let Some(c) = ws.get(i).and_then(|w| cur_alone(w)) {
            cur = Some(c);
            i += 1;
        }
        let Some(mut m) = ws
            .get(i)
            .and_then(|w| parse_money(w.trim_end_matches([',', ';']), style))
        else {
            return Vec::new();
        };
        i += 1;
        if let Some(c) = ws.get(i).and_then(|w| cur_alone(w)) {
            cur = cur.or(Some(c));
            i += 1;
        }
        while i < ws.len()
            && matches!(
                ws[i].to_lowercase().trim_end_matches([',', ';']),
                "ea" | "each"
                    | "/ea"
                    | "cad."
                    | "/stk"
                    | "/st."
                    | "/pz"
                    | "pro"
                    | "je"
                    | "/pc"
                    | "|"
                    | ";"
                    | "/"
            )
        {
            i += 1;
        }
        m.currency = m.currency.or(cur);
        if m.amount <= Decimal::ZERO || m.currency.is_none() && m.amount.scale() == 0 {
            return Vec::new();
        }
        out.push((q, m));
    }
    out
}

/// One number with its thousands grouped by spaces (`4 500,00`, `12 500 €`, `1 250 000`),
/// not a quantity and a price: a group of one to three digits, then groups of three, the
/// last with its decimals. Not when the first group is the row's quantity (`100 125,00`
/// under a quantity of 100 is that quantity and its price).
fn space_grouped(t: &str, qty: Option<Decimal>) -> bool {
    let (_, _, rest) = super::number::strip_currency(t.trim());
    let ws: Vec<&str> = rest.split_whitespace().collect();
    let n = ws.len();
    n >= 2
        && ws[0].parse::<Decimal>().ok() != qty
        && (1..=3).contains(&ws[0].len())
        && ws[0].bytes().all(|b| b.is_ascii_digit())
        && ws[1..].iter().enumerate().all(|(k, w)| {
            let (int, frac) = match w.split_once([',', '.']) {
                Some((a, b)) if k == n - 2 => (a, b),
                _ => (*w, ""),
            };
            int.len() == 3
                && int.bytes().all(|b| b.is_ascii_digit())
                && frac.len() <= 4
                && frac.bytes().all(|b| b.is_ascii_digit())
        })
}

fn cell_text(row: &[Cell], i: usize) -> &str {
    row.get(i).map_or("", |c| c.text.trim())
}

fn is_blank(row: &[Cell]) -> bool {
    row.iter()
        .all(|c| c.text.trim().is_empty() && !c.formula_without_value)
}

const TOTAL_WORDS: &[&str] = &[
    "total",
    "subtotal",
    "sub total",
    "grand total",
    "sum",
    "summe",
    "gesamt",
    "gesamtbetrag",
    "montant total",
    "net total",
    "amount due",
    "total amount",
    "totaal",
    "zwischensumme",
    "nettobetrag",
    "tax",
    "vat",
    "mwst",
    "ust",
];

/// Charges and taxes that follow the lines (`Freight`, `Fracht`, `IVA 21%`, `TVA 20 %`):
/// a row labelled only so (or with a rate) is no quote line.
const CHARGE_WORDS: &[&str] = &[
    "freight",
    "freight charge",
    "shipping",
    "shipping and handling",
    "carriage",
    "postage",
    "fracht",
    "frachtkosten",
    "versand",
    "versandkosten",
    "porto",
    "portes",
    "porte",
    "envío",
    "envio",
    "gastos de envío",
    "transporte",
    "port",
    "frais de port",
    "vracht",
    "vrachtkosten",
    "verzendkosten",
    "trasporto",
    "spese di trasporto",
    "iva",
    "tva",
    "btw",
    "gst",
    "hst",
    "sales tax",
    "moms",
    "totale",
    "importe total",
    "total ht",
    "total ttc",
    "total neto",
    "sous total",
    "subtotaal",
    "subtotale",
    "eindtotaal",
    "gesamtsumme",
    "endsumme",
    // A discount (`Rabatt 12,40 %`, `korting 5%`) is no price and no line.
    "rabatt",
    "mengenrabatt",
    "nachlass",
    "preisnachlass",
    "discount",
    "korting",
    "sconto",
    "descuento",
    "remise",
    "rabat",
];

fn is_total_row(row: &[Cell]) -> bool {
    row.iter().take(6).any(|c| {
        let n = norm_header(&c.text);
        !n.is_empty()
            && n.len() < 60
            && (TOTAL_WORDS.iter().any(|w| {
                n == *w
                    || (n.starts_with(w) && n.as_bytes().get(w.len()) == Some(&b' '))
                    || (n.ends_with(w)
                        && n.len() > w.len()
                        && n.as_bytes()[n.len() - w.len() - 1] == b' ')
            }) || CHARGE_WORDS.iter().any(|w| {
                n == *w
                    || n.strip_prefix(w).is_some_and(|r| {
                        r.starts_with(' ') && r.chars().all(|c| c.is_ascii_digit() || c == ' ')
                    })
            }))
    })
}

/// A total / charge row whose part cell (if any) holds its label, not a part number:
/// `Total:` or `Freight` in the part column is no line.
fn is_total_line(row: &[Cell], roles: &[Option<ColumnRole>]) -> bool {
    is_total_row(row)
        && role_cell(row, roles, ColumnRole::PartNumber)
            .is_none_or(|c| !text::identifies_part(&c.text))
}

/// Splits a part-column cell that is a sentence about a part into (part, note): at least
/// four words, the first part-like word within the first three is the part. A real part
/// number with spaces ("M3 x 8 DIN 912") has no sentence after it, so it needs 4+ words
/// *and* one of them must be a part-like token followed by prose.
pub fn split_part_note(cell: &str) -> Option<(String, String)> {
    let words: Vec<&str> = cell.split_whitespace().collect();
    // `HX-4430: no quote`, `HX-4430 不报价`: a part and a short no-bid.
    if words.len() >= 2 {
        let first = words[0].trim_end_matches([':', ',', ';']);
        let rest = words[1..].join(" ");
        let rest = rest.trim_start_matches([':', '-', '–', ',', ' ']);
        if text::is_part_like(first) && no_bid_reason(rest).is_some() {
            return Some((first.to_string(), rest.to_string()));
        }
    }
    if words.len() < 4 {
        return None;
    }
    let at = words.iter().take(3).position(|w| text::is_part_like(w))?;
    let part = words[at].trim_matches([',', ';', ':', '(', ')', '"', '\'']);
    let rest = words[at + 1..].join(" ");
    let rest = rest.trim_start_matches([':', '-', '–', ',', ' ']);
    // Prose: mostly alphabetic words, several of them.
    let prose = rest
        .split_whitespace()
        .filter(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || ",.;:()'".contains(c))
        })
        .count();
    (prose >= 3).then(|| (part.to_string(), rest.to_string()))
}

/// A cell that says "nothing here": `-`, `n/a`, `none`, `—`, `tbd`.
pub fn is_placeholder(t: &str) -> bool {
    matches!(
        t.trim().to_lowercase().as_str(),
        "" | "-"
            | "--"
            | "—"
            | "–"
            | "n/a"
            | "na"
            | "n.a."
            | "none"
            | "nil"
            | "tbd"
            | "tba"
            | "?"
            | "/"
            | "x"
            | "k.a."
            | "entfällt"
            | "ohne"
            | "sin"
            | "nessuna"
            | "aucune"
            | "."
    )
}

/// Keywords that mark a no-bid.
pub fn no_bid_reason(s: &str) -> Option<String> {
    let l = s.to_lowercase();
    const KEYS: &[&str] = &[
        "no bid",
        "no-bid",
        "nobid",
        "no quote",
        "not quoted",
        "cannot quote",
        "can't quote",
        "unable to quote",
        "will not quote",
        "not quoting",
        "n/q",
        "declined",
        "decline",
        "we pass",
        "kein angebot",
        "nicht lieferbar",
        "not available",
        "obsolete",
        "discontinued",
        "eol",
        "end of life",
        "no offer",
        "regret",
        "kan ikke tilbydes",
        "kan ikke leveres",
        "kan inte offereras",
        "nie oferujemy",
        "brak oferty",
        "ei tarjota",
        "no cotizamos",
        "sin cotizar",
        "non quotiamo",
        "non quotato",
        "nicht anbieten",
        "nicht angeboten",
        "pas d'offre",
        "non coté",
        "不报价",
        "停产",
        "无法报价",
        "見積不可",
        "nicht mehr lieferbar",
        "geen offerte",
        "niet leverbaar",
        "niet aanbieden",
        "niet offreren",
        "niet geoffreerd",
        "geen aanbieding",
        "nie oferujemy",
        "nie możemy zaoferować",
        "nie jesteśmy w stanie zaoferować",
        "poza ofertą",
        "nicht anbieten",
        "können wir leider nicht",
        "kein angebot möglich",
        "n.q.",
        "sem cotação",
        "não cotado",
        "辞退",
        "見積辞退",
        "対応不可",
        "outside our capabilities",
        "not offered",
        "unable to supply",
        "cannot supply",
        "kein angebot",
        "nicht lieferbar",
        "non quotata",
        "non quotate",
        "non quotati",
        "non offerto",
        "non è quotato",
        "non è quotata",
        "non sono quotati",
        "no cotizado",
        "no cotizada",
        "no ofertamos",
        "sin oferta",
        "non chiffré",
        "pas de devis",
        "pas d'offre",
        "pas d’offre",
        "não cotada",
        "não cotados",
        "não cotamos",
        "ingen offert",
        "offereras ej",
        "offereras inte",
        "ej offererad",
        "inget anbud",
        "ikke tilbudt",
        "intet tilbud",
        "ei tarjousta",
        "teklif verilmedi",
        "teklif veremiyoruz",
        "teklif verilemez",
        "teklif yok",
        "nie składamy oferty",
        "bez oferty",
        "견적 불가",
        "견적불가",
        "견적 제외",
        "공급 불가",
        "見積り辞退",
        "お見積り不可",
        "不予报价",
        "暂不报价",
        "无报价",
    ];
    KEYS.iter()
        .find(|k| {
            l.find(*k).is_some_and(|i| {
                let before_ok = i == 0 || !l.as_bytes()[i - 1].is_ascii_alphanumeric();
                let end = i + k.len();
                let after_ok = end >= l.len() || !l.as_bytes()[end].is_ascii_alphanumeric();
                before_ok && after_ok
            })
        })
        .map(|_| s.trim().to_string())
}

/// Keywords that mark an alternate offer; returns the part offered or the note.
pub fn alternate_note(s: &str) -> Option<String> {
    let l = s.to_lowercase();
    const KEYS: &[&str] = &[
        "alternate",
        "alternative",
        "substitute",
        "in lieu of",
        "instead of",
        "equivalent",
        "offer instead",
        "alt:",
        "alt.",
        "replacement",
        "ersatz",
        "we offer",
    ];
    if l.contains("packaging") {
        return None; // "Alternate packaging exists": a catalogue remark, not an offer
    }
    KEYS.iter()
        .any(|k| l.contains(k))
        .then(|| s.trim().to_string())
}

/// How to read one table.
pub struct TableContext<'a> {
    pub file: &'a str,
    pub style: DecimalStyle,
    pub memory: Option<&'a MappingMemory>,
    pub supplier: Option<String>,
}

/// Reads one grid into `ex`: header fields from the text around the table, lines from the
/// table. Returns the number of lines added.
pub fn read_grid(grid: &Grid, ctx: &TableContext<'_>, ex: &mut Extraction) -> usize {
    let n = read_grid_once(grid, ctx, ex);
    if n > 0 || grid.rows.len() < 3 {
        return n;
    }
    // A header row was recognised (a corner `Part No.` over typed quantities, a title
    // that reads like one) but gave no line: the grid may still be a matrix.
    let mut trial = ex.clone();
    match matrix::read_matrix(grid, ctx, &mut trial).filter(|m| *m > 0) {
        Some(m) => {
            *ex = trial;
            m
        }
        None => n,
    }
}

fn read_grid_once(grid: &Grid, ctx: &TableContext<'_>, ex: &mut Extraction) -> usize {
    // The caller's time (`bounds::within`), asked once per table, and the width of its
    // rows (whatever reader built the grid).
    if !super::bounds::go_on() || !super::bounds::widths_fit(grid.rows.iter().map(Vec::len)) {
        return 0;
    }
    let scan_limit = grid.rows.len().min(200);
    // Header row: best score among the first rows.
    let mut best: Option<(usize, usize, Vec<Option<ColumnRole>>, String)> = None;
    for (ri, row) in grid.rows.iter().take(scan_limit).enumerate() {
        // A header is near the top: 20 rows past a good one, stop looking.
        if best.as_ref().is_some_and(|b| ri > b.1 + 20) {
            break;
        }
        let header: Vec<String> = row.iter().map(|c| c.text.trim().to_string()).collect();
        let fp = fingerprint(&header);
        let (roles, from_memory) = match ctx
            .memory
            .and_then(|m| m.lookup(ctx.supplier.as_deref(), &fp))
        {
            Some(r) => (r.clone(), true),
            None => (header_roles(&header, first_filled(grid, ri + 1)), false),
        };
        let (score, ok) = header_score(&dedup_roles(roles.clone()));
        let score = if from_memory { score + 100 } else { score };
        if ok && best.as_ref().is_none_or(|b| score > b.0) {
            best = Some((
                score,
                ri,
                roles,
                if from_memory {
                    "memory".into()
                } else {
                    "inferred".into()
                },
            ));
        }
    }
    let Some((_, hrow, mut roles, source)) = best else {
        // Rows and columns both keys (a matrix price list): rewritten into a table.
        let mut trial = ex.clone();
        if let Some(n) = matrix::read_matrix(grid, ctx, &mut trial).filter(|n| *n > 0) {
            *ex = trial;
            return n;
        }
        // No header recognised: offer the widest early row as a candidate layout, so a
        // person can map it (and the mapping memory learn it).
        if let Some(row) = grid
            .rows
            .iter()
            .take(40)
            .enumerate()
            .filter(|(_, r)| r.iter().filter(|c| !c.text.trim().is_empty()).count() >= 3)
            .max_by_key(|(i, r)| {
                (
                    r.iter().filter(|c| !c.text.trim().is_empty()).count(),
                    std::cmp::Reverse(*i),
                )
            })
            .map(|(_, r)| r)
        {
            let header: Vec<String> = row.iter().map(|c| c.text.trim().to_string()).collect();
            ex.layouts.push(TableLayout {
                table: grid.name.clone(),
                fingerprint: fingerprint(&header),
                roles: map_header(&header),
                header,
                source: "unmapped".into(),
            });
        }
        // No table: read every row as text.
        let lines: Vec<(String, Location)> = grid
            .rows
            .iter()
            .filter(|r| !is_blank(r))
            .map(|r| {
                (
                    label_text(r),
                    r.first().map(|c| c.loc.clone()).unwrap_or_default(),
                )
            })
            .collect();
        text::scan_header(&lines, ctx.style, ex);
        let before = ex.lines.len();
        text::parse_text_lines(&lines, ctx.style, ex);
        let read = ex.lines.len() - before;
        // A notes sheet naming parts of an earlier sheet's table ("the welding fixture
        // for HZ-5510 is billed separately: 1.450,00 €") adds to those lines.
        text::merge_same_part(ex, 0);
        if read == 0 {
            ex.diag(
                "table.no_header",
                Severity::Warning,
                format!(
                    "no header row with part and price columns found in {}",
                    grid.name
                ),
                grid.rows
                    .first()
                    .and_then(|r| r.first())
                    .map(|c| c.loc.clone()),
            );
        }
        return ex.lines.len().saturating_sub(before);
    };
    let mut header: Vec<String> = grid.rows[hrow]
        .iter()
        .map(|c| c.text.trim().to_string())
        .collect();
    if source != "memory" {
        whose_part_numbers(&header, &mut roles);
    }
    let mut data_start = hrow + 1;
    // A second header row that states the price basis under the price header
    // (`Unit price` / `(per 1000)`, `Preis` / `je 100 Stk`): the basis joins its header.
    if let Some(next) = grid.rows.get(hrow + 1) {
        let filled: Vec<usize> = (0..next.len())
            .filter(|&i| !cell_text(next, i).is_empty())
            .collect();
        let is_price = |i: usize| {
            matches!(
                roles.get(i),
                Some(Some(ColumnRole::UnitPrice | ColumnRole::BreakPrice(_)))
            )
        };
        let basis_cell = |i: usize| {
            let t = cell_text(next, i).trim_matches(['(', ')', '[', ']']).trim();
            let (_, _, rest) = super::number::strip_currency(t);
            let rest = rest.trim().trim_start_matches('/').trim();
            rest.chars().any(char::is_alphanumeric)
                && super::number::parse_money(t, ctx.style).is_none_or(|m| m.amount.is_zero())
                && (parse_price_basis(rest).is_some_and(|b| b > Decimal::ONE)
                    || super::units::basis_phrase(&format!("per {rest}"), true)
                        .is_some_and(|b| b.0 > Decimal::ONE && b.1 == 0)
                    || super::units::basis_phrase(t, true).is_some_and(|b| b.0 > Decimal::ONE))
        };
        if !filled.is_empty() && filled.iter().all(|&i| is_price(i) && basis_cell(i)) {
            for &i in &filled {
                if let Some(h) = header.get_mut(i) {
                    *h = format!("{h} {}", cell_text(next, i));
                }
            }
            data_start = hrow + 2;
        }
    }
    // Sub-header of quantities under a (merged) price header: `Unit price` / `500 | 1,000`.
    if let Some(next) = grid.rows.get(hrow + 1) {
        let texts: Vec<String> = next.iter().map(|c| c.text.trim().to_string()).collect();
        let qcols: Vec<(usize, Decimal)> = row_break_qtys(&texts, first_filled(grid, hrow + 2))
            .into_iter()
            .enumerate()
            .filter_map(|(i, q)| q.map(|q| (i, q)))
            .collect();
        // The id cells of a sub-header row are empty, or repeat the header above them
        // (a header cell merged over both rows is filled into both).
        let id_empty = roles.iter().enumerate().all(|(i, r)| {
            !matches!(
                r,
                Some(ColumnRole::PartNumber | ColumnRole::SupplierPart | ColumnRole::Description)
            ) || cell_text(next, i).is_empty()
                || header.get(i).is_some_and(|h| h == cell_text(next, i))
        });
        if qcols.len() >= 2 && id_empty {
            for (i, q) in qcols {
                if i < roles.len() && matches!(roles[i], None | Some(ColumnRole::UnitPrice))
                    || i >= roles.len()
                {
                    if i >= roles.len() {
                        roles.resize(i + 1, None);
                    }
                    roles[i] = Some(ColumnRole::BreakPrice(q));
                }
            }
            data_start = hrow + 2;
        }
    }
    // Quantity headers counted in pieces (`500 st.`, `Qty (pcs)`): the document counts in
    // pieces, so a line without a unit of its own is in pieces.
    for (i, r) in roles.iter().enumerate() {
        if matches!(r, Some(ColumnRole::BreakPrice(_) | ColumnRole::Quantity)) {
            let texts = [
                cell_text(&grid.rows[hrow], i),
                grid.rows.get(hrow + 1).map_or("", |r| cell_text(r, i)),
            ];
            if texts
                .iter()
                .any(|t| text::mentions_pieces(&t.to_lowercase()))
            {
                ex.pieces = true;
            }
        }
    }
    // Two description columns and no part column (`Artikel | Bezeichnung`,
    // `Article | Désignation`): the one holding codes (one token with a digit) is the part.
    if !roles.contains(&Some(ColumnRole::PartNumber)) {
        let descs: Vec<usize> = (0..roles.len())
            .filter(|&i| roles[i] == Some(ColumnRole::Description))
            .collect();
        if descs.len() >= 2 {
            let code_like = |i: usize| {
                // The table's own rows: up to a blank row or a row of one cell (a note).
                let vals: Vec<&str> = grid
                    .rows
                    .iter()
                    .skip(data_start)
                    .take(200)
                    .take_while(|r| {
                        !is_blank(r) && r.iter().filter(|c| !c.text.trim().is_empty()).count() > 1
                    })
                    .map(|r| cell_text(r, i).trim())
                    .filter(|t| !t.is_empty())
                    .collect();
                !vals.is_empty()
                    && vals.iter().all(|v| {
                        !v.contains(char::is_whitespace)
                            && v.len() <= 24
                            && v.chars().any(|c| c.is_ascii_digit())
                    })
            };
            if let Some(&i) = descs.iter().find(|&&i| code_like(i)) {
                roles[i] = Some(ColumnRole::PartNumber);
            }
        }
    }
    // Still no part column: a column whose header names nothing (`Item`, `Pos.`, a blank
    // header cell) and whose cells on the table's rows (two or more cells filled) are
    // all codes with a letter and a digit (`BP-501`, not `1` or `10 pcs`) is the part.
    if !roles.contains(&Some(ColumnRole::PartNumber)) {
        let code_column = |i: usize| {
            let vals: Vec<&str> = grid
                .rows
                .iter()
                .skip(data_start)
                .take(200)
                .filter(|r| r.iter().filter(|c| !c.text.trim().is_empty()).count() >= 2)
                .map(|r| cell_text(r, i).trim())
                .filter(|t| !t.is_empty())
                .collect();
            vals.len() >= 2
                && vals.iter().all(|v| {
                    !v.contains(char::is_whitespace)
                        && v.len() <= 24
                        && v.chars().any(|c| c.is_ascii_digit())
                        && v.chars().any(char::is_alphabetic)
                })
        };
        if let Some(i) = (0..roles.len()).find(|&i| roles[i].is_none() && code_column(i)) {
            roles[i] = Some(ColumnRole::PartNumber);
        }
    }
    // Two price columns, one of them headed as a unit (`Price unit`, `Unité de prix`) and
    // holding words, not numbers (`Tsd.`, `VPE`): that one states the prices' basis.
    let price_cols: Vec<usize> = (0..roles.len())
        .filter(|&i| roles[i] == Some(ColumnRole::UnitPrice))
        .collect();
    if price_cols.len() >= 2 {
        for &i in &price_cols {
            let h = header.get(i).map(|h| norm_header(h)).unwrap_or_default();
            let unitish = h.split(' ').any(|w| {
                matches!(
                    w,
                    "unit"
                        | "einheit"
                        | "unité"
                        | "unite"
                        | "eenheid"
                        | "unidad"
                        | "unità"
                        | "unita"
                        | "basis"
                        | "per"
                        | "je"
                        | "pe"
                )
            });
            let vals: Vec<&str> = grid
                .rows
                .iter()
                .skip(data_start)
                .take(200)
                .map(|r| cell_text(r, i))
                .filter(|t| !t.is_empty())
                .collect();
            if unitish
                && !vals.is_empty()
                && vals.iter().all(|v| !v.chars().any(|c| c.is_ascii_digit()))
            {
                roles[i] = Some(ColumnRole::PriceBasis);
            }
        }
    }
    // Value shapes: a unit column holding `C` / `M` / `100` / `1000` next to `EA` is the
    // price basis (per hundred / per thousand), not centimetres or metres.
    for (i, r) in roles.iter_mut().enumerate() {
        if matches!(
            *r,
            Some(ColumnRole::Uom | ColumnRole::UnitPrice | ColumnRole::PriceBasis)
        ) && column_holds_basis(
            grid,
            data_start,
            i,
            &header[i.min(header.len().saturating_sub(1))],
        ) {
            *r = Some(ColumnRole::PriceBasis);
        }
    }
    let fp = fingerprint(&header);
    ex.layouts.push(TableLayout {
        table: grid.name.clone(),
        fingerprint: fp,
        header: header.clone(),
        roles: roles.clone(),
        source,
    });
    // Numbered quantity / price column pairs are read as breaks by the pair.
    let pairs = indexed_pairs(&header);
    for (q, p) in &pairs {
        for i in [*q, *p] {
            if let Some(r) = roles.get_mut(i) {
                *r = None;
            }
        }
    }
    // Column groups above the header (a priced BOM: `Mouser` over Unit$ / MOQ / Ext$).
    amount_as_quantity(&header, &mut roles);
    let segments: Vec<(Option<String>, Vec<Option<ColumnRole>>)> = segments(grid, hrow, &roles)
        .into_iter()
        .map(|(g, r)| (g, dedup_roles(r)))
        .collect();
    // Text around the table feeds the header scanner.
    let mut around: Vec<(String, Location)> = Vec::new();
    // Columns no line field takes (an ERP export repeating "Quote No", "Vendor",
    // "Payment Terms", "Ship Terms", "Valid To" on every row): the first value under each
    // is read as a labelled header line; what the header scanner cannot use either is
    // reported once as `table.unmapped_column`.
    let mut unmapped: Vec<String> = Vec::new();
    if let Some(first) = grid.rows.iter().skip(data_start).find(|r| !is_blank(r)) {
        for (i, h) in header.iter().enumerate() {
            if roles.get(i).copied().flatten().is_some() || h.trim().is_empty() {
                continue;
            }
            if let Some(c) = first.get(i).filter(|c| !c.text.trim().is_empty()) {
                around.push((format!("{}: {}", h.trim(), c.text.trim()), c.loc.clone()));
                unmapped.push(h.trim().to_string());
            }
        }
    }
    for row in grid.rows[..hrow].iter().filter(|r| !is_blank(r)) {
        around.push((
            label_text(row),
            row.first().map(|c| c.loc.clone()).unwrap_or_default(),
        ));
    }
    let header_cur = header
        .iter()
        .zip(&roles)
        .filter(|(_, r)| {
            matches!(
                r,
                Some(ColumnRole::UnitPrice | ColumnRole::BreakPrice(_) | ColumnRole::LineTotal)
            )
        })
        .find_map(|(h, _)| {
            strip_annotations(&norm_header(h))
                .1
                .or_else(|| text::currency_in(h))
                .or_else(|| symbol_currency(h))
        });
    // A basis said in a header or cell that no price column takes (`/ 100 St.` set apart
    // from `Preis €`, `per 1000 pcs` in a remarks column): a hint that the prices read
    // per 1 may not be, for the cross-checks to flag.
    if ex.basis_hint.is_none() {
        let unbound = |i: usize| {
            !matches!(
                roles.get(i),
                Some(Some(
                    ColumnRole::UnitPrice | ColumnRole::BreakPrice(_) | ColumnRole::PriceBasis
                ))
            )
        };
        let hrow_cells = &grid.rows[hrow];
        let found = hrow_cells
            .iter()
            .enumerate()
            .filter(|(i, _)| unbound(*i))
            .chain(
                grid.rows
                    .iter()
                    .skip(data_start)
                    .take(500)
                    .flat_map(|r| r.iter().enumerate())
                    .filter(|(i, _)| unbound(*i)),
            )
            .find_map(|(_, c)| super::notes::basis_mention(&c.text).map(|b| (b, c.loc.clone())));
        if found.is_some() {
            ex.basis_hint = found;
        }
    }
    let header_basis: Vec<Option<Decimal>> = header
        .iter()
        .zip(&roles)
        .map(|(h, r)| match r {
            Some(ColumnRole::UnitPrice | ColumnRole::BreakPrice(_)) => basis_in_header(h),
            _ => None,
        })
        .collect();
    let mut added = 0;
    let first_line = ex.lines.len();
    // A unit column holding only `M` (no `EA` beside it to tell): metres, or the price per
    // thousand of the `/M` notation. Read as metres, and every such line is flagged.
    let m_only = roles.iter().enumerate().any(|(i, r)| {
        *r == Some(ColumnRole::Uom) && {
            let mut vals = grid
                .rows
                .iter()
                .skip(data_start)
                .map(|row| cell_text(row, i))
                .filter(|t| !t.is_empty())
                .peekable();
            vals.peek().is_some() && vals.all(|t| t == "M")
        }
    });
    // A part heading above the table (nearest of the three rows above the header).
    let heading_above = grid.rows[..hrow]
        .iter()
        .rev()
        .filter(|r| !is_blank(r))
        .take(3)
        .find_map(|r| heading_of(r));
    // Price cells wrapped onto the next text line (`$41.50 per` / `1000 pcs`, PDFs and
    // pasted tables): the continuation row is joined to the row above first.
    let data_rows = join_wrapped_price_rows(&grid.rows[data_start.min(grid.rows.len())..], &roles);
    for (group, seg_roles) in &segments {
        let mut last_line: Option<usize> = None;
        let mut heading = heading_above.clone();
        for row in data_rows.iter() {
            if is_blank(row) {
                last_line = None;
                continue;
            }
            let hdr_again: Vec<String> = row.iter().map(|c| c.text.trim().to_string()).collect();
            if hdr_again == header {
                continue; // header repeated on a continued page
            }
            // A wrapped description: only description cells filled, right under a line.
            if let Some(li) = last_line {
                let filled: Vec<usize> = row
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| !c.text.trim().is_empty())
                    .map(|(i, _)| i)
                    .collect();
                let extra = row_text(row);
                let looks_text = !is_total_row(row) && text::currency_in(&extra).is_none();
                if looks_text
                    && !filled.is_empty()
                    && filled
                        .iter()
                        .all(|i| seg_roles.get(*i) == Some(&Some(ColumnRole::Description)))
                {
                    if let Some(d) = ex.lines[li].description.as_mut() {
                        d.push(' ');
                        d.push_str(&extra);
                        continue;
                    }
                }
            }
            if is_total_line(row, seg_roles) {
                if group.is_none() {
                    around.push((
                        row_text(row),
                        row.first().map(|c| c.loc.clone()).unwrap_or_default(),
                    ));
                }
                continue;
            }
            let cols = Columns {
                roles: seg_roles,
                header: &header,
                header_basis: &header_basis,
                pairs: &pairs,
            };
            match read_row(row, &cols, header_cur, ctx, ex) {
                RowOutcome::Line(line) => {
                    let mut line = *line;
                    // A tooling / NRE / mould row is a one-time charge, never a priced line.
                    if let Some(charge) = charge_row(&line) {
                        attach_charge(ex, charge, &line, last_line);
                        continue;
                    }
                    if group.is_some() && line.breaks.is_empty() && !line.no_bid {
                        continue; // this distributor has no offer for the part
                    }
                    line.offer_from = group.clone();
                    // Rows with only quantity and price under a part heading.
                    let anonymous = line.part_number.is_none()
                        && line.supplier_part.is_none()
                        && line.description.is_none();
                    if anonymous && last_line.is_none() {
                        if let Some((part, desc, loc)) = heading.clone() {
                            line.part_number = Some(part);
                            line.provenance.insert("part_number".into(), loc.clone());
                            if let Some(d) = desc {
                                line.description = Some(d);
                                line.provenance.insert("description".into(), loc);
                            }
                            line.quantity = None;
                        }
                    }
                    // Breaks as rows: the same part again, or a row with only qty + price.
                    let same = last_line.and_then(|li| {
                        let prev = &ex.lines[li];
                        let key_prev = (
                            prev.part_number.clone(),
                            prev.supplier_part.clone(),
                            prev.description.clone(),
                        );
                        let continuation = line.part_number.is_none()
                            && line.supplier_part.is_none()
                            && line.description.is_none();
                        // The same part again; a break row may leave the description out.
                        let same_key = (line.part_number.is_some() || line.supplier_part.is_some())
                            && (key_prev.0.clone(), key_prev.1.clone())
                                == (line.part_number.clone(), line.supplier_part.clone())
                            && (line.description.is_none() || key_prev.2 == line.description);
                        (continuation || same_key).then_some(li)
                    });
                    if let Some(li) = same.filter(|_| !line.breaks.is_empty()) {
                        let prev = &mut ex.lines[li];
                        let n = prev.breaks.len();
                        for (k, b) in line.breaks.into_iter().enumerate() {
                            if let Some(loc) =
                                line.provenance.get(&format!("breaks[{k}].unit_price"))
                            {
                                prev.provenance
                                    .insert(format!("breaks[{}].unit_price", n + k), loc.clone());
                            }
                            prev.breaks.push(b);
                        }
                        prev.breaks.sort_by_key(|b| b.min_qty);
                        prev.quantity = None;
                        prev.line_total = None;
                        prev.tooling.extend(line.tooling);
                    } else {
                        ex.lines.push(line);
                        last_line = Some(ex.lines.len() - 1);
                        added += 1;
                    }
                }
                RowOutcome::Text => {
                    if let Some(h) = heading_of(row) {
                        heading = Some(h);
                        last_line = None;
                    }
                    if group.is_none() || segments.len() == 1 {
                        around.push((
                            label_text(row),
                            row.first().map(|c| c.loc.clone()).unwrap_or_default(),
                        ));
                    }
                }
            }
        }
    }
    if m_only {
        for li in first_line..ex.lines.len() {
            if ex.lines[li].uom.as_deref() == Some("MTR") && !ex.lines[li].breaks.is_empty() {
                let loc = ex.lines[li].provenance.get("uom").cloned();
                ex.diagnostics.push(super::model::Diagnostic {
                    code: "price.basis_suspect".into(),
                    severity: Severity::Warning,
                    message: "unit 'M' may be metres or the price per 1000 pieces (/M): read \
                              as per metre; check the price basis"
                        .into(),
                    location: loc,
                    line_index: Some(li),
                });
            }
        }
    }
    let before = header_fields(ex);
    text::scan_header(&around, ctx.style, ex);
    if !unmapped.is_empty() && header_fields(ex) == before && added > 0 {
        ex.diag(
            "table.unmapped_column",
            Severity::Info,
            format!("column(s) not read as any field: {}", unmapped.join(", ")),
            grid.rows
                .get(hrow)
                .and_then(|r| r.first())
                .map(|c| c.loc.clone()),
        );
    }
    added
}

/// Joins a row that continues the price cell of the row above (`$41.50 per` over
/// `1000 pcs`, `12,30 €` over `je 100 Stk`) into that row: the continuation has no part
/// number, its filled cells sit in description, unit or price columns, and its price
/// cell is a basis (`1000 pcs`, `per 1,000`, `/M`). The other filled cells (a wrapped description) are appended to their column.
fn join_wrapped_price_rows(rows: &[Vec<Cell>], roles: &[Option<ColumnRole>]) -> Vec<Vec<Cell>> {
    let is_price = |i: usize| {
        matches!(
            roles.get(i),
            Some(Some(ColumnRole::UnitPrice | ColumnRole::BreakPrice(_)))
        )
    };
    let basis_text = |t: &str| {
        let t = t.trim();
        let (_, _, rest) = super::number::strip_currency(t);
        let rest = rest.trim();
        rest.chars().any(char::is_alphabetic)
            && (parse_price_basis(rest).is_some_and(|b| b > Decimal::ONE)
                || super::units::basis_phrase(&format!("per {rest}"), true)
                    .is_some_and(|b| b.1 == 0 && b.0 > Decimal::ONE))
    };
    let mut out: Vec<Vec<Cell>> = Vec::with_capacity(rows.len());
    for row in rows {
        let filled: Vec<usize> = row
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.text.trim().is_empty())
            .map(|(i, _)| i)
            .collect();
        let joins = out.last().is_some_and(|prev: &Vec<Cell>| {
            !filled.is_empty()
                && !is_total_row(row)
                && filled.iter().all(|&i| {
                    matches!(
                        roles.get(i),
                        Some(Some(
                            ColumnRole::Description
                                | ColumnRole::UnitPrice
                                | ColumnRole::BreakPrice(_)
                                | ColumnRole::Uom
                                | ColumnRole::PriceBasis
                        ))
                    )
                })
                && filled.iter().any(|&i| is_price(i))
                && filled.iter().filter(|&&i| is_price(i)).all(|&i| {
                    let here = row[i].text.trim();
                    let above = prev.get(i).map_or("", |c| c.text.trim());
                    !above.is_empty() && basis_text(here)
                })
        });
        if joins {
            if let Some(prev) = out.last_mut() {
                for &i in &filled {
                    if prev.len() <= i {
                        prev.resize(i + 1, Cell::default());
                    }
                    let t = row[i].text.trim();
                    let cell = &mut prev[i];
                    if cell.text.trim().is_empty() {
                        cell.text = t.to_string();
                        cell.loc = row[i].loc.clone();
                    } else {
                        cell.text = format!("{} {t}", cell.text.trim_end());
                        cell.number = None;
                    }
                }
                continue;
            }
        }
        out.push(row.clone());
    }
    out
}

/// `Qty 1 | Price 1 | Qty 2 | Price 2 …` (RFQ response templates): the quantity of each
/// break is a column of its own, paired with the price column of the same number. Returns
/// the (quantity column, price column) pairs, in column order.
fn indexed_pairs(header: &[String]) -> Vec<(usize, usize)> {
    // A header ending in a small index: `Qty 1`, `Price_2`, `Unit price (3)`, `Qty1`.
    let indexed = |h: &str| -> Option<(ColumnRole, u32)> {
        let t = h.trim().trim_end_matches(')').trim_end();
        let digits = t.len() - t.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        if digits == 0 || digits > 2 {
            return None;
        }
        let k: u32 = t[t.len() - digits..].parse().ok()?;
        let rest = t[..t.len() - digits].trim_end_matches(['(', '_', '-', '#', ' ', '.']);
        if rest.is_empty() || !(1..=20).contains(&k) {
            return None;
        }
        match classify_header(rest).map(|x| x.0)? {
            r @ (ColumnRole::Quantity | ColumnRole::Moq) => Some((
                if r == ColumnRole::Moq {
                    ColumnRole::Quantity
                } else {
                    r
                },
                k,
            )),
            r @ ColumnRole::UnitPrice => Some((r, k)),
            _ => None,
        }
    };
    let cols: Vec<Option<(ColumnRole, u32)>> = header.iter().map(|h| indexed(h)).collect();
    let mut pairs = Vec::new();
    for (qi, c) in cols.iter().enumerate() {
        if let Some((ColumnRole::Quantity, k)) = c {
            if let Some(pi) = cols
                .iter()
                .position(|p| *p == Some((ColumnRole::UnitPrice, *k)))
            {
                pairs.push((qi, pi));
            }
        }
    }
    pairs
}

/// Two part-number columns, one named for the customer ("Customer Item", "Nr katalogowy
/// klienta", "Ref. cliente", "Ihre Sachnummer") and one for the supplier ("Vendor Item",
/// "Indeks", "Unsere Art.-Nr."): the customer's is the part number, the other the
/// supplier's own, whatever their order.
fn whose_part_numbers(header: &[String], roles: &mut [Option<ColumnRole>]) {
    const CUSTOMER: &[&str] = &[
        "customer",
        "cust",
        "client",
        "klienta",
        "kunde",
        "kunden",
        "cliente",
        "klant",
        "your",
        "ihre",
        "ihr",
        "votre",
        "vostro",
        "vs",
        "su",
        "buyer",
        "kund",
        "kunden",
        "klant",
        "kundens",
        "asiakkaan",
        "zákazníka",
        "客户",
        "貴社",
        "顧客",
    ];
    let is_part = |r: &Option<ColumnRole>| {
        matches!(r, Some(ColumnRole::PartNumber | ColumnRole::SupplierPart))
    };
    let customer: Vec<usize> = header
        .iter()
        .enumerate()
        .filter(|(i, h)| {
            roles.get(*i).is_some_and(is_part) && {
                let n = norm_header(h);
                CUSTOMER
                    .iter()
                    .any(|w| contains_words(&n, w) || (!w.is_ascii() && n.contains(w)))
            }
        })
        .map(|(i, _)| i)
        .collect();
    let [c] = customer.as_slice() else {
        return;
    };
    for (i, r) in roles.iter_mut().enumerate() {
        if i == *c {
            *r = Some(ColumnRole::PartNumber);
        } else if *r == Some(ColumnRole::PartNumber) {
            *r = Some(ColumnRole::SupplierPart);
        }
    }
}

/// The first row from `from` on (within three) with any text: the row a header's values
/// are in.
fn first_filled(grid: &Grid, from: usize) -> Option<&[Cell]> {
    grid.rows
        .iter()
        .skip(from)
        .take(3)
        .find(|r| !is_blank(r))
        .map(Vec::as_slice)
}

/// How many header fields are set (to see whether a scan added any).
fn header_fields(ex: &Extraction) -> usize {
    [
        ex.supplier.is_some(),
        ex.quote_ref.is_some(),
        ex.quote_date.is_some(),
        ex.currency.is_some(),
        ex.valid_until.is_some() || ex.validity_days.is_some(),
        ex.payment_terms.is_some(),
        ex.incoterm.is_some(),
        ex.freight.is_some(),
    ]
    .iter()
    .filter(|x| **x)
    .count()
}

/// True when column `col` below the header holds price bases rather than units: `C` /
/// `M` / `100` / `1000` next to `EA`, or values that say it (`per 1000`, `1000 pcs`,
/// `/M`, `%`).
fn column_holds_basis(grid: &Grid, from: usize, col: usize, header: &str) -> bool {
    let h = header.to_lowercase();
    let mut basis = false;
    let mut per_one = false;
    let mut c = false;
    let mut said = false;
    for row in grid.rows.iter().skip(from).take(500) {
        let raw = cell_text(row, col).trim();
        let v = raw
            .trim_start_matches('/')
            .trim_end_matches('.')
            .to_lowercase();
        match v.as_str() {
            "" => {}
            "c" | "per c" | "/c" | "100" | "per 100" | "%" => {
                basis = true;
                c = true;
                said |= v.len() > 3 || v == "%";
            }
            "m" | "mil" | "1000" | "per m" | "per 1000" | "k" | "1.000" | "1,000" | "‰" => {
                basis = true;
                said |= v.len() > 4 || v == "‰";
            }
            "ea" | "e" | "each" | "pc" | "pcs" | "1" | "st" | "stk" => per_one = true,
            _ if !raw.contains(|c: char| c.is_alphabetic() || matches!(c, '%' | '‰' | '/')) => {
                // A bare number other than 100 / 1000 is a price or a quantity.
                return false;
            }
            _ => {
                // `1000 pcs`, `per 1,000`, `EUR/1000 PZ`, `USD/%`.
                let (_, _, rest) = super::number::strip_currency(raw);
                match parse_price_basis(rest).or_else(|| {
                    super::units::basis_phrase(&format!("per {rest}"), true)
                        .filter(|b| b.1 == 0)
                        .map(|b| b.0)
                }) {
                    Some(b) if b > Decimal::ONE => {
                        basis = true;
                        said = true;
                    }
                    Some(_) => per_one = true,
                    None => return false,
                }
            }
        }
    }
    basis
        && (said || c || per_one || h.contains("price") || h.contains("per") || h.contains("preis"))
}

/// A row that is a one-time charge (its part or description names tooling, NRE, a mould,
/// a stencil, programming, setup…): the charge, its amount from the line total or the
/// price (times the quantity when one is printed).
fn charge_row(line: &QuoteLine) -> Option<Tooling> {
    if line.no_bid || line.breaks.len() > 1 {
        return None;
    }
    let label = [line.part_number.as_deref(), line.description.as_deref()]
        .into_iter()
        .flatten()
        .find(|t| super::notes::names_charge(t))?;
    let price = line
        .breaks
        .first()
        .and_then(|b| b.unit_price.checked_mul(line.price_basis_qty));
    let amount = line.line_total.or_else(|| {
        let q = line
            .quantity
            .filter(|q| *q > Decimal::ONE)
            .unwrap_or(Decimal::ONE);
        price.and_then(|p| p.checked_mul(q))
    })?;
    (amount > Decimal::ZERO).then(|| Tooling {
        description: label.trim().to_string(),
        amount: amount.normalize(),
    })
}

/// Puts a one-time charge on the line it is for: the line whose part number the charge
/// names, else the line right above a charge row that has no part number of its own, else
/// the quote as a whole.
pub(crate) fn attach_charge(
    ex: &mut Extraction,
    charge: Tooling,
    from: &QuoteLine,
    above: Option<usize>,
) {
    let text = format!(
        "{} {}",
        from.part_number.as_deref().unwrap_or(""),
        from.description.as_deref().unwrap_or("")
    );
    let named = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')'))
        .filter(|w| text::is_part_like(w))
        .map(super::rfq::norm_part)
        .find_map(|w| {
            ex.lines.iter().position(|l| {
                [l.part_number.as_deref(), l.supplier_part.as_deref()]
                    .into_iter()
                    .flatten()
                    .any(|p| super::rfq::norm_part(p) == w)
            })
        });
    let own_part = from
        .part_number
        .as_deref()
        .is_some_and(|p| !super::notes::names_charge(p));
    let target = named.or(if own_part { None } else { above });
    let loc = from
        .provenance
        .get("line_total")
        .or_else(|| from.provenance.get("breaks[0].unit_price"))
        .cloned();
    match target.and_then(|i| ex.lines.get_mut(i)) {
        Some(l) => {
            if let Some(loc) = loc {
                l.provenance
                    .insert(format!("tooling[{}].amount", l.tooling.len()), loc);
            }
            l.tooling.push(charge);
        }
        None => {
            if let Some(loc) = loc {
                ex.provenance
                    .insert(format!("tooling[{}].amount", ex.tooling.len()), loc);
            }
            ex.tooling.push(charge);
        }
    }
}

/// Splits the columns into one segment per supplier column group, when the row above the
/// header labels groups that each hold price columns; otherwise one segment.
fn segments(
    grid: &Grid,
    hrow: usize,
    roles: &[Option<ColumnRole>],
) -> Vec<(Option<String>, Vec<Option<ColumnRole>>)> {
    let single = vec![(None, roles.to_vec())];
    let Some(above) = hrow.checked_sub(1).and_then(|i| grid.rows.get(i)) else {
        return single;
    };
    let mut starts: Vec<(usize, String)> = above
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.text.trim().is_empty())
        .map(|(i, c)| (i, c.text.trim().to_string()))
        .collect();
    // A merged label is filled into every cell it spans: one group, not many.
    starts.dedup_by(|b, a| a.1 == b.1);
    if starts.len() < 2 {
        return single;
    }
    let price_cols = |a: usize, b: usize| {
        roles[a.min(roles.len())..b.min(roles.len())]
            .iter()
            .any(|r| matches!(r, Some(ColumnRole::UnitPrice | ColumnRole::BreakPrice(_))))
    };
    let mut groups = Vec::new();
    for (k, (start, label)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(roles.len(), |s| s.0);
        groups.push((*start, end, label.clone()));
    }
    let first_start = groups.first().map_or(0, |g| g.0);
    let global_end = if first_start == 0 || groups[0].2.to_lowercase().contains("global") {
        groups[0].1
    } else {
        first_start
    };
    let priced: Vec<&(usize, usize, String)> = groups
        .iter()
        .filter(|g| g.0 >= global_end && price_cols(g.0, g.1))
        .collect();
    if priced.is_empty() {
        return single;
    }
    // Columns of the global section apart from its own price columns are shared.
    let shared: Vec<Option<ColumnRole>> = roles
        .iter()
        .enumerate()
        .map(|(i, r)| {
            if i < global_end
                && !matches!(
                    r,
                    Some(
                        ColumnRole::UnitPrice
                            | ColumnRole::LineTotal
                            | ColumnRole::BreakPrice(_)
                            | ColumnRole::SupplierPart
                            | ColumnRole::Moq
                            | ColumnRole::OrderMultiple
                    )
                )
            {
                *r
            } else {
                None
            }
        })
        .collect();
    priced
        .into_iter()
        .map(|(a, b, label)| {
            let mut seg = shared.clone();
            for i in *a..(*b).min(roles.len()) {
                // Inside a group the first part-number-like column is the distributor's own.
                seg[i] = match roles[i] {
                    Some(ColumnRole::PartNumber) => Some(ColumnRole::SupplierPart),
                    Some(ColumnRole::Quantity) => None,
                    r => r,
                };
            }
            (Some(label.clone()), seg)
        })
        .collect()
}

/// "Amount" next to a "Total" and no quantity column is the quantity (a common rendering
/// of German "Menge").
fn amount_as_quantity(header: &[String], roles: &mut [Option<ColumnRole>]) {
    let totals = roles
        .iter()
        .filter(|r| **r == Some(ColumnRole::LineTotal))
        .count();
    if totals < 2 || roles.contains(&Some(ColumnRole::Quantity)) {
        return;
    }
    if let Some(i) = header.iter().position(|h| norm_header(h) == "amount") {
        if roles.get(i) == Some(&Some(ColumnRole::LineTotal)) {
            roles[i] = Some(ColumnRole::Quantity);
        }
    }
}

/// A bare currency symbol in a header such as `Unit$` or `Preis €`.
fn symbol_currency(h: &str) -> Option<Currency> {
    let code = if h.contains('€') {
        "EUR"
    } else if h.contains('£') {
        "GBP"
    } else if h.contains('$') {
        "USD"
    } else {
        return None;
    };
    Currency::from_code(code).ok()
}

fn basis_in_header(h: &str) -> Option<Decimal> {
    if let Some((b, _)) = super::units::basis_phrase(h, true) {
        return Some(b);
    }
    if let Some(b) = trade_sign_basis(h) {
        return Some(b);
    }
    let l = h.to_lowercase();
    for key in [
        "per ", "/", "je ", "pro ", "par ", "por ", "ogni ", "à ", "za ", "pr. ", "pr ", "för ",
    ] {
        if let Some(i) = l.rfind(key) {
            let rest = l[i + key.len()..].trim().trim_end_matches(')');
            if let Some(b) = parse_price_basis(rest) {
                return Some(b);
            }
        }
    }
    None
}

/// A price header that counts in cents: `Preis (ct)`, `Preis in Cent/Stk`, `Price (cents)`,
/// `¢`.
fn cents_header(h: &str) -> bool {
    if h.contains('¢') {
        return true;
    }
    let n = norm_header(h);
    n.split(' ').any(|w| {
        matches!(
            w,
            "ct" | "cent" | "cents" | "centavos" | "céntimos" | "centesimi"
        )
    })
}

/// `Preis %` / `Preis ‰` (German trade usage: per hundred / per thousand pieces) in a
/// price header that is not a discount, surcharge or tax column.
fn trade_sign_basis(h: &str) -> Option<Decimal> {
    let t = h.trim().trim_end_matches(')').trim();
    let b = if t.ends_with('‰') {
        Decimal::from(1000)
    } else if t.ends_with('%') {
        Decimal::from(100)
    } else {
        return None;
    };
    let l = t.to_lowercase();
    let priced = [
        "preis", "price", "prix", "prezzo", "precio", "prijs", "cena", "pris",
    ]
    .iter()
    .any(|k| l.contains(k));
    let other = [
        "rabatt",
        "discount",
        "sconto",
        "descuento",
        "korting",
        "remise",
        "rabat",
        "skonto",
        "marge",
        "margin",
        "tax",
        "mwst",
        "vat",
        "iva",
        "tva",
        "steuer",
        "zuschlag",
        "surcharge",
        "änderung",
        "change",
        "diff",
        "abw",
        "upl",
        "aufschlag",
        "anteil",
        "share",
    ]
    .iter()
    .any(|k| l.contains(k));
    (priced && !other).then_some(b)
}

fn row_text(row: &[Cell]) -> String {
    row.iter()
        .map(|c| c.text.trim())
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A row's text for the header scanner: a label cell and its value cell
/// (`Lieferant | Schwarzwälder Federnfabrik GmbH`, `Oferta nº | OF-2025-0156`) read as
/// `label: value`, so a form laid out in two columns reads like a labelled line; other
/// rows as [`row_text`].
fn label_text(row: &[Cell]) -> String {
    let filled: Vec<&str> = row
        .iter()
        .map(|c| c.text.trim())
        .filter(|t| !t.is_empty())
        .collect();
    let label = filled.first().copied().unwrap_or("");
    let is_label = filled.len() >= 2
        && filled.len() <= 3
        && label.chars().count() <= 40
        && label.split_whitespace().count() <= 5
        && label.chars().any(char::is_alphabetic)
        && !label.chars().any(|c| c.is_ascii_digit())
        && !label.ends_with([':', '：']);
    if is_label {
        format!("{label}: {}", filled[1..].join(" "))
    } else {
        row_text(row)
    }
}

fn role_cell<'a>(
    row: &'a [Cell],
    roles: &[Option<ColumnRole>],
    role: ColumnRole,
) -> Option<&'a Cell> {
    roles
        .iter()
        .position(|r| *r == Some(role))
        .and_then(|i| row.get(i))
}

enum RowOutcome {
    Line(Box<QuoteLine>),
    Text,
}

fn nonempty(c: Option<&Cell>) -> Option<&Cell> {
    c.filter(|c| !c.text.trim().is_empty())
}

/// What a table's columns mean, for reading its rows.
struct Columns<'a> {
    roles: &'a [Option<ColumnRole>],
    header: &'a [String],
    /// Per column, a price basis its header states (`USD/1000pcs`).
    header_basis: &'a [Option<Decimal>],
    /// (quantity column, price column) pairs: `Qty 1 | Price 1 | Qty 2 | Price 2`.
    pairs: &'a [(usize, usize)],
}

fn read_row(
    row: &[Cell],
    cols: &Columns<'_>,
    header_cur: Option<Currency>,
    ctx: &TableContext<'_>,
    ex: &mut Extraction,
) -> RowOutcome {
    let (roles, header, header_basis) = (cols.roles, cols.header, cols.header_basis);
    let style = ctx.style;
    let mut line = QuoteLine {
        price_basis_qty: Decimal::ONE,
        ..Default::default()
    };
    let mut confidence: i32 = 100;
    let get = |role: ColumnRole| nonempty(role_cell(row, roles, role));
    let text_of = |role: ColumnRole| get(role).map(|c| (c.text.trim().to_string(), c.loc.clone()));
    let set = |line: &mut QuoteLine, field: &str, loc: &Location| {
        line.provenance.insert(field.to_string(), loc.clone());
    };
    // A sentence in the part column ("GSK-0077: no quote, elastomers are outside our
    // range") is a note about a part, not a part number: its first part-like word is the
    // part, the rest is read as a remark below.
    let mut part_note: Option<(String, Location)> = None;
    if let Some((t, loc)) = text_of(ColumnRole::PartNumber) {
        match split_part_note(&t) {
            Some((part, note)) => {
                line.part_number = Some(part);
                part_note = Some((note, loc.clone()));
            }
            None => line.part_number = Some(t),
        }
        set(&mut line, "part_number", &loc);
    }
    if let Some((t, loc)) = text_of(ColumnRole::SupplierPart).filter(|(t, _)| !is_placeholder(t)) {
        line.supplier_part = Some(t);
        set(&mut line, "supplier_part", &loc);
    }
    if let Some((t, loc)) = text_of(ColumnRole::Manufacturer) {
        line.manufacturer = Some(t);
        set(&mut line, "manufacturer", &loc);
    }
    if let Some((t, loc)) = text_of(ColumnRole::Revision).filter(|(t, _)| !is_placeholder(t)) {
        line.revision = Some(t);
        set(&mut line, "revision", &loc);
    }
    if let Some((t, loc)) = text_of(ColumnRole::Description) {
        line.description = Some(t);
        set(&mut line, "description", &loc);
    }
    if let Some((t, loc)) = text_of(ColumnRole::Uom) {
        match uom_code(&t) {
            Some(code) => {
                line.uom = Some(code.to_string());
                set(&mut line, "uom", &loc);
            }
            None => {
                // A uom column holding a basis (`/100`, `per 1000 pcs`, `USD/1000pcs`).
                let (cur, _, rest) = super::number::strip_currency(&t);
                let bt = if cur.is_some() {
                    rest.trim_start_matches('/').trim()
                } else {
                    t.as_str()
                };
                if let Some(b) = parse_price_basis(bt).filter(|b| *b >= Decimal::ONE) {
                    if b == Decimal::ONE {
                        // `USD/pc`: per one piece.
                        line.uom = Some("H87".into());
                        set(&mut line, "uom", &loc);
                    }
                    if b > Decimal::ONE {
                        line.price_basis_qty = b;
                        set(&mut line, "price_basis_qty", &loc);
                        if crate::extract::text::mentions_pieces(&bt.to_lowercase()) {
                            line.uom = Some("H87".into());
                        }
                    }
                } else {
                    ex.diag(
                        "line.unknown_uom",
                        Severity::Info,
                        format!("unit of measure '{t}' is not a UN/ECE Rec 20 unit"),
                        Some(loc),
                    );
                }
            }
        }
    }
    if let Some((t, loc)) = text_of(ColumnRole::PriceBasis) {
        // `EUR/1000 PZ`, `USD per 100`: the currency is said again before the basis.
        let (cur, _, rest) = super::number::strip_currency(&t);
        let t = if cur.is_some() {
            rest.trim_start_matches('/').trim().to_string()
        } else {
            t
        };
        match parse_price_basis(&t).or_else(|| parse_quantity(&t, style)) {
            Some(b) if b > Decimal::ZERO => {
                line.price_basis_qty = b;
                set(&mut line, "price_basis_qty", &loc);
                // `USD/1000pcs`: the basis is counted in pieces.
                if line.uom.is_none() && crate::extract::text::mentions_pieces(&t.to_lowercase()) {
                    line.uom = Some("H87".into());
                    set(&mut line, "uom", &loc);
                }
            }
            _ => {
                ex.diag(
                    "line.bad_price_basis",
                    Severity::Warning,
                    format!("price basis '{t}' not understood; assumed per 1"),
                    Some(loc.clone()),
                );
                // The prices of this row are then flagged (`flag_unbound_basis`).
                if ex.basis_unread.len() < 500 {
                    ex.basis_unread.push((t.clone(), loc));
                }
            }
        }
    }
    let mut currency = header_cur;
    if let Some((t, _)) = text_of(ColumnRole::Currency) {
        currency = Currency::from_code(&t)
            .ok()
            .or_else(|| text::currency_in(&t))
            .or(currency);
    }
    let mut qty =
        get(ColumnRole::Quantity).and_then(|c| qty_of(c, style).map(|q| (q, c.loc.clone())));
    // `20 Stk`, `3 m²`, `5 kg`, `1 000 szt.`: quantity with its unit.
    if let Some(c) = get(ColumnRole::Quantity) {
        let t = c.text.trim();
        let cut = t
            .char_indices()
            .rfind(|(_, ch)| ch.is_ascii_digit())
            .map_or(0, |(i, _)| i + 1);
        if let Some((n, u)) = (cut > 0 && cut < t.len()).then(|| t.split_at(cut)) {
            let u = u.trim();
            let code = uom_code(u).or_else(|| uom_code(u.trim_end_matches('.')));
            if let Some(code) = code.filter(|_| !u.is_empty()) {
                if qty.is_none() {
                    qty = parse_quantity(n, style)
                        .filter(|q| *q > Decimal::ZERO)
                        .map(|q| (q, c.loc.clone()));
                }
                if line.uom.is_none() && qty.is_some() {
                    line.uom = Some(code.to_string());
                    set(&mut line, "uom", &c.loc);
                }
            }
        }
    }
    // The quantity is a printed line quantity only next to a line total (an invoice, a
    // priced BOM); in a quote table it is the break's minimum quantity.
    let priced_without_total = !roles.contains(&Some(ColumnRole::LineTotal))
        && roles
            .iter()
            .any(|r| matches!(r, Some(ColumnRole::UnitPrice | ColumnRole::BreakPrice(_))));
    if let Some((q, loc)) = qty.as_ref().filter(|_| !priced_without_total) {
        line.quantity = Some(*q);
        set(&mut line, "quantity", loc);
    }
    let mut qty_cell_unreadable = false;
    if let (None, Some(c)) = (&qty, get(ColumnRole::Quantity)) {
        qty_cell_unreadable = !c.text.trim().is_empty();
    }
    let _ = qty_cell_unreadable;
    if let Some(c) = get(ColumnRole::Moq) {
        if let Some(q) = qty_of(c, style) {
            line.moq = Some(q);
            set(&mut line, "moq", &c.loc);
        }
    }
    if let Some(c) = get(ColumnRole::OrderMultiple) {
        if let Some(q) = qty_of(c, style) {
            line.order_multiple = Some(q);
            set(&mut line, "order_multiple", &c.loc);
        }
    }
    // A lead-time column headed in days ("Lead Time (days)", "Lieferzeit (Tage)") gives
    // its bare numbers that unit.
    let days_header = roles
        .iter()
        .position(|r| *r == Some(ColumnRole::LeadTime))
        .and_then(|i| header.get(i))
        .is_some_and(|h| {
            let l = h.to_lowercase();
            [
                "day", "tage", "jour", "giorn", "día", "dia", "dagen", "天", "gg",
            ]
            .iter()
            .any(|k| l.contains(k))
        });
    for (role, unit) in [
        (ColumnRole::LeadTime, days_header.then_some(1)),
        (ColumnRole::LeadTimeWeeks, Some(7)),
    ] {
        if let Some(c) = get(role) {
            if let Some(lt) = parse_lead_time(&c.text, unit) {
                line.lead_time_days = Some(lt.max_days);
                set(&mut line, "lead_time_days", &c.loc);
            }
        }
    }
    // Tooling columns.
    for (i, r) in roles.iter().enumerate() {
        if *r == Some(ColumnRole::Tooling) {
            if let Some(c) = nonempty(row.get(i)) {
                if let Some(m) = money_of(c, style).filter(|m| m.amount > Decimal::ZERO) {
                    let k = line.tooling.len();
                    line.tooling.push(Tooling {
                        description: header.get(i).cloned().unwrap_or_else(|| "tooling".into()),
                        amount: m.amount,
                    });
                    set(&mut line, &format!("tooling[{k}].amount"), &c.loc);
                }
            }
        }
    }
    // Remarks: no-bid, alternates.
    let mut remark_texts: Vec<(String, Location)> = Vec::new();
    for role in [ColumnRole::Remarks, ColumnRole::Alternate] {
        if let Some((t, loc)) = text_of(role) {
            remark_texts.push((t, loc));
        }
    }
    remark_texts.extend(part_note);
    if let Some((t, loc)) = text_of(ColumnRole::Alternate) {
        if !t.is_empty() && !matches!(t.to_lowercase().as_str(), "no" | "n" | "-" | "none" | "n/a")
        {
            line.alternate = Some(t);
            set(&mut line, "alternate", &loc);
        }
    }
    for (t, loc) in &remark_texts {
        if let Some(tl) = super::notes::charge_in(t, style) {
            let k = line.tooling.len();
            line.tooling.push(tl);
            set(&mut line, &format!("tooling[{k}].amount"), loc);
            continue;
        }
        if let Some(reason) = no_bid_reason(t) {
            line.no_bid = true;
            line.no_bid_reason = Some(reason);
            set(&mut line, "no_bid", loc);
        } else if line.alternate.is_none() {
            if let Some(a) = alternate_note(t) {
                line.alternate = Some(a);
                set(&mut line, "alternate", loc);
            }
        }
        if line.lead_time_days.is_none() {
            if let Some(lt) = parse_lead_time(t, None) {
                line.lead_time_days = Some(lt.max_days);
                set(&mut line, "lead_time_days", loc);
            }
        }
    }
    // Prices.
    let mut ambiguous = false;
    let mut add_price =
        |line: &mut QuoteLine, c: &Cell, min_qty: Decimal, col: usize, ex: &mut Extraction| {
            if c.formula_without_value {
                if c.formula_breaks.is_empty() {
                    ex.diag(
                        "cell.formula_no_value",
                        Severity::Warning,
                        format!(
                            "formula without a cached value: {}",
                            c.formula.as_deref().unwrap_or("?")
                        ),
                        Some(c.loc.clone()),
                    );
                } else {
                    ex.diag(
                        "cell.formula_no_value",
                        Severity::Info,
                        "formula without a cached value; price breaks read from its LOOKUP table",
                        Some(c.loc.clone()),
                    );
                    for (q, p) in &c.formula_breaks {
                        let k = line.breaks.len();
                        line.breaks.push(PriceBreak {
                            min_qty: *q,
                            unit_price: *p,
                        });
                        line.provenance
                            .insert(format!("breaks[{k}].unit_price"), c.loc.clone());
                    }
                }
                return;
            }
            let t = c.text.trim();
            if t.is_empty() && c.number.is_none() {
                return;
            }
            let Some(m) = money_of(c, style) else {
                if let Some(reason) = no_bid_reason(t) {
                    line.no_bid = true;
                    line.no_bid_reason = Some(reason);
                    line.provenance.insert("no_bid".into(), c.loc.clone());
                } else if !matches!(t, "-" | "—" | "n/a" | "N/A" | "NA") {
                    ex.diag(
                        "line.bad_price",
                        Severity::Warning,
                        format!("'{t}' is not a price"),
                        Some(c.loc.clone()),
                    );
                }
                return;
            };
            if m.amount <= Decimal::ZERO {
                return;
            }
            if c.number.is_none() && style == DecimalStyle::Unknown {
                if let Some(mark) = super::number::number_mark(t) {
                    ex.price_marks.push((mark, c.loc.clone()));
                }
            }
            // A price per ring / reel / VE whose count nothing states: read per 1, flagged.
            if m.basis.is_none()
                && header_basis.get(col).copied().flatten().is_none()
                && (super::units::per_container(&c.text)
                    || header
                        .get(col)
                        .is_some_and(|h| super::units::per_container(h)))
                && ex.basis_unread.len() < 500
            {
                ex.basis_unread
                    .push((c.text.trim().to_string(), c.loc.clone()));
            }
            let basis = m
                .basis
                .or(header_basis.get(col).copied().flatten())
                .unwrap_or(line.price_basis_qty);
            if basis != line.price_basis_qty && m.basis.is_some()
                || header_basis.get(col).copied().flatten().is_some()
            {
                line.price_basis_qty = basis;
            }
            if let Some(cur) = m.currency {
                currency = Some(cur);
                ambiguous |= m.ambiguous_currency;
            }
            // A header that prices in cents (`Preis (ct)`, `Price (cents)`, `¢ each`).
            let amount = if m.currency.is_none() && header.get(col).is_some_and(|h| cents_header(h))
            {
                (m.amount / Decimal::ONE_HUNDRED).normalize()
            } else {
                m.amount
            };
            if let Some(up) = unit_price(amount, basis) {
                let k = line.breaks.len();
                line.breaks.push(PriceBreak {
                    min_qty,
                    unit_price: up,
                });
                line.provenance
                    .insert(format!("breaks[{k}].unit_price"), c.loc.clone());
            }
        };
    for (i, r) in roles.iter().enumerate() {
        match r {
            Some(ColumnRole::UnitPrice) => {
                // `250   12,30 €` under `Qté / Prix unitaire`: read as quantity and
                // price below, never as a price of 250.
                if let Some(c) = row.get(i).filter(|c| {
                    c.number.is_some()
                        || qty_price_pairs(&c.text, style).is_empty()
                        || qty.is_some() && space_grouped(&c.text, qty.as_ref().map(|q| q.0))
                }) {
                    let min = qty.as_ref().map_or(Decimal::ONE, |q| q.0);
                    add_price(&mut line, c, min, i, ex);
                }
            }
            Some(ColumnRole::BreakPrice(q)) => {
                if let Some(c) = row.get(i) {
                    add_price(&mut line, c, *q, i, ex);
                }
            }
            _ => {}
        }
    }
    for (qi, pi) in cols.pairs {
        let q = nonempty(row.get(*qi)).and_then(|c| qty_of(c, style));
        if let (Some(q), Some(c)) = (q, row.get(*pi)) {
            add_price(&mut line, c, q, *pi, ex);
        }
    }
    // Prices under a per-unit label ("Unit price", "Stückpreis", "Precio unitario").
    if !line.breaks.is_empty()
        && roles.iter().enumerate().any(|(i, r)| {
            matches!(r, Some(ColumnRole::UnitPrice | ColumnRole::BreakPrice(_)))
                && header.get(i).is_some_and(|h| unit_labelled(h))
        })
    {
        line.price_source = super::model::PriceSource::UnitLabelled;
    }
    // `250 12,30 €`: quantity and price in one cell (of the quantity or the price column).
    if line.breaks.is_empty() {
        for role in [ColumnRole::Quantity, ColumnRole::UnitPrice] {
            if let Some(c) = get(role) {
                let pairs = qty_price_pairs(&c.text, style);
                if pairs.is_empty() {
                    continue;
                }
                for (q, m) in &pairs {
                    let basis = m.basis.unwrap_or(line.price_basis_qty);
                    if let Some(up) = unit_price(m.amount, basis).filter(|up| *up > Decimal::ZERO) {
                        line.price_basis_qty = basis;
                        let k = line.breaks.len();
                        line.breaks.push(PriceBreak {
                            min_qty: *q,
                            unit_price: up,
                        });
                        line.provenance
                            .insert(format!("breaks[{k}].unit_price"), c.loc.clone());
                        if let Some(cur) = m.currency {
                            currency = Some(cur);
                            ambiguous |= m.ambiguous_currency;
                        }
                    }
                }
                if role == ColumnRole::Quantity {
                    line.quantity = None;
                    line.provenance.remove("quantity");
                    qty = pairs.first().map(|p| (p.0, c.loc.clone()));
                } else if qty.is_none() {
                    // The cell's own quantity ties a row without a part to the one above.
                    qty = pairs.first().map(|p| (p.0, c.loc.clone()));
                }
                break;
            }
        }
    }
    line.breaks.sort_by_key(|b| b.min_qty);
    if let Some(c) = get(ColumnRole::LineTotal) {
        if let Some(m) = money_of(c, style).filter(|m| !m.amount.is_zero()) {
            line.line_total = Some(m.amount);
            set(&mut line, "line_total", &c.loc);
            if currency.is_none() {
                currency = m.currency;
            }
        }
    }
    // Unit price missing but total and quantity given (invoice-like).
    if line.breaks.is_empty() && !roles.contains(&Some(ColumnRole::UnitPrice)) {
        if let (Some(t), Some((q, _))) = (line.line_total, &qty) {
            if *q > Decimal::ZERO {
                if let Some(up) = t.checked_div(*q) {
                    line.breaks.push(PriceBreak {
                        min_qty: *q,
                        unit_price: up.normalize(),
                    });
                    confidence -= 15;
                }
            }
        }
    }
    // Any cell mentioning no-bid when there is no price.
    if line.breaks.is_empty() && !line.no_bid {
        for c in row {
            if let Some(r) = no_bid_reason(&c.text) {
                line.no_bid = true;
                line.no_bid_reason = Some(r);
                line.provenance.insert("no_bid".into(), c.loc.clone());
                break;
            }
        }
    }
    // A sentence in the part column with no price ("All other items: no quote.", "We
    // cannot quote the gasket.") is a remark for the notes pass, not a line.
    if line.breaks.is_empty() && line.description.is_none() {
        let ids: Vec<&str> = [line.part_number.as_deref(), line.supplier_part.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if let [p] = ids[..] {
            let words = p.split_whitespace().count();
            let cjk = p.chars().filter(|c| super::notes::is_cjk(*c)).count();
            let leads_with_part = p
                .split_whitespace()
                .next()
                .is_some_and(|w| text::is_part_like(w.trim_end_matches([':', ','])));
            let sentence = (words >= 4 || cjk >= 4) && !leads_with_part && qty.is_none();
            if sentence || super::notes::blanket_no_bid(p) {
                return RowOutcome::Text;
            }
        }
    }
    let has_id =
        line.part_number.is_some() || line.supplier_part.is_some() || line.description.is_some();
    let has_value = !line.breaks.is_empty()
        || line.no_bid
        || line.quantity.is_some()
        || line.lead_time_days.is_some();
    if !(has_id && has_value || line.breaks.len() == 1 && qty.is_some()) {
        // A row with only a price and nothing to tie it to, or a text row.
        if !line.breaks.is_empty() && qty.is_some() {
            return RowOutcome::Line(Box::new(line)); // a break row continuing the previous part
        }
        // A part in a priced table left without a price: a no-bid if the document
        // declines it somewhere (a sentence, "all other items: no quote").
        let priced_table = roles
            .iter()
            .any(|r| matches!(r, Some(ColumnRole::UnitPrice | ColumnRole::BreakPrice(_))));
        if priced_table
            && line.breaks.is_empty()
            && !line.no_bid
            && line.tooling.is_empty()
            && ex.unpriced.len() < 500
            && [line.part_number.as_deref(), line.supplier_part.as_deref()]
                .into_iter()
                .flatten()
                .any(|p| text::identifies_part(p) && p.split_whitespace().count() <= 2)
        {
            ex.unpriced.push(line);
        }
        return RowOutcome::Text;
    }
    // A part number that is really a text row ("Notes: ..."), or a remark naming no part
    // ("Note: lead time 4 weeks" in the part or description column): text for the notes
    // pass, never a line of its own.
    let words = |s: Option<&str>| s.map_or(0, |s| s.split_whitespace().count());
    if line.breaks.is_empty()
        && !line.no_bid
        && (words(line.part_number.as_deref()) > 6
            || line.quantity.is_none()
                && !line
                    .part_number
                    .as_deref()
                    .is_some_and(text::identifies_part)
                && !line
                    .supplier_part
                    .as_deref()
                    .is_some_and(text::identifies_part)
                && words(line.part_number.as_deref().or(line.description.as_deref())) >= 3)
    {
        return RowOutcome::Text;
    }
    if let Some(d) = line.description.clone() {
        if line.revision.is_none() {
            if let Some((rev, _)) = text::find_revision(&d) {
                line.revision = Some(rev);
                if let Some(l) = line.provenance.get("description").cloned() {
                    line.provenance.insert("revision".into(), l);
                }
            }
        }
    }
    if let (Some(q), Some(t), Some(b)) =
        (line.quantity, line.line_total, line.breaks.first().cloned())
    {
        if line.breaks.len() == 1 {
            if let Some(expect) = q.checked_mul(b.unit_price) {
                let diff = (expect - t).abs();
                let tol = (t.abs() * Decimal::new(5, 3)).max(Decimal::new(2, 2));
                // A price printed per 100 / per 1000 with no basis said: the total decides.
                let basis_fix = (diff > tol && line.price_basis_qty == Decimal::ONE)
                    .then(|| {
                        [Decimal::from(100), Decimal::from(1000)]
                            .into_iter()
                            .find(|bq| {
                                (b.unit_price / bq)
                                    .checked_mul(q)
                                    .is_some_and(|e| (e - t).abs() <= tol)
                            })
                    })
                    .flatten();
                if let Some(bq) = basis_fix {
                    for br in &mut line.breaks {
                        br.unit_price = (br.unit_price / bq).normalize();
                    }
                    line.price_basis_qty = bq;
                    if let Some(l) = line.provenance.get("line_total").cloned() {
                        line.provenance.insert("price_basis_qty".into(), l);
                    }
                    ex.diag(
                        "price.basis_from_total",
                        Severity::Info,
                        format!(
                            "quantity {q} × price {} = {t} only per {bq}: read as a price per {bq}",
                            b.unit_price
                        ),
                        line.provenance.get("line_total").cloned(),
                    );
                } else if diff > tol {
                    let loc = line.provenance.get("line_total").cloned();
                    ex.diag(
                        "line.total_mismatch",
                        Severity::Warning,
                        format!(
                            "line total {t} is not quantity {q} × unit price {} = {expect}",
                            b.unit_price
                        ),
                        loc,
                    );
                    if let Some(d) = ex.diagnostics.last_mut() {
                        d.line_index = Some(ex.lines.len());
                    }
                    confidence -= 20;
                }
            }
        }
    }
    if line.part_number.is_none() && line.supplier_part.is_none() {
        confidence -= 25;
    }
    // The supplier's article number is the only identifier: it is the part number the
    // buyer will read (and match on), at a lower confidence.
    if line.part_number.is_none() && !roles.contains(&Some(ColumnRole::PartNumber)) {
        if let Some(sp) = line.supplier_part.clone() {
            if let Some(l) = line.provenance.get("supplier_part").cloned() {
                line.provenance.insert("part_number".into(), l);
            }
            line.part_number = Some(sp);
            confidence -= 10;
        }
    }
    if line.breaks.is_empty() && !line.no_bid {
        confidence -= 20;
    }
    if ambiguous {
        confidence -= 5;
    }
    if currency != ex.currency && currency.is_some() {
        line.currency = currency;
    }
    if ex.currency.is_none() && currency.is_some() && !ambiguous {
        ex.currency = currency;
        ex.provenance
            .entry("currency".into())
            .or_insert_with(|| row.first().map(|c| c.loc.clone()).unwrap_or_default());
        line.currency = None;
    }
    let _ = parse_number;
    line.confidence = u8::try_from(confidence.clamp(0, 100)).unwrap_or(0);
    RowOutcome::Line(Box::new(line))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers() {
        let r = |s: &str| classify_header(s).map(|x| x.0);
        assert_eq!(r("Part No."), Some(ColumnRole::PartNumber));
        assert_eq!(r("Unit Price (USD)"), Some(ColumnRole::UnitPrice));
        assert_eq!(r("Unit$"), Some(ColumnRole::UnitPrice));
        assert_eq!(r("Ext$"), Some(ColumnRole::LineTotal));
        assert_eq!(
            r("2,000"),
            Some(ColumnRole::BreakPrice(Decimal::from(2000)))
        );
        assert_eq!(
            r("Qty 500"),
            Some(ColumnRole::BreakPrice(Decimal::from(500)))
        );
        assert_eq!(r("1k+"), Some(ColumnRole::BreakPrice(Decimal::from(1000))));
        assert_eq!(r("Lead time (weeks)"), Some(ColumnRole::LeadTimeWeeks));
        assert_eq!(r("Mfg Std Lead Time"), Some(ColumnRole::LeadTime));
        assert_eq!(r("Digi-Key Part Number"), Some(ColumnRole::SupplierPart));
        assert_eq!(r("Manufacturer Part Number"), Some(ColumnRole::PartNumber));
        assert_eq!(r("MOQ"), Some(ColumnRole::Moq));
        assert_eq!(r("Tooling / NRE"), Some(ColumnRole::Tooling));
        assert_eq!(r("2024"), None);
    }

    #[test]
    fn numbers_that_could_be_years_are_breaks_only_among_rising_quantities() {
        let q = |row: &[&str]| {
            let row: Vec<String> = row.iter().map(|s| s.to_string()).collect();
            row_break_qtys(&row, None)
                .into_iter()
                .map(|q| q.map(|d| d.to_string()))
                .collect::<Vec<_>>()
        };
        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            q(&["Part", "500", "2000", "5000"]),
            [None, s("500"), s("2000"), s("5000")]
        );
        assert_eq!(q(&["Part", "1,000", "2000"]), [None, s("1000"), s("2000")]);
        // Years side by side, a lone year, falling numbers: no breaks from the years.
        assert_eq!(q(&["Part", "2024", "2025"]), [None, None, None]);
        assert_eq!(q(&["Part", "Price", "2025"]), [None, None, None]);
        assert_eq!(q(&["Part", "5000", "2000"]), [None, s("5000"), None]);
        // With a row below, the cell under the year-like header must hold a number.
        let cell = |t: &str| Cell {
            text: t.into(),
            ..Default::default()
        };
        let row: Vec<String> = ["Part", "500", "2000"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let below = [cell("A-1"), cell("0.62"), cell("0.55")];
        assert_eq!(
            row_break_qtys(&row, Some(&below))[2],
            Some(Decimal::from(2000))
        );
        let below = [cell("A-1"), cell("0.62"), cell("rev B")];
        assert_eq!(row_break_qtys(&row, Some(&below))[2], None);
    }

    #[test]
    fn no_bid_words() {
        assert!(no_bid_reason("No bid - process not available").is_some());
        assert!(no_bid_reason("EOL, see alternate").is_some());
        assert!(no_bid_reason("people").is_none());
    }

    #[test]
    fn a_sentence_in_the_part_column_is_a_note_about_the_part() {
        assert_eq!(
            split_part_note("GSK-0077: no quote, elastomer parts are outside our range."),
            Some((
                "GSK-0077".to_string(),
                "no quote, elastomer parts are outside our range.".to_string()
            ))
        );
        assert_eq!(split_part_note("M3 x 8 DIN 912"), None);
        assert_eq!(split_part_note("BRK-2208"), None);
        assert_eq!(split_part_note("Total excluding VAT and freight"), None);
    }
}
