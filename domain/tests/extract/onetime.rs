//! Issue 9, classes 3 and 5: one-time charges (tooling, NRE, mould, fixture, stencil,
//! programming, setup) and no-bids, as generated families. One small quote (three parts) is
//! written in thirteen languages, with the charge or the no-bid placed as a table row, as a
//! column, as a remark cell or as a sentence, in CSV, TSV, XLSX, aligned text, Markdown and
//! e-mail (plain and HTML). What each variant must give is stated by the generator from
//! what it wrote (the part the charge names, its amount), never read back from the
//! extractor. Failures are collected so one run shows the whole family.

use domain::extract::{extract, ExtractInput, Extraction};
use rust_decimal::Decimal;
use std::str::FromStr;

use super::sheets::{xlsx, V};

/// One language's words for the same quote.
struct Lang {
    code: &'static str,
    cur: &'static str,
    /// Column separator of its CSV (`;` where the decimal mark is a comma).
    sep: char,
    head: [&'static str; 4],
    /// Header of a tooling column, of a remarks column.
    h_tool: &'static str,
    h_remark: &'static str,
    descs: [&'static str; 3],
    /// Prices of the first two parts as printed, and their values.
    prices: [(&'static str, &'static str); 2],
    /// The one-time charge as printed, and its value.
    amount: (&'static str, &'static str),
    /// A charge row naming no part; one naming `{part}`.
    row: &'static str,
    row_named: &'static str,
    /// A remark cell stating the charge (`{amt}`, `{cur}`).
    remark: &'static str,
    /// Sentences: for `{part}`, for `{desc}` (the description's first word, as written in a
    /// sentence), for the whole quote.
    prose_part: &'static str,
    prose_desc: &'static str,
    prose_quote: &'static str,
    /// A no-bid word in a price cell; sentences declining `{part}` and `{desc}`; a blanket
    /// statement about the lines not priced.
    nb_cell: &'static str,
    nb_part: &'static str,
    nb_desc: &'static str,
    nb_blanket: &'static str,
}

const LANGS: &[Lang] = &[
    Lang {
        code: "en",
        cur: "USD",
        sep: ',',
        head: ["Part No.", "Description", "Qty", "Unit Price"],
        h_tool: "Tooling",
        h_remark: "Remarks",
        descs: ["Housing PA66 GF30", "Cover ABS black", "Gasket EPDM 70"],
        prices: [("1.25", "1.25"), ("0.84", "0.84")],
        amount: ("4,500.00", "4500"),
        row: "Tooling (one-time charge)",
        row_named: "Tooling for {part}",
        remark: "plus one-time tooling {cur} {amt}",
        prose_part: "Tooling for {part} is {cur} {amt}, one-time.",
        prose_desc: "The mould for the {desc} is a one-time charge of {cur} {amt}.",
        prose_quote: "NRE: {cur} {amt} one-time, payable with the first order.",
        nb_cell: "no quote",
        nb_part: "We do not quote {part}.",
        nb_desc: "Sorry, we cannot quote the {desc}.",
        nb_blanket: "All other items: no quote.",
    },
    Lang {
        code: "de",
        cur: "EUR",
        sep: ';',
        head: ["Artikelnummer", "Bezeichnung", "Menge", "Einzelpreis"],
        h_tool: "Werkzeugkosten",
        h_remark: "Bemerkung",
        descs: [
            "Gehäuse PA66 GF30",
            "Deckel ABS schwarz",
            "Dichtung EPDM 70",
        ],
        prices: [("1,25", "1.25"), ("0,84", "0.84")],
        amount: ("4.500,00", "4500"),
        row: "Werkzeugkosten (einmalig)",
        row_named: "Werkzeugkosten {part}",
        remark: "zzgl. Werkzeug {amt} {cur} einmalig",
        prose_part: "Für {part} berechnen wir einmalige Werkzeugkosten von {amt} {cur}.",
        prose_desc: "Das Werkzeug für das {desc} kostet einmalig {amt} {cur}.",
        prose_quote: "Einmalkosten für Vorrichtung und Programmierung: {amt} {cur}.",
        nb_cell: "kein Angebot",
        nb_part: "{part} können wir leider nicht anbieten.",
        nb_desc: "Die {desc} ist bei uns nicht lieferbar.",
        nb_blanket: "Alle übrigen Positionen: kein Angebot.",
    },
    Lang {
        code: "fr",
        cur: "EUR",
        sep: ';',
        head: ["Référence", "Désignation", "Quantité", "Prix unitaire"],
        h_tool: "Outillage",
        h_remark: "Remarques",
        descs: ["Boîtier PA66 GF30", "Couvercle ABS noir", "Joint EPDM 70"],
        prices: [("1,25", "1.25"), ("0,84", "0.84")],
        amount: ("4 500,00", "4500"),
        row: "Frais d'outillage (frais uniques)",
        row_named: "Outillage {part}",
        remark: "outillage en sus : {amt} {cur} (frais uniques)",
        prose_part: "Frais d'outillage pour {part} : {amt} {cur}, facturés une seule fois.",
        prose_desc: "Le moule du {desc} est facturé une fois {amt} {cur}.",
        prose_quote: "Frais uniques de mise en route : {amt} {cur}.",
        nb_cell: "pas d'offre",
        nb_part: "Pas d'offre pour {part}.",
        nb_desc: "Nous ne pouvons pas proposer le {desc}.",
        nb_blanket: "Tous les autres articles : pas d'offre.",
    },
    Lang {
        code: "es",
        cur: "EUR",
        sep: ';',
        head: ["Código", "Descripción", "Cantidad", "Precio unitario"],
        h_tool: "Utillaje",
        h_remark: "Observaciones",
        descs: ["Carcasa PA66 GF30", "Tapa ABS negra", "Junta EPDM 70"],
        prices: [("1,25", "1.25"), ("0,84", "0.84")],
        amount: ("4.500,00", "4500"),
        row: "Utillaje (pago único)",
        row_named: "Molde {part}",
        remark: "utillaje aparte: {amt} {cur}, pago único",
        prose_part: "El utillaje para {part} tiene un coste único de {amt} {cur}.",
        prose_desc: "El molde de la {desc} se factura una sola vez: {amt} {cur}.",
        prose_quote: "Gastos únicos de utillaje: {amt} {cur}.",
        nb_cell: "no cotizamos",
        nb_part: "No cotizamos la referencia {part}.",
        nb_desc: "La {desc} no la cotizamos.",
        nb_blanket: "Las demás partidas: sin cotizar.",
    },
    Lang {
        code: "it",
        cur: "EUR",
        sep: ';',
        head: ["Codice", "Descrizione", "Quantità", "Prezzo unitario"],
        h_tool: "Stampo",
        h_remark: "Note",
        descs: [
            "Alloggiamento PA66 GF30",
            "Coperchio ABS nero",
            "Guarnizione EPDM 70",
        ],
        prices: [("1,25", "1.25"), ("0,84", "0.84")],
        amount: ("4.500,00", "4500"),
        row: "Costo stampo (una tantum)",
        row_named: "Stampo {part}",
        remark: "stampo a parte {amt} {cur} una tantum",
        prose_part: "Per il codice {part} il costo dello stampo è di {amt} {cur} una tantum.",
        prose_desc: "L'attrezzatura per il {desc} costa {amt} {cur} una tantum.",
        prose_quote: "Costi di attrezzatura una tantum: {amt} {cur}.",
        nb_cell: "non quotato",
        nb_part: "Il codice {part} non è quotato.",
        nb_desc: "La {desc} non la quotiamo.",
        nb_blanket: "Tutte le altre voci: non quotate.",
    },
    Lang {
        code: "nl",
        cur: "EUR",
        sep: ';',
        head: ["Artikelnummer", "Omschrijving", "Aantal", "Stuksprijs"],
        h_tool: "Matrijskosten",
        h_remark: "Opmerkingen",
        descs: ["Behuizing PA66 GF30", "Deksel ABS zwart", "Pakking EPDM 70"],
        prices: [("1,25", "1.25"), ("0,84", "0.84")],
        amount: ("4.500,00", "4500"),
        row: "Eenmalige gereedschapskosten",
        row_named: "Matrijs {part}",
        remark: "excl. matrijs {amt} {cur} eenmalig",
        prose_part: "Voor {part} rekenen wij eenmalig {amt} {cur} gereedschapskosten.",
        prose_desc: "De matrijs voor de {desc} kost eenmalig {amt} {cur}.",
        prose_quote: "Eenmalige kosten voor gereedschap: {amt} {cur}.",
        nb_cell: "geen offerte",
        nb_part: "Voor {part} geven wij geen offerte.",
        nb_desc: "De {desc} kunnen wij niet leveren.",
        nb_blanket: "Alle overige artikelen: geen offerte.",
    },
    Lang {
        code: "pl",
        cur: "PLN",
        sep: ';',
        head: ["Indeks", "Nazwa", "Ilość", "Cena jedn."],
        h_tool: "Oprzyrządowanie",
        h_remark: "Uwagi",
        descs: [
            "Obudowa PA66 GF30",
            "Pokrywa ABS czarna",
            "Uszczelka EPDM 70",
        ],
        prices: [("1,25", "1.25"), ("0,84", "0.84")],
        amount: ("4 500,00", "4500"),
        row: "Koszt formy (jednorazowo)",
        row_named: "Forma wtryskowa {part}",
        remark: "dodatkowo forma {amt} {cur} jednorazowo",
        prose_part: "Koszt narzędzia dla {part}: {amt} {cur} jednorazowo.",
        prose_desc: "{desc}: forma kosztuje jednorazowo {amt} {cur}.",
        prose_quote: "Koszty jednorazowe oprzyrządowania: {amt} {cur}.",
        nb_cell: "brak oferty",
        nb_part: "Na {part} nie składamy oferty.",
        nb_desc: "{desc} – nie oferujemy.",
        nb_blanket: "Pozostałe pozycje: brak oferty.",
    },
    Lang {
        code: "sv",
        cur: "SEK",
        sep: ';',
        head: ["Artikelnr", "Benämning", "Antal", "Styckpris"],
        h_tool: "Verktygskostnad",
        h_remark: "Anmärkning",
        descs: ["Hölje PA66 GF30", "Lock ABS svart", "Packning EPDM 70"],
        prices: [("1,25", "1.25"), ("0,84", "0.84")],
        amount: ("4 500,00", "4500"),
        row: "Verktygskostnad (engångskostnad)",
        row_named: "Verktyg {part}",
        remark: "verktyg tillkommer {amt} {cur} (engångskostnad)",
        prose_part: "Verktygskostnad för {part}: {amt} {cur}, engångsavgift.",
        prose_desc: "Formen till {desc} kostar {amt} {cur} som engångskostnad.",
        prose_quote: "Engångskostnad för verktyg: {amt} {cur}.",
        nb_cell: "ingen offert",
        nb_part: "{part} offereras ej.",
        nb_desc: "Vi kan inte offerera {desc}.",
        nb_blanket: "Övriga artiklar: ingen offert.",
    },
    Lang {
        code: "pt",
        cur: "BRL",
        sep: ';',
        head: ["Código", "Descrição", "Quantidade", "Preço unitário"],
        h_tool: "Ferramental",
        h_remark: "Observações",
        descs: ["Carcaça PA66 GF30", "Tampa ABS preta", "Junta EPDM 70"],
        prices: [("1,25", "1.25"), ("0,84", "0.84")],
        amount: ("4.500,00", "4500"),
        row: "Ferramental (custo único)",
        row_named: "Molde {part}",
        remark: "ferramental à parte R$ {amt} (custo único)",
        prose_part: "Custo único de ferramental para {part}: R$ {amt}.",
        prose_desc: "O molde da {desc} custa R$ {amt}, cobrado uma única vez.",
        prose_quote: "Custos únicos de ferramental: R$ {amt}.",
        nb_cell: "não cotado",
        nb_part: "O item {part} não foi cotado.",
        nb_desc: "A {desc} não cotamos.",
        nb_blanket: "Demais itens: não cotados.",
    },
    Lang {
        code: "tr",
        cur: "TRY",
        sep: ';',
        head: ["Parça No", "Açıklama", "Miktar", "Birim Fiyat"],
        h_tool: "Kalıp Bedeli",
        h_remark: "Notlar",
        descs: ["Gövde PA66 GF30", "Kapak ABS siyah", "Conta EPDM 70"],
        prices: [("1,25", "1.25"), ("0,84", "0.84")],
        amount: ("4.500,00", "4500"),
        row: "Kalıp bedeli (tek seferlik)",
        row_named: "Kalıp {part}",
        remark: "kalıp bedeli ayrıca {amt} {cur} (tek seferlik)",
        prose_part: "{part} için kalıp bedeli tek seferlik {amt} {cur}.",
        prose_desc: "{desc} kalıbı tek seferlik {amt} {cur}.",
        prose_quote: "Tek seferlik kalıp ve aparat bedeli: {amt} {cur}.",
        nb_cell: "teklif verilmedi",
        nb_part: "{part} için teklif veremiyoruz.",
        nb_desc: "{desc} için teklif veremiyoruz.",
        nb_blanket: "Diğer kalemler: teklif verilmedi.",
    },
    Lang {
        code: "ko",
        cur: "KRW",
        sep: ',',
        head: ["품번", "품명", "수량", "단가"],
        h_tool: "금형비",
        h_remark: "비고",
        descs: ["하우징 PA66 GF30", "커버 ABS 블랙", "가스켓 EPDM 70"],
        prices: [("1250", "1250"), ("840", "840")],
        amount: ("4,500,000", "4500000"),
        row: "금형비 (1회)",
        row_named: "금형비 {part}",
        remark: "금형비 별도 {amt} {cur} (1회)",
        prose_part: "{part} 금형비: {amt} {cur} (1회성).",
        prose_desc: "{desc} 금형비는 {amt} {cur}입니다 (1회).",
        prose_quote: "초기 금형비 및 지그 비용: {amt} {cur} (1회).",
        nb_cell: "견적 불가",
        nb_part: "{part}: 견적 불가.",
        nb_desc: "{desc}는 견적 불가입니다.",
        nb_blanket: "기타 품목: 견적 불가.",
    },
    Lang {
        code: "ja",
        cur: "JPY",
        sep: ',',
        head: ["品番", "品名", "数量", "単価"],
        h_tool: "金型費",
        h_remark: "備考",
        descs: [
            "ハウジング PA66 GF30",
            "カバー ABS 黒",
            "ガスケット EPDM 70",
        ],
        prices: [("125", "125"), ("84", "84")],
        amount: ("450,000", "450000"),
        row: "金型費（初回のみ）",
        row_named: "金型費 {part}",
        remark: "金型費 別途 {amt} {cur}（初回のみ）",
        prose_part: "{part}の金型費は{amt} {cur}（一回限り）です。",
        prose_desc: "{desc}の金型費は{amt} {cur}（初回のみ）です。",
        prose_quote: "イニシャル費用（治具・金型）: {amt} {cur}。",
        nb_cell: "見積辞退",
        nb_part: "{part}は見積辞退させていただきます。",
        nb_desc: "{desc}は見積辞退いたします。",
        nb_blanket: "その他の品目: 見積辞退。",
    },
    Lang {
        code: "zh",
        cur: "CNY",
        sep: ',',
        head: ["料号", "品名", "数量", "单价"],
        h_tool: "模具费",
        h_remark: "备注",
        descs: ["外壳 PA66 GF30", "盖板 ABS 黑色", "密封圈 EPDM 70"],
        prices: [("1.25", "1.25"), ("0.84", "0.84")],
        amount: ("4,500.00", "4500"),
        row: "模具费（一次性）",
        row_named: "模具费 {part}",
        remark: "另收模具费 {amt} {cur}（一次性）",
        prose_part: "{part} 模具费 {amt} {cur}，一次性收取。",
        prose_desc: "{desc}模具费 {amt} {cur}，一次性。",
        prose_quote: "一次性工装治具费: {amt} {cur}。",
        nb_cell: "不报价",
        nb_part: "{part} 不报价。",
        nb_desc: "{desc}我司无法报价。",
        nb_blanket: "其他物料: 不报价。",
    },
];

const PARTS: [&str; 3] = ["HX-4410", "HX-4420", "HX-4430"];
const QTYS: [&str; 3] = ["1000", "500", "2000"];

/// Where a statement sits in the document.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Place {
    /// A table row naming no part (the whole quote).
    Row,
    /// A table row naming the first part.
    RowNamed,
    /// A column of its own beside the price.
    Column,
    /// A remark cell of the first part's row.
    Remark,
    /// A sentence naming the first part by number.
    ProsePart,
    /// A sentence naming the first part by description.
    ProseDesc,
    /// A sentence naming no part (the whole quote).
    ProseQuote,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Fmt {
    Csv,
    Tsv,
    Xlsx,
    Txt,
    Markdown,
    EmlText,
    EmlHtml,
}

const FMTS: [Fmt; 7] = [
    Fmt::Csv,
    Fmt::Tsv,
    Fmt::Xlsx,
    Fmt::Txt,
    Fmt::Markdown,
    Fmt::EmlText,
    Fmt::EmlHtml,
];

/// A document as rows of cells plus sentences after the table; each format writes it.
struct Doc {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    /// Which cells are numbers (XLSX writes them as numbers: value as a plain decimal).
    numbers: Vec<Vec<Option<String>>>,
    prose: Vec<String>,
}

fn fill(t: &str, l: &Lang, part: &str, desc: &str) -> String {
    t.replace("{part}", part)
        .replace("{desc}", desc)
        .replace("{amt}", l.amount.0)
        .replace("{cur}", l.cur)
}

/// The description as a sentence names it: its first word, lower-cased in the languages
/// that write nouns so (German keeps the capital).
fn desc_word(l: &Lang, i: usize) -> String {
    let w = l.descs[i].split(' ').next().unwrap_or("");
    if l.code == "de" {
        w.to_string()
    } else {
        w.to_lowercase()
    }
}

/// Writes `doc` in `fmt`: (file name, bytes).
fn render(l: &Lang, fmt: Fmt, doc: &Doc) -> (String, Vec<u8>) {
    let intro = format!("Quote Q-2024-117 ({})", l.cur);
    match fmt {
        Fmt::Csv | Fmt::Tsv => {
            let sep = if fmt == Fmt::Tsv { '\t' } else { l.sep };
            let cell = |c: &str| {
                if c.contains(sep) || c.contains('"') {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    c.to_string()
                }
            };
            let mut s = format!("{}\n\n", cell(&intro));
            for r in std::iter::once(&doc.header).chain(&doc.rows) {
                s.push_str(
                    &r.iter()
                        .map(|c| cell(c))
                        .collect::<Vec<_>>()
                        .join(&sep.to_string()),
                );
                s.push('\n');
            }
            if !doc.prose.is_empty() {
                s.push('\n');
            }
            for p in &doc.prose {
                s.push_str(&cell(p));
                s.push('\n');
            }
            let ext = if fmt == Fmt::Tsv { "tsv" } else { "csv" };
            (format!("quote.{ext}"), s.into_bytes())
        }
        Fmt::Xlsx => {
            let mut rows: Vec<Vec<V<'_>>> = vec![vec![V::S(&intro)], vec![]];
            rows.push(doc.header.iter().map(|h| V::S(h)).collect());
            for (r, nums) in doc.rows.iter().zip(&doc.numbers) {
                rows.push(
                    r.iter()
                        .zip(nums)
                        .map(|(c, n)| match n {
                            Some(v) => V::N(v.parse().unwrap()),
                            None if c.is_empty() => V::E,
                            None => V::S(c),
                        })
                        .collect(),
                );
            }
            if !doc.prose.is_empty() {
                rows.push(vec![]);
            }
            for p in &doc.prose {
                rows.push(vec![V::S(p)]);
            }
            ("quote.xlsx".into(), xlsx(&rows, &[]))
        }
        Fmt::Txt | Fmt::Markdown | Fmt::EmlText => {
            let md = fmt == Fmt::Markdown;
            let all: Vec<&Vec<String>> = std::iter::once(&doc.header).chain(&doc.rows).collect();
            let n = doc.header.len();
            let width = |i: usize| {
                all.iter()
                    .map(|r| r.get(i).map_or(0, |c| c.chars().count()))
                    .max()
                    .unwrap_or(0)
            };
            let widths: Vec<usize> = (0..n).map(width).collect();
            let line = |r: &Vec<String>| {
                let cells: Vec<String> = (0..n)
                    .map(|i| {
                        let c = r.get(i).map_or("", String::as_str);
                        format!("{c}{}", " ".repeat(widths[i] - c.chars().count()))
                    })
                    .collect();
                if md {
                    format!("| {} |", cells.join(" | "))
                } else {
                    cells.join("   ").trim_end().to_string()
                }
            };
            let mut s = String::new();
            s.push_str(&intro);
            s.push_str("\n\n");
            s.push_str(&line(&doc.header));
            s.push('\n');
            if md {
                let dashes: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
                s.push_str(&format!("| {} |\n", dashes.join(" | ")));
            }
            for r in &doc.rows {
                s.push_str(&line(r));
                s.push('\n');
            }
            s.push('\n');
            for p in &doc.prose {
                s.push_str(p);
                s.push('\n');
            }
            if fmt == Fmt::EmlText {
                let mail = format!(
                    "From: Sales <sales@supplier.example>\r\nTo: buyer@customer.example\r\nSubject: RE: RFQ 5512\r\nDate: Mon, 7 Oct 2024 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nHello,\r\n\r\n{}\r\nBest regards\r\nSupplier Ltd\r\n",
                    s.replace('\n', "\r\n")
                );
                ("quote.eml".into(), mail.into_bytes())
            } else {
                let ext = if md { "md.txt" } else { "txt" };
                (format!("quote.{ext}"), s.into_bytes())
            }
        }
        Fmt::EmlHtml => {
            let esc = |c: &str| c.replace('&', "&amp;").replace('<', "&lt;");
            let mut h = format!(
                "<html><body><p>Hello,</p><p>{}</p><table border=\"1\"><tr>",
                esc(&intro)
            );
            for c in &doc.header {
                h.push_str(&format!("<th>{}</th>", esc(c)));
            }
            h.push_str("</tr>");
            for r in &doc.rows {
                h.push_str("<tr>");
                for c in r {
                    h.push_str(&format!("<td>{}</td>", esc(c)));
                }
                h.push_str("</tr>");
            }
            h.push_str("</table>");
            for p in &doc.prose {
                h.push_str(&format!("<p>{}</p>", esc(p)));
            }
            h.push_str("<p>Best regards<br>Supplier Ltd</p></body></html>");
            let mail = format!(
                "From: Sales <sales@supplier.example>\r\nTo: buyer@customer.example\r\nSubject: RE: RFQ 5512\r\nDate: Mon, 7 Oct 2024 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{h}\r\n"
            );
            ("quote.eml".into(), mail.into_bytes())
        }
    }
}

fn run(name: &str, bytes: Vec<u8>) -> Extraction {
    extract(&ExtractInput {
        file_name: name.into(),
        bytes,
        rfq: None,
        memory: None,
    })
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn line_of<'a>(ex: &'a Extraction, part: &str) -> Option<&'a domain::extract::QuoteLine> {
    ex.lines.iter().find(|l| {
        l.part_number.as_deref() == Some(part) || l.supplier_part.as_deref() == Some(part)
    })
}

/// The first two parts priced; the charge placed as `place` says.
fn tooling_doc(l: &Lang, place: Place) -> Doc {
    let mut header: Vec<String> = l.head.iter().map(|s| s.to_string()).collect();
    let column = place == Place::Column;
    let remark = place == Place::Remark;
    if column {
        header.push(l.h_tool.into());
    }
    if remark {
        header.push(l.h_remark.into());
    }
    let mut rows = Vec::new();
    let mut numbers = Vec::new();
    for i in 0..2 {
        let mut r = vec![
            PARTS[i].to_string(),
            l.descs[i].to_string(),
            QTYS[i].to_string(),
            l.prices[i].0.to_string(),
        ];
        let mut n = vec![
            None,
            None,
            Some(QTYS[i].to_string()),
            Some(l.prices[i].1.to_string()),
        ];
        if column {
            if i == 0 {
                r.push(l.amount.0.into());
                n.push(Some(l.amount.1.into()));
            } else {
                r.push(String::new());
                n.push(None);
            }
        }
        if remark {
            r.push(if i == 0 {
                fill(l.remark, l, PARTS[0], "")
            } else {
                String::new()
            });
            n.push(None);
        }
        rows.push(r);
        numbers.push(n);
        if i == 0 && place == Place::RowNamed {
            rows.push(vec![
                String::new(),
                fill(l.row_named, l, PARTS[0], ""),
                "1".into(),
                l.amount.0.into(),
            ]);
            numbers.push(vec![None, None, Some("1".into()), Some(l.amount.1.into())]);
        }
    }
    if place == Place::Row {
        rows.push(vec![
            String::new(),
            l.row.into(),
            "1".into(),
            l.amount.0.into(),
        ]);
        numbers.push(vec![None, None, Some("1".into()), Some(l.amount.1.into())]);
    }
    let prose = match place {
        Place::ProsePart => vec![fill(l.prose_part, l, PARTS[0], "")],
        Place::ProseDesc => vec![fill(l.prose_desc, l, "", &desc_word(l, 0))],
        Place::ProseQuote => vec![fill(l.prose_quote, l, "", "")],
        _ => vec![],
    };
    Doc {
        header,
        rows,
        numbers,
        prose,
    }
}

/// What a one-time charge variant must give: two priced lines with their prices; the
/// charge's amount on the first line (when the charge names it) or on the quote; the
/// amount never a price.
fn check_tooling(l: &Lang, place: Place, ex: &Extraction) -> Vec<String> {
    let mut wrong = Vec::new();
    let amount = dec(l.amount.1);
    let on_quote = matches!(place, Place::Row | Place::ProseQuote);
    for (i, part) in PARTS[..2].iter().enumerate() {
        match line_of(ex, part) {
            None => wrong.push(format!("no line {part}")),
            Some(line) => {
                let p: Vec<Decimal> = line
                    .breaks
                    .iter()
                    .map(|b| b.unit_price.normalize())
                    .collect();
                if p != vec![dec(l.prices[i].1).normalize()] {
                    wrong.push(format!("{part} prices {p:?}"));
                }
            }
        }
    }
    if ex.lines.len() != 2 {
        wrong.push(format!(
            "{} lines: {:?}",
            ex.lines.len(),
            ex.lines
                .iter()
                .map(|l| l.part_number.clone().or(l.description.clone()))
                .collect::<Vec<_>>()
        ));
    }
    let has = |t: &[domain::extract::Tooling]| t.iter().any(|t| t.amount == amount);
    let first = line_of(ex, PARTS[0]);
    let found = if on_quote {
        has(&ex.tooling) || ex.lines.iter().any(|x| has(&x.tooling))
    } else {
        first.is_some_and(|x| has(&x.tooling))
    };
    if !found {
        let anywhere = has(&ex.tooling) || ex.lines.iter().any(|x| has(&x.tooling));
        wrong.push(format!(
            "charge {amount} not {}{}",
            if on_quote {
                "found"
            } else {
                "on the first line"
            },
            if anywhere { " (found elsewhere)" } else { "" }
        ));
    }
    if ex.lines.iter().any(|x| {
        x.breaks
            .iter()
            .any(|b| b.unit_price * x.price_basis_qty == amount)
    }) {
        wrong.push("charge read as a price".into());
    }
    wrong
}

fn report(kind: &str, total: usize, fails: &[String]) {
    eprintln!("{kind}: {} of {total} variants wrong", fails.len());
    for f in fails.iter().take(400) {
        eprintln!("  {f}");
    }
    assert!(
        fails.is_empty(),
        "{kind}: {} of {total} variants wrong",
        fails.len()
    );
}

#[test]
fn issue9_one_time_charges_in_every_language_and_place() {
    let places = [
        Place::Row,
        Place::RowNamed,
        Place::Column,
        Place::Remark,
        Place::ProsePart,
        Place::ProseDesc,
        Place::ProseQuote,
    ];
    let mut fails = Vec::new();
    let mut total = 0;
    for l in LANGS {
        for place in places {
            for fmt in FMTS {
                total += 1;
                let doc = tooling_doc(l, place);
                let (name, bytes) = render(l, fmt, &doc);
                let ex = run(&name, bytes);
                let wrong = check_tooling(l, place, &ex);
                if !wrong.is_empty() {
                    fails.push(format!(
                        "{} {place:?} {fmt:?}: {}",
                        l.code,
                        wrong.join("; ")
                    ));
                }
            }
        }
    }
    report("one-time charges", total, &fails);
}

/// Where the no-bid sits.
#[derive(Clone, Copy, Debug, PartialEq)]
enum NbPlace {
    /// The no-bid word in the third part's price cell.
    Cell,
    /// `-` in the price cell, the no-bid word in a remark cell.
    DashRemark,
    /// The third part's row has no price; a sentence declines it by number.
    ProsePart,
    /// Likewise by description.
    ProseDesc,
    /// Likewise by a blanket statement.
    Blanket,
}

fn nobid_doc(l: &Lang, place: NbPlace) -> Doc {
    let mut header: Vec<String> = l.head.iter().map(|s| s.to_string()).collect();
    let remark = place == NbPlace::DashRemark;
    if remark {
        header.push(l.h_remark.into());
    }
    let mut rows = Vec::new();
    let mut numbers = Vec::new();
    for i in 0..3 {
        let price = if i < 2 {
            l.prices[i].0.to_string()
        } else {
            match place {
                NbPlace::Cell => l.nb_cell.into(),
                NbPlace::DashRemark => "-".into(),
                _ => String::new(),
            }
        };
        let mut r = vec![
            PARTS[i].to_string(),
            l.descs[i].to_string(),
            QTYS[i].to_string(),
            price,
        ];
        let mut n = vec![
            None,
            None,
            Some(QTYS[i].to_string()),
            (i < 2).then(|| l.prices[i].1.to_string()),
        ];
        if remark {
            r.push(if i == 2 {
                l.nb_cell.into()
            } else {
                String::new()
            });
            n.push(None);
        }
        rows.push(r);
        numbers.push(n);
    }
    let prose = match place {
        NbPlace::ProsePart => vec![fill(l.nb_part, l, PARTS[2], "")],
        NbPlace::ProseDesc => vec![fill(l.nb_desc, l, "", &desc_word(l, 2))],
        NbPlace::Blanket => vec![l.nb_blanket.to_string()],
        _ => vec![],
    };
    Doc {
        header,
        rows,
        numbers,
        prose,
    }
}

/// What a no-bid variant must give: the first two lines priced, the third a no-bid line
/// with no price and no revision.
fn check_nobid(l: &Lang, ex: &Extraction) -> Vec<String> {
    let mut wrong = Vec::new();
    for (i, part) in PARTS[..2].iter().enumerate() {
        match line_of(ex, part) {
            None => wrong.push(format!("no line {part}")),
            Some(line) => {
                let p: Vec<Decimal> = line
                    .breaks
                    .iter()
                    .map(|b| b.unit_price.normalize())
                    .collect();
                if p != vec![dec(l.prices[i].1).normalize()] || line.no_bid {
                    wrong.push(format!("{part} prices {p:?} no_bid {}", line.no_bid));
                }
            }
        }
    }
    match line_of(ex, PARTS[2]) {
        None => wrong.push(format!("no line {}", PARTS[2])),
        Some(line) => {
            if !line.no_bid {
                wrong.push(format!("{} not a no-bid", PARTS[2]));
            }
            if !line.breaks.is_empty() || line.revision.is_some() {
                wrong.push(format!(
                    "{} has breaks {:?} revision {:?}",
                    PARTS[2], line.breaks, line.revision
                ));
            }
        }
    }
    if ex.lines.len() != 3 {
        wrong.push(format!("{} lines", ex.lines.len()));
    }
    wrong
}

#[test]
fn issue9_no_bids_in_every_language_and_place() {
    let places = [
        NbPlace::Cell,
        NbPlace::DashRemark,
        NbPlace::ProsePart,
        NbPlace::ProseDesc,
        NbPlace::Blanket,
    ];
    let mut fails = Vec::new();
    let mut total = 0;
    for l in LANGS {
        for place in places {
            for fmt in FMTS {
                total += 1;
                let doc = nobid_doc(l, place);
                let (name, bytes) = render(l, fmt, &doc);
                let ex = run(&name, bytes);
                let wrong = check_nobid(l, &ex);
                if !wrong.is_empty() {
                    fails.push(format!(
                        "{} {place:?} {fmt:?}: {}",
                        l.code,
                        wrong.join("; ")
                    ));
                }
            }
        }
    }
    report("no-bids", total, &fails);
}
