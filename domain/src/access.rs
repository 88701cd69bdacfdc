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
}

/// Which RFQs a list may show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RfqScope {
    All,
    InvitedSupplier(String),
}

/// Decides whether `actor` may `verb` the `resource`.
pub fn authorize(actor: &Actor, verb: Verb, resource: Resource<'_>) -> Result<(), Denied> {
    use Resource::*;
    use Role::{Admin, Approver, Buyer};
    let own = |id: &str| actor.supplier_id.as_deref() == Some(id);
    match (actor.role, resource) {
        (Admin, _) => Ok(()),
        (Buyer | Approver, ServerClock) => Err(Denied::Forbidden),
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
            Parts | SupplierDirectory | Invitations | Users | Audit | FxRates | ServerClock,
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
}
