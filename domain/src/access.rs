//! Who may do what: the one place where Bidwell decides access.
//!
//! Handlers describe the object they are about to touch as a [`Resource`] and ask
//! [`authorize`]. A supplier user asking for another supplier's object gets
//! [`Denied::NotFound`], never `Forbidden`, so that probing ids tells nothing about what
//! exists. List endpoints ask [`rfq_scope`] which rows the actor may see at all.
//!
//! Whether a reader who may see a quote may also see its *prices and documents* now is
//! the sealing rule, which also depends on the RFQ's history and the clock:
//! [`crate::rfq::may_see_bid`] (with [`crate::rfq::Viewer::of`] an actor).

use serde::{Deserialize, Serialize};

/// A user's role. One buyer organization holds buyers, approvers and admins; each
/// supplier organization holds supplier users.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Buyer,
    Approver,
    Admin,
    Supplier,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Buyer, Role::Approver, Role::Admin, Role::Supplier];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Buyer => "buyer",
            Role::Approver => "approver",
            Role::Admin => "admin",
            Role::Supplier => "supplier",
        }
    }
    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }
    /// Staff of the buying organization (everyone but supplier users).
    pub fn is_internal(self) -> bool {
        !matches!(self, Role::Supplier)
    }
}

/// The signed-in person, as far as access rules care.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub user_id: String,
    pub role: Role,
    /// The supplier organization of a supplier user; `None` for internal staff.
    pub supplier_id: Option<String>,
    /// `None` for a person's session (the role's rights). `Some` for a request made with
    /// an API token: only what the role allows *and* one of these scopes covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scopes: Option<Vec<Scope>>,
}

/// What an API token for an integration (an ERP pulling awards, pushing parts) may do,
/// on top of what its owner's role allows (issue 10). A `write` scope includes reading
/// the same records. Anything no scope names is refused to a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Scope {
    /// The parts catalogue: parts, revisions, BOMs, CSV export.
    #[serde(rename = "parts:read")]
    PartsRead,
    /// Create and change parts, revisions and BOMs; import parts.
    #[serde(rename = "parts:write")]
    PartsWrite,
    /// The supplier directory.
    #[serde(rename = "suppliers:read")]
    SuppliersRead,
    /// Create and change suppliers, contacts, certificates; import suppliers.
    #[serde(rename = "suppliers:write")]
    SuppliersWrite,
    /// RFQs as the buying side reads them, with their awards (and, where the sealing
    /// rule lets the buying side see them, the responses and the comparison).
    #[serde(rename = "awards:read")]
    AwardsRead,
}

impl Scope {
    pub const ALL: [Scope; 5] = [
        Scope::PartsRead,
        Scope::PartsWrite,
        Scope::SuppliersRead,
        Scope::SuppliersWrite,
        Scope::AwardsRead,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Scope::PartsRead => "parts:read",
            Scope::PartsWrite => "parts:write",
            Scope::SuppliersRead => "suppliers:read",
            Scope::SuppliersWrite => "suppliers:write",
            Scope::AwardsRead => "awards:read",
        }
    }

    pub fn parse(s: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// Whether this scope covers `verb` on `resource`.
    pub fn covers(self, verb: Verb, resource: Resource<'_>) -> bool {
        use Resource::*;
        match (self, resource) {
            (Scope::PartsWrite, Parts) => true,
            (Scope::PartsRead, Parts) => verb == Verb::Read,
            (Scope::SuppliersWrite, SupplierDirectory | Supplier { .. }) => true,
            (Scope::SuppliersRead, SupplierDirectory | Supplier { .. }) => verb == Verb::Read,
            (Scope::AwardsRead, RfqList | Rfq { .. } | BuyerView) => verb == Verb::Read,
            _ => false,
        }
    }
}

/// Read or change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    Read,
    Write,
}

/// The object an action touches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resource<'a> {
    /// The parts catalogue with revisions and BOMs.
    Parts,
    /// The supplier directory as a whole (list, create).
    SupplierDirectory,
    /// One supplier organization's record.
    Supplier { supplier_id: &'a str },
    /// The list of RFQs (rows are filtered by [`rfq_scope`]).
    RfqList,
    /// One RFQ; `invited` lists the supplier ids invited to it; `draft`: not yet sent
    /// (suppliers never see drafts, not even invited ones).
    Rfq { invited: &'a [String], draft: bool },
    /// The buying side's view of an RFQ: who is invited and has responded, who asked a
    /// question, the responses and the comparison of the bids (whether a bid's prices may
    /// be seen now is the sealing rule, [`crate::rfq::may_see_bid`]), the buyer-internal
    /// reference prices and the whole award. A supplier never sees it (404): not the
    /// field of bidders, not what the buyer paid before.
    BuyerView,
    /// One supplier's quote on an RFQ.
    Quote { supplier_id: &'a str },
    /// The buyers' visit notes and their photos: internal to the buying side. No API
    /// token scope covers them (`suppliers:read` is the supplier directory, not what a
    /// buyer wrote at a visit).
    VisitNotes,
    /// Invitation links for supplier contacts.
    Invitations,
    /// User accounts and roles.
    Users,
    /// The audit trail.
    Audit,
    /// The exchange-rate table used for leveling.
    FxRates,
    /// The server's clock, which only a server in test mode lets anyone move (admins).
    ServerClock,
    /// API tokens for integrations (admins only).
    ApiTokens,
}

/// Why access was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Denied {
    /// The actor's role may not do this at all.
    #[error("your role may not do this")]
    Forbidden,
    /// The object belongs to someone else; answered as if it did not exist.
    #[error("not found")]
    NotFound,
    /// The role allows it, but the API token the request was made with has no scope
    /// that covers it.
    #[error("the API token's scopes do not cover this")]
    Scope,
}

/// Which RFQs a list may show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RfqScope {
    All,
    InvitedSupplier(String),
}

/// Decides whether `actor` may `verb` the `resource`: what the role allows and, for a
/// request made with an API token, what one of its scopes covers.
pub fn authorize(actor: &Actor, verb: Verb, resource: Resource<'_>) -> Result<(), Denied> {
    by_role(actor, verb, resource)?;
    match &actor.scopes {
        Some(scopes) if !scopes.iter().any(|s| s.covers(verb, resource)) => Err(Denied::Scope),
        _ => Ok(()),
    }
}

/// What the role alone allows.
fn by_role(actor: &Actor, verb: Verb, resource: Resource<'_>) -> Result<(), Denied> {
    use Resource::*;
    use Role::{Admin, Approver, Buyer};
    let own = |id: &str| actor.supplier_id.as_deref() == Some(id);
    match (actor.role, resource) {
        (Admin, _) => Ok(()),
        (Buyer | Approver, ServerClock | ApiTokens) => Err(Denied::Forbidden),
        (Buyer, Users) => Err(Denied::Forbidden),
        (Buyer, Audit) => match verb {
            Verb::Read => Ok(()),
            Verb::Write => Err(Denied::Forbidden),
        },
        (Buyer, _) => Ok(()),
        (Approver, Users | Invitations) => Err(Denied::Forbidden),
        (Approver, _) => match verb {
            Verb::Read => Ok(()),
            Verb::Write => Err(Denied::Forbidden),
        },
        (Role::Supplier, Supplier { supplier_id }) => {
            if !own(supplier_id) {
                Err(Denied::NotFound)
            } else if verb == Verb::Read {
                Ok(())
            } else {
                Err(Denied::Forbidden)
            }
        }
        (Role::Supplier, Quote { supplier_id }) => {
            if own(supplier_id) {
                Ok(())
            } else {
                Err(Denied::NotFound)
            }
        }
        (Role::Supplier, Rfq { invited, draft }) => {
            let invited = actor
                .supplier_id
                .as_ref()
                .is_some_and(|s| invited.contains(s));
            match (invited && !draft, verb) {
                (false, _) => Err(Denied::NotFound),
                (true, Verb::Read) => Ok(()),
                (true, Verb::Write) => Err(Denied::Forbidden),
            }
        }
        (Role::Supplier, BuyerView) => Err(Denied::NotFound),
        (Role::Supplier, RfqList) => match verb {
            Verb::Read if actor.supplier_id.is_some() => Ok(()),
            _ => Err(Denied::Forbidden),
        },
        (
            Role::Supplier,
            Parts | SupplierDirectory | VisitNotes | Invitations | Users | Audit | FxRates
            | ServerClock | ApiTokens,
        ) => Err(Denied::Forbidden),
    }
}

/// The RFQs a list shown to `actor` may contain.
pub fn rfq_scope(actor: &Actor) -> RfqScope {
    match (&actor.role, &actor.supplier_id) {
        (Role::Supplier, Some(s)) => RfqScope::InvitedSupplier(s.clone()),
        // A supplier user without an organization sees nothing: scope to an id no
        // supplier has.
        (Role::Supplier, None) => RfqScope::InvitedSupplier(String::new()),
        _ => RfqScope::All,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(role: Role, supplier: Option<&str>) -> Actor {
        Actor {
            user_id: "u".into(),
            role,
            supplier_id: supplier.map(str::to_string),
            scopes: None,
        }
    }

    /// The whole policy as a table: role × resource × verb → expected answer.
    #[test]
    fn policy_matrix() {
        let invited = vec!["s1".to_string()];
        let ok = Ok(());
        let forb = Err(Denied::Forbidden);
        let nf = Err(Denied::NotFound);
        let s1 = actor(Role::Supplier, Some("s1"));
        let buyer = actor(Role::Buyer, None);
        let appr = actor(Role::Approver, None);
        let admin = actor(Role::Admin, None);
        #[rustfmt::skip]
        let cases: Vec<(&Actor, Verb, Resource, Result<(), Denied>)> = vec![
            (&s1, Verb::Read, Resource::Rfq { invited: &invited, draft: false }, ok),
            (&s1, Verb::Write, Resource::Rfq { invited: &invited, draft: false }, forb),
            (&s1, Verb::Read, Resource::Rfq { invited: &[], draft: false }, nf),
            (&s1, Verb::Read, Resource::Supplier { supplier_id: "s1" }, ok),
            (&s1, Verb::Read, Resource::Supplier { supplier_id: "s2" }, nf),
            (&s1, Verb::Write, Resource::Supplier { supplier_id: "s1" }, forb),
            (&s1, Verb::Write, Resource::Quote { supplier_id: "s1" }, ok),
            (&s1, Verb::Read, Resource::Quote { supplier_id: "s2" }, nf),
            (&s1, Verb::Read, Resource::Parts, forb),
            (&s1, Verb::Read, Resource::SupplierDirectory, forb),
            (&s1, Verb::Read, Resource::VisitNotes, forb),
            (&s1, Verb::Write, Resource::VisitNotes, forb),
            (&buyer, Verb::Write, Resource::VisitNotes, ok),
            (&appr, Verb::Read, Resource::VisitNotes, ok),
            (&appr, Verb::Write, Resource::VisitNotes, forb),
            (&s1, Verb::Read, Resource::RfqList, ok),
            (&s1, Verb::Write, Resource::Invitations, forb),
            (&s1, Verb::Read, Resource::Audit, forb),
            (&buyer, Verb::Write, Resource::Parts, ok),
            (&buyer, Verb::Write, Resource::Rfq { invited: &[], draft: false }, ok),
            (&buyer, Verb::Write, Resource::Invitations, ok),
            (&buyer, Verb::Read, Resource::Users, forb),
            (&buyer, Verb::Read, Resource::Audit, ok),
            (&buyer, Verb::Write, Resource::Audit, forb),
            (&appr, Verb::Read, Resource::Parts, ok),
            (&appr, Verb::Write, Resource::Parts, forb),
            (&appr, Verb::Write, Resource::Invitations, forb),
            (&appr, Verb::Read, Resource::Rfq { invited: &[], draft: false }, ok),
            (&appr, Verb::Read, Resource::FxRates, ok),
            (&appr, Verb::Write, Resource::FxRates, forb),
            (&buyer, Verb::Write, Resource::FxRates, ok),
            (&s1, Verb::Read, Resource::FxRates, forb),
            (&admin, Verb::Write, Resource::Users, ok),
            (&admin, Verb::Read, Resource::Audit, ok),
            (&admin, Verb::Write, Resource::ServerClock, ok),
            (&buyer, Verb::Write, Resource::ServerClock, forb),
            (&buyer, Verb::Read, Resource::ServerClock, forb),
            (&appr, Verb::Read, Resource::ServerClock, forb),
            (&s1, Verb::Write, Resource::ServerClock, forb),
            // Suppliers never see drafts, even invited (issue 11: was a check in the handler).
            (&s1, Verb::Read, Resource::Rfq { invited: &invited, draft: true }, nf),
            (&buyer, Verb::Read, Resource::Rfq { invited: &invited, draft: true }, ok),
            (&appr, Verb::Read, Resource::Rfq { invited: &[], draft: true }, ok),
            // The field of bidders (responses, comparison, who asked): staff only.
            (&s1, Verb::Read, Resource::BuyerView, nf),
            (&buyer, Verb::Read, Resource::BuyerView, ok),
            (&appr, Verb::Read, Resource::BuyerView, ok),
            (&admin, Verb::Read, Resource::BuyerView, ok),
        ];
        for (a, verb, res, want) in cases {
            assert_eq!(
                authorize(a, verb, res),
                want,
                "{:?} {verb:?} {res:?}",
                a.role
            );
        }
    }

    #[test]
    fn supplier_without_organization_sees_no_rfq() {
        let orphan = actor(Role::Supplier, None);
        assert_eq!(
            authorize(&orphan, Verb::Read, Resource::RfqList),
            Err(Denied::Forbidden)
        );
        assert_eq!(
            authorize(
                &orphan,
                Verb::Read,
                Resource::Rfq {
                    invited: &[String::new()],
                    draft: false
                }
            ),
            Err(Denied::NotFound)
        );
        assert_eq!(rfq_scope(&orphan), RfqScope::InvitedSupplier(String::new()));
    }

    /// API tokens (issue 10): the role's answer first (a supplier's token still gets 404
    /// for another supplier's record), then the scopes; nothing unnamed is covered.
    #[test]
    fn token_scopes_narrow_the_role() {
        let with = |role, scopes: &[Scope]| Actor {
            scopes: Some(scopes.to_vec()),
            ..actor(role, None)
        };
        let erp = with(Role::Admin, &[Scope::AwardsRead, Scope::PartsWrite]);
        let ok = Ok(());
        let scope = Err(Denied::Scope);
        #[rustfmt::skip]
        let cases: Vec<(&Actor, Verb, Resource, Result<(), Denied>)> = vec![
            (&erp, Verb::Read, Resource::RfqList, ok),
            (&erp, Verb::Read, Resource::Rfq { invited: &[], draft: false }, ok),
            (&erp, Verb::Read, Resource::BuyerView, ok),
            (&erp, Verb::Write, Resource::Rfq { invited: &[], draft: false }, scope),
            (&erp, Verb::Write, Resource::BuyerView, scope),
            (&erp, Verb::Read, Resource::Parts, ok),
            (&erp, Verb::Write, Resource::Parts, ok),
            (&erp, Verb::Read, Resource::SupplierDirectory, scope),
            (&erp, Verb::Write, Resource::Quote { supplier_id: "s1" }, scope),
            (&erp, Verb::Read, Resource::Audit, scope),
            (&erp, Verb::Read, Resource::Users, scope),
            (&erp, Verb::Write, Resource::FxRates, scope),
            (&erp, Verb::Write, Resource::Invitations, scope),
            (&erp, Verb::Write, Resource::ServerClock, scope),
            // A token never manages tokens, whatever its owner may.
            (&erp, Verb::Read, Resource::ApiTokens, scope),
            (&erp, Verb::Write, Resource::ApiTokens, scope),
        ];
        for (a, v, r, want) in cases {
            assert_eq!(authorize(a, v, r), want, "{v:?} {r:?}");
        }
        let reader = with(Role::Buyer, &[Scope::PartsRead, Scope::SuppliersRead]);
        assert_eq!(authorize(&reader, Verb::Read, Resource::Parts), Ok(()));
        assert_eq!(
            authorize(&reader, Verb::Write, Resource::Parts),
            Err(Denied::Scope)
        );
        assert_eq!(
            authorize(
                &reader,
                Verb::Read,
                Resource::Supplier { supplier_id: "s1" }
            ),
            Ok(())
        );
        assert_eq!(
            authorize(&reader, Verb::Write, Resource::SupplierDirectory),
            Err(Denied::Scope)
        );
        // The supplier directory's scopes do not reach the buyers' visit notes.
        let directory = with(Role::Buyer, &[Scope::SuppliersRead, Scope::SuppliersWrite]);
        for v in [Verb::Read, Verb::Write] {
            assert_eq!(
                authorize(&directory, v, Resource::VisitNotes),
                Err(Denied::Scope)
            );
        }
        // The role still decides first: a buyer's token cannot read users, whatever
        // its scopes; an approver's `parts:write` token cannot write parts.
        assert_eq!(
            authorize(&reader, Verb::Read, Resource::Users),
            Err(Denied::Forbidden)
        );
        let approver = with(Role::Approver, &Scope::ALL);
        assert_eq!(
            authorize(&approver, Verb::Write, Resource::Parts),
            Err(Denied::Forbidden)
        );
        // An empty scope list covers nothing.
        let nothing = with(Role::Admin, &[]);
        assert_eq!(
            authorize(&nothing, Verb::Read, Resource::Parts),
            Err(Denied::Scope)
        );
        // Only admins manage tokens (with a session).
        for role in [Role::Buyer, Role::Approver, Role::Supplier] {
            let a = actor(role, Some("s1"));
            assert_eq!(
                authorize(&a, Verb::Write, Resource::ApiTokens),
                Err(Denied::Forbidden)
            );
        }
        assert_eq!(
            authorize(&actor(Role::Admin, None), Verb::Write, Resource::ApiTokens),
            Ok(())
        );
    }

    #[test]
    fn scopes_have_stable_names() {
        for s in Scope::ALL {
            assert_eq!(Scope::parse(s.as_str()), Some(s));
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        }
        assert_eq!(Scope::parse("awards:read"), Some(Scope::AwardsRead));
        assert_eq!(Scope::parse("parts:admin"), None);
    }
}
