//! Demo data: one buyer organization, three suppliers with logins, parts with
//! revisions and one open, sealed RFQ. Seeded only into an empty database.

use chrono::Duration;
use domain::money::Currency;

use crate::audit::{self, Change};
use crate::auth::hash_password;
use crate::db::{col, new_id, now_ms, Db};
use crate::routes::suppliers;

/// Password of every demo login.
pub const DEMO_PASSWORD: &str = "bidwell-demo";

/// The demo logins: (email, name, role, organization).
pub const DEMO_LOGINS: [(&str, &str, &str, &str); 6] = [
    (
        "buyer@acme.example",
        "Bea Buyer",
        "buyer",
        "Acme Industrial",
    ),
    (
        "approver@acme.example",
        "Avery Approver",
        "approver",
        "Acme Industrial",
    ),
    (
        "admin@acme.example",
        "Ada Admin",
        "admin",
        "Acme Industrial",
    ),
    (
        "sales@northwind.example",
        "Nora North",
        "supplier",
        "Northwind Metal Works",
    ),
    (
        "quotes@kestrel.example",
        "Ken Kestrel",
        "supplier",
        "Kestrel Plastics",
    ),
    (
        "rep@orion.example",
        "Oren Orion",
        "supplier",
        "Orion Stamping",
    ),
];

const SUPPLIERS: [(&str, &str, &str); 3] = [
    ("Northwind Metal Works", "US", "USD"),
    ("Kestrel Plastics", "DE", "EUR"),
    ("Orion Stamping", "MX", "USD"),
];

/// (number, name, description, [(revision, status, released_on)])
type PartSeed = (
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str, Option<&'static str>)],
);
const PARTS: [PartSeed; 3] = [
    (
        "BRK-2208",
        "Mounting bracket",
        "Stamped steel bracket, 2 mm DC01, zinc plated",
        &[
            ("A", "obsolete", Some("2024-03-01")),
            ("B", "released", Some("2025-06-12")),
        ],
    ),
    (
        "HSG-1040",
        "Sensor housing",
        "Machined 6061-T6 aluminium housing, clear anodized",
        &[("C", "released", Some("2025-09-30"))],
    ),
    (
        "SHF-0310",
        "Drive shaft",
        "Turned 42CrMo4 shaft, induction hardened",
        &[("A", "released", Some("2026-01-15"))],
    ),
];

/// Seeds the demo data when the database has no users. Returns whether it seeded.
pub async fn seed_if_empty(db: &Db) -> anyhow::Result<bool> {
    let n: i64 = col(
        &sqlx::query("SELECT COUNT(*) AS n FROM users")
            .fetch_one(&db.pool)
            .await?,
        "n",
    )?;
    if n > 0 {
        return Ok(false);
    }
    let hash = hash_password(DEMO_PASSWORD.to_string()).await?;
    let mut w = db.write().await?;
    let now = now_ms();
    let buyer_org = new_id();
    sqlx::query("INSERT INTO organizations (id, name, kind, created_at) VALUES ($1, 'Acme Industrial', 'buyer', $2)")
        .bind(&buyer_org)
        .bind(now)
        .execute(&mut **w)
        .await?;
    let mut supplier_ids = Vec::new();
    for (name, country, currency) in SUPPLIERS {
        let currency = Currency::from_code(currency)?;
        supplier_ids.push((
            name,
            suppliers::insert(&mut w, name, country, currency, "approved").await?,
        ));
    }
    let mut buyer_id = String::new();
    for (email, name, role, org) in DEMO_LOGINS {
        let user_id = new_id();
        let org_id = if role == "supplier" {
            supplier_ids
                .iter()
                .find(|(n, _)| *n == org)
                .map(|(_, id)| id.clone())
                .ok_or_else(|| anyhow::anyhow!("demo supplier {org} missing"))?
        } else {
            buyer_org.clone()
        };
        if role == "buyer" {
            buyer_id = user_id.clone();
        }
        sqlx::query("INSERT INTO users (id, org_id, email, name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)")
            .bind(&user_id)
            .bind(&org_id)
            .bind(email)
            .bind(name)
            .bind(role)
            .bind(&hash)
            .bind(now)
            .execute(&mut **w)
            .await?;
        if role == "supplier" {
            sqlx::query("INSERT INTO supplier_contacts (id, supplier_id, name, email, user_id) VALUES ($1, $2, $3, $4, $5)")
                .bind(new_id())
                .bind(&org_id)
                .bind(name)
                .bind(email)
                .bind(&user_id)
                .execute(&mut **w)
                .await?;
        }
    }
    let mut current_revisions = Vec::new();
    for (number, name, description, revisions) in PARTS {
        let part_id = new_id();
        sqlx::query("INSERT INTO parts (id, number, number_key, name, description, uom, created_at, updated_at) VALUES ($1, $2, $6, $3, $4, 'H87', $5, $5)")
            .bind(&part_id)
            .bind(number)
            .bind(name)
            .bind(description)
            .bind(now)
            .bind(domain::validate::fold_key(number))
            .execute(&mut **w)
            .await?;
        let mut last = String::new();
        for (i, (label, status, released)) in revisions.iter().enumerate() {
            last = new_id();
            sqlx::query("INSERT INTO revisions (id, part_id, label, label_key, status, released_on, created_at) VALUES ($1, $2, $3, $7, $4, $5, $6)")
                .bind(&last)
                .bind(&part_id)
                .bind(*label)
                .bind(*status)
                .bind(*released)
                .bind(now + i as i64)
                .bind(domain::validate::fold_key(label))
                .execute(&mut **w)
                .await?;
        }
        current_revisions.push((part_id, last));
    }
    let rfq_id = new_id();
    let deadline = (crate::clock::now() + Duration::days(14)).timestamp_millis();
    let need_by = (crate::clock::now() + Duration::days(90))
        .date_naive()
        .to_string();
    sqlx::query(
        "INSERT INTO rfqs (id, number, title, status, deadline, time_zone, sealed, currency, incoterm, payment_terms, created_by, created_at, updated_at) \
         VALUES ($1, 'RFQ-2026-0001', 'Brackets and housings, 2027 volumes', 'open', $2, 'Europe/Berlin', 1, 'USD', 'FCA Chicago', 'Net 60', $3, $4, $4)",
    )
    .bind(&rfq_id)
    .bind(deadline)
    .bind(&buyer_id)
    .bind(now)
    .execute(&mut **w)
    .await?;
    let volumes = ["24000", "12000", "8000"];
    for (i, ((part_id, rev_id), volume)) in current_revisions.iter().zip(volumes).enumerate() {
        sqlx::query(
            "INSERT INTO rfq_lines (id, rfq_id, line_no, part_id, revision_id, quantities, annual_volume, need_by, notes) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '')",
        )
        .bind(new_id())
        .bind(&rfq_id)
        .bind(i as i64 + 1)
        .bind(part_id)
        .bind(rev_id)
        .bind(r#"["500","2000","5000"]"#)
        .bind(volume)
        .bind(&need_by)
        .execute(&mut **w)
        .await?;
    }
    for (_, sid) in &supplier_ids {
        sqlx::query(
            "INSERT INTO rfq_suppliers (rfq_id, supplier_id, invited_at) VALUES ($1, $2, $3)",
        )
        .bind(&rfq_id)
        .bind(sid)
        .bind(now)
        .execute(&mut **w)
        .await?;
    }
    audit::append(
        &mut w,
        Change {
            actor: "system",
            action: "demo.seed",
            entity_type: "organization",
            entity_id: &buyer_org,
            summary: serde_json::json!({"users": DEMO_LOGINS.len(), "suppliers": SUPPLIERS.len(), "parts": PARTS.len(), "rfqs": 1}),
        },
    )
    .await?;
    w.commit().await?;
    Ok(true)
}
