//! Sign-in throttling, counted in memory (issue 10, M2' and M3').
//!
//! Every failed sign-in used to be a row of `login_attempts`, checked and written in a
//! write transaction before the password was even looked at: a bad-login flood from 50
//! addresses turned into a stream of SQLite writes that starved every other writer
//! (247 → 7.3 req/s) and, through the hashing pool, the right user's own sign-in (503).
//! Now failures are counted here, in the process's memory, under one short mutex: an
//! attempt over a budget is refused with a map lookup, before any database access or
//! password hash. Only good sign-ins (one row each, in the session's transaction) and
//! admin unlocks are stored.
//!
//! The budgets ([`LockoutPolicy`]), over a sliding window:
//! - *an address*: an IPv4 address, an IPv6 /64 (one host usually holds a whole /64, so
//!   per-address IPv6 budgets were 2^64 budgets), and more coarsely an IPv6 /48 (a site);
//! - *an address on an account*: a doubling wait after a few failures;
//! - *an account from browsers it does not know*: a doubling wait after many failures,
//!   capped well below the window, never a lock; an address the account signed in from
//!   recently is not held to it;
//! - *a trusted device* ([`crate::auth::device_cookie`], OWASP's "device cookies"): a
//!   browser that signed in to the account before carries a signed cookie for it; its
//!   attempts skip the address, pair and account budgets and count against the device's
//!   own small budget (and one per account over all its devices). So no flood from
//!   elsewhere can keep the owner's browser out.
//!
//! An attempt counts as a failure from the moment it is admitted (so a concurrent burst
//! gets exactly the budget through) until it proves good ([`Throttle::succeeded`]); one the
//! server could not judge (no hashing turn free) still counts against its address
//! ([`Throttle::unjudged`]), so a client cannot keep the hashing pool full for free.
//!
//! The counts live in one server process: N processes behind one load balancer give N
//! budgets (the contract says so); a restart forgets them. An admin unlock clears them in
//! the process that serves it at once, and in the others the next time they look the
//! account up (at most [`KNOWN_TTL_MS`] later).

use std::collections::{HashMap, HashSet, VecDeque};
use std::net::{IpAddr, Ipv6Addr};
use std::sync::Mutex;

/// Limits for failed sign-ins: see `docs/contract.md`, "Sign-in throttling".
#[derive(Debug, Clone)]
pub struct LockoutPolicy {
    /// The window failures are counted in.
    pub window_ms: i64,
    /// Failures one address may make on one account before it must wait.
    pub pair_free_failures: i64,
    /// The first wait after those; each further failure doubles it (up to `window_ms`).
    pub pair_first_delay_ms: i64,
    /// Failures one address (IPv4 address, IPv6 /64) may make over all accounts and
    /// invitation accepts.
    pub max_ip_failures: i64,
    /// Failures one IPv6 /48 may make over all its /64s.
    pub max_wide_failures: i64,
    /// Failures on one account from browsers and networks it does not know before each
    /// further attempt from them must wait.
    pub account_free_failures: i64,
    /// The first such wait; each further failure doubles it, up to `account_max_delay_ms`.
    pub account_first_delay_ms: i64,
    pub account_max_delay_ms: i64,
    /// How long an address stays known to an account after a good sign-in from it, and
    /// how long a device cookie is good for.
    pub known_address_ms: i64,
    /// Failures one trusted device may make on its account before it is treated as
    /// unknown for the rest of the window.
    pub device_max_failures: i64,
    /// Failures all trusted devices of one account may make together (a user minting
    /// device cookies for its own account gains nothing beyond this).
    pub account_device_max_failures: i64,
    /// Most keys (addresses, accounts, devices) each table tracks; beyond it, after
    /// dropping what left the window, the tenth of the keys with the fewest failures
    /// (then the oldest) is forgotten to make room.
    pub max_tracked: usize,
}

impl Default for LockoutPolicy {
    fn default() -> Self {
        LockoutPolicy {
            window_ms: 15 * 60 * 1000,
            pair_free_failures: 5,
            pair_first_delay_ms: 30 * 1000,
            max_ip_failures: 20,
            max_wide_failures: 100,
            account_free_failures: 20,
            account_first_delay_ms: 1000,
            account_max_delay_ms: 5 * 60 * 1000,
            known_address_ms: 90 * 24 * 60 * 60 * 1000,
            device_max_failures: 5,
            account_device_max_failures: 20,
            max_tracked: 200_000,
        }
    }
}

impl LockoutPolicy {
    /// The wait after `failures` failures of one address on one account (0 within the
    /// free ones): `pair_first_delay_ms`, doubled per further failure, at most the window.
    pub fn pair_delay_ms(&self, failures: i64) -> i64 {
        doubling(
            failures - self.pair_free_failures,
            self.pair_first_delay_ms,
            self.window_ms,
        )
    }

    /// The wait for unknown browsers after `failures` failures on one account.
    pub fn account_delay_ms(&self, failures: i64) -> i64 {
        doubling(
            failures - self.account_free_failures,
            self.account_first_delay_ms,
            self.account_max_delay_ms.min(self.window_ms),
        )
    }
}

fn doubling(over: i64, first: i64, max: i64) -> i64 {
    if over < 0 {
        return 0;
    }
    let doublings = u32::try_from(over.min(40)).unwrap_or(40);
    first.max(1).saturating_mul(1i64 << doublings).min(max)
}

/// The network an address is counted under: IPv4 (also IPv4-mapped IPv6) as is, other
/// IPv6 by its /64.
pub fn net64(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let s = v6.segments();
                IpAddr::V6(Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
            }
        },
    }
}

/// The IPv6 /48 an address lies in (none for IPv4).
pub fn net48(ip: IpAddr) -> Option<IpAddr> {
    match net64(ip) {
        IpAddr::V4(_) => None,
        IpAddr::V6(v6) => {
            let s = v6.segments();
            Some(IpAddr::V6(Ipv6Addr::new(s[0], s[1], s[2], 0, 0, 0, 0, 0)))
        }
    }
}

/// How long a cached look-up of an account's known addresses (and last admin unlock)
/// is used before it is read again.
pub const KNOWN_TTL_MS: i64 = 5_000;

/// Failure times in the window, oldest first, at most a cap of them (the budgets only
/// ever need to count that far).
#[derive(Debug, Default)]
struct Failures(VecDeque<i64>);

impl Failures {
    fn prune(&mut self, since: i64) {
        while self.0.front().is_some_and(|&at| at <= since) {
            self.0.pop_front();
        }
    }
    fn count(&self) -> i64 {
        i64::try_from(self.0.len()).unwrap_or(i64::MAX)
    }
    fn first(&self) -> Option<i64> {
        self.0.front().copied()
    }
    fn last(&self) -> Option<i64> {
        self.0.back().copied()
    }
    fn push(&mut self, at: i64, cap: i64) {
        self.0.push_back(at);
        while self.count() > cap.max(1) {
            self.0.pop_front();
        }
    }
    fn remove_one(&mut self, at: i64) {
        if let Some(i) = self.0.iter().rposition(|&t| t == at) {
            self.0.remove(i);
        }
    }
}

/// One table of failures by key, pruned as it is read.
#[derive(Debug)]
struct Table<K>(HashMap<K, Failures>);

impl<K: std::hash::Hash + Eq + Clone> Table<K> {
    fn new() -> Self {
        Table(HashMap::new())
    }
    fn get(&mut self, key: &K, since: i64) -> Option<&Failures> {
        let f = self.0.get_mut(key)?;
        f.prune(since);
        Some(&*f)
    }
    fn count(&mut self, key: &K, since: i64) -> i64 {
        self.get(key, since).map_or(0, Failures::count)
    }
    fn sweep(&mut self, since: i64) {
        self.0.retain(|_, f| {
            f.prune(since);
            !f.0.is_empty()
        });
    }
    /// Makes room for `key` in a table of at most `max` keys: first by dropping what left
    /// the window, then, when it is still full (a flood from very many addresses or
    /// accounts), by forgetting the tenth of the keys that say least: the fewest failures,
    /// then the oldest last failure. A key that matters (an address or an account with
    /// many failures) outlives a flood of one-failure keys, and a full table never turns
    /// new addresses away (which would lock every new browser out).
    fn make_room(&mut self, key: &K, max: usize, since: i64) {
        if self.0.len() < max || self.0.contains_key(key) {
            return;
        }
        self.sweep(since);
        if self.0.len() < max {
            return;
        }
        let forget = (max / 10).max(1).min(self.0.len());
        let mut weakest: Vec<(i64, i64, K)> = self
            .0
            .iter()
            .map(|(k, f)| (f.count(), f.last().unwrap_or(i64::MIN), k.clone()))
            .collect();
        weakest.select_nth_unstable_by(forget - 1, |a, b| (a.0, a.1).cmp(&(b.0, b.1)));
        for (_, _, k) in weakest.into_iter().take(forget) {
            self.0.remove(&k);
        }
    }
}

/// What an account's good sign-ins say, read from the database ([`Throttle::remember`]).
#[derive(Debug, Clone, Default)]
pub struct Known {
    /// Networks ([`net64`]) the account signed in from within `known_address_ms`.
    pub nets: HashSet<IpAddr>,
    /// The last admin unlock stored (0: none).
    pub unlocked_at: i64,
}

#[derive(Debug)]
struct KnownEntry {
    read_at: i64,
    known: Known,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    /// An IPv4 address or IPv6 /64.
    Net(IpAddr),
    /// An IPv6 /48.
    Wide(IpAddr),
    /// An address (its [`net64`]) on an account.
    Pair(String, IpAddr),
    /// An account, from browsers and networks it does not know.
    Account(String),
    /// An account's trusted devices, together.
    AccountDevices(String),
    /// One trusted device.
    Device(String),
}

/// An admitted attempt: counted as a failure until [`Throttle::succeeded`] says otherwise.
#[must_use = "an attempt stays a failure unless it is marked as succeeded"]
#[derive(Debug)]
pub struct Ticket {
    at: i64,
    keys: Vec<Key>,
    /// The attempt came from a trusted device (it may hash on the trusted lane).
    pub trusted: bool,
    account: Option<String>,
    net: IpAddr,
    device: Option<String>,
}

/// Why an attempt was refused before it was looked at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The address (or its /48) spent its budget.
    Address { wait_ms: i64 },
    /// This address on this account must wait.
    Pair { failures: i64, wait_ms: i64 },
    /// Unknown browsers must wait on this account.
    Account { failures: i64, wait_ms: i64 },
    /// The account's known networks could not be settled (read twice, still asked
    /// for): the attempt is turned away for a moment.
    Full,
}

/// What [`Throttle::admit`] needs before it can decide.
#[derive(Debug)]
pub enum Admit {
    Yes(Ticket),
    No(Refusal),
    /// The account is slowed for unknown browsers: whether this address is known to it
    /// (and whether an admin unlocked it) must be read from the database first
    /// ([`Throttle::remember`]), then `admit` asked again.
    LookUp,
}

/// An account's throttling as an admin sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccountState {
    /// Failures from unknown browsers in the window.
    pub failures: i64,
    /// When unknown browsers may try again (ms), if they must wait.
    pub slowed_until: Option<i64>,
}

#[derive(Debug)]
struct Inner {
    nets: Table<Key>,
    pairs: Table<Key>,
    accounts: Table<Key>,
    devices: Table<Key>,
    known: HashMap<String, KnownEntry>,
    /// The last admin unlock applied here, per account.
    applied_unlock: HashMap<String, i64>,
    admitted: u64,
}

/// The failure counts of one server process.
#[derive(Debug)]
pub struct Throttle {
    policy: LockoutPolicy,
    inner: Mutex<Inner>,
}

impl Throttle {
    pub fn new(policy: LockoutPolicy) -> Throttle {
        Throttle {
            policy,
            inner: Mutex::new(Inner {
                nets: Table::new(),
                pairs: Table::new(),
                accounts: Table::new(),
                devices: Table::new(),
                known: HashMap::new(),
                applied_unlock: HashMap::new(),
                admitted: 0,
            }),
        }
    }

    pub fn policy(&self) -> &LockoutPolicy {
        &self.policy
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Decides on one attempt from `ip` on `account` (`None`: an invitation accept),
    /// from the trusted device `device` (its id, if the request carried a valid device
    /// cookie for this account), at `now`; counts it as a failure when admitted.
    pub fn admit(
        &self,
        ip: IpAddr,
        account: Option<&str>,
        device: Option<&str>,
        now: i64,
    ) -> Admit {
        let p = &self.policy;
        let since = now - p.window_ms;
        let net = net64(ip);
        let mut g = self.lock();
        let inner = &mut *g;
        inner.admitted += 1;
        if inner.admitted.is_multiple_of(4096) {
            inner.sweep(since, now, p.known_address_ms);
        }
        let mut keys = Vec::new();
        // A trusted device: its own budgets only.
        if let (Some(email), Some(dev)) = (account, device) {
            let dk = Key::Device(dev.to_string());
            let ak = Key::AccountDevices(email.to_string());
            let trusted = inner.devices.count(&dk, since) < p.device_max_failures
                && inner.devices.count(&ak, since) < p.account_device_max_failures;
            if trusted {
                inner.devices.make_room(&dk, p.max_tracked, since);
                inner.devices.make_room(&ak, p.max_tracked, since);
                keys.push(dk);
                keys.push(ak);
                return Admit::Yes(inner.count_in(keys, now, p, true, account, net, device));
            }
        }
        let nk = Key::Net(net);
        let n = inner.nets.count(&nk, since);
        if n >= p.max_ip_failures {
            let first = inner.nets.get(&nk, since).and_then(Failures::first);
            return Admit::No(Refusal::Address {
                wait_ms: first.unwrap_or(now) + p.window_ms - now,
            });
        }
        keys.push(nk);
        if let Some(wide) = net48(ip) {
            let wk = Key::Wide(wide);
            if inner.nets.count(&wk, since) >= p.max_wide_failures {
                let first = inner.nets.get(&wk, since).and_then(Failures::first);
                return Admit::No(Refusal::Address {
                    wait_ms: first.unwrap_or(now) + p.window_ms - now,
                });
            }
            keys.push(wk);
        }
        if let Some(email) = account {
            let pk = Key::Pair(email.to_string(), net);
            if let Some(f) = inner.pairs.get(&pk, since) {
                let failures = f.count();
                let delay = p.pair_delay_ms(failures);
                let wait = f.last().unwrap_or(now) + delay - now;
                if delay > 0 && wait > 0 {
                    return Admit::No(Refusal::Pair {
                        failures,
                        wait_ms: wait,
                    });
                }
            }
            keys.push(pk);
            let ak = Key::Account(email.to_string());
            let (failures, last) = inner
                .accounts
                .get(&ak, since)
                .map_or((0, None), |f| (f.count(), f.last()));
            let delay = p.account_delay_ms(failures);
            let wait = last.unwrap_or(now) + delay - now;
            if delay > 0 && wait > 0 {
                match inner.known.get(email) {
                    Some(k) if now - k.read_at < KNOWN_TTL_MS => {
                        if !k.known.nets.contains(&net) {
                            return Admit::No(Refusal::Account {
                                failures,
                                wait_ms: wait,
                            });
                        }
                        // A network the account signed in from: not held to the wait.
                    }
                    _ => return Admit::LookUp,
                }
            }
            keys.push(ak);
        }
        for k in &keys {
            let table = match k {
                Key::Net(_) | Key::Wide(_) => &mut inner.nets,
                Key::Pair(..) => &mut inner.pairs,
                _ => &mut inner.accounts,
            };
            table.make_room(k, p.max_tracked, since);
        }
        Admit::Yes(inner.count_in(keys, now, p, false, account, net, None))
    }

    /// Stores what the database says about `email`'s good sign-ins and unlocks (read
    /// because [`Throttle::admit`] answered [`Admit::LookUp`]); applies an unlock made
    /// by another process.
    pub fn remember(&self, email: &str, known: Known, now: i64) {
        let mut g = self.lock();
        let applied = g.applied_unlock.get(email).copied().unwrap_or(0);
        if known.unlocked_at > applied {
            g.clear_account(email);
            g.applied_unlock
                .insert(email.to_string(), known.unlocked_at);
        }
        g.known.insert(
            email.to_string(),
            KnownEntry {
                read_at: now,
                known,
            },
        );
    }

    /// The attempt was good: it no longer counts anywhere; its address's failures on
    /// the account and its device's failures are cleared, and the address is known to
    /// the account from now on.
    pub fn succeeded(&self, ticket: Ticket) {
        let mut g = self.lock();
        g.uncount(&ticket, |_| true);
        if let Some(email) = &ticket.account {
            g.pairs.0.remove(&Key::Pair(email.clone(), ticket.net));
            if let Some(dev) = &ticket.device {
                g.devices.0.remove(&Key::Device(dev.clone()));
            }
            if let Some(k) = g.known.get_mut(email) {
                k.known.nets.insert(ticket.net);
            }
        }
    }

    /// The server could not judge the attempt (no hashing turn, the database busy): it
    /// does not count against the account, but still against the address, so retrying
    /// into a full pool is not free.
    pub fn unjudged(&self, ticket: Ticket) {
        let mut g = self.lock();
        g.uncount(&ticket, |k| !matches!(k, Key::Net(_) | Key::Wide(_)));
    }

    /// An admin lifted `email`'s waits (at `at`, stored by the caller): its failures
    /// from unknown browsers, every address's on it and its devices' no longer count.
    /// Answers the state before.
    pub fn unlock(&self, email: &str, at: i64, now: i64) -> AccountState {
        let before = self.account_state(email, now);
        let mut g = self.lock();
        g.clear_account(email);
        let applied = g.applied_unlock.entry(email.to_string()).or_insert(0);
        *applied = (*applied).max(at);
        before
    }

    /// `email`'s throttling now, as this process counts it.
    pub fn account_state(&self, email: &str, now: i64) -> AccountState {
        let p = &self.policy;
        let since = now - p.window_ms;
        let mut g = self.lock();
        let (failures, last) = g
            .accounts
            .get(&Key::Account(email.to_string()), since)
            .map_or((0, None), |f| (f.count(), f.last()));
        let delay = p.account_delay_ms(failures);
        let until = last.unwrap_or(now) + delay;
        AccountState {
            failures,
            slowed_until: (delay > 0 && until > now).then_some(until),
        }
    }
}

impl Inner {
    #[allow(clippy::too_many_arguments)]
    fn count_in(
        &mut self,
        keys: Vec<Key>,
        now: i64,
        p: &LockoutPolicy,
        trusted: bool,
        account: Option<&str>,
        net: IpAddr,
        device: Option<&str>,
    ) -> Ticket {
        for k in &keys {
            let (table, cap) = match k {
                Key::Net(_) => (&mut self.nets, p.max_ip_failures),
                Key::Wide(_) => (&mut self.nets, p.max_wide_failures),
                Key::Pair(..) => (&mut self.pairs, p.pair_free_failures + 64),
                Key::Account(_) => (&mut self.accounts, p.account_free_failures + 64),
                Key::AccountDevices(_) => (&mut self.devices, p.account_device_max_failures),
                Key::Device(_) => (&mut self.devices, p.device_max_failures),
            };
            table.0.entry(k.clone()).or_default().push(now, cap);
        }
        Ticket {
            at: now,
            keys,
            trusted,
            account: account.map(str::to_string),
            net,
            device: device.map(str::to_string),
        }
    }

    fn uncount(&mut self, ticket: &Ticket, which: impl Fn(&Key) -> bool) {
        for k in ticket.keys.iter().filter(|k| which(k)) {
            let table = match k {
                Key::Net(_) | Key::Wide(_) => &mut self.nets,
                Key::Pair(..) => &mut self.pairs,
                Key::Account(_) => &mut self.accounts,
                Key::AccountDevices(_) | Key::Device(_) => &mut self.devices,
            };
            if let Some(f) = table.0.get_mut(k) {
                f.remove_one(ticket.at);
                if f.0.is_empty() {
                    table.0.remove(k);
                }
            }
        }
    }

    fn clear_account(&mut self, email: &str) {
        self.accounts.0.remove(&Key::Account(email.to_string()));
        self.devices
            .0
            .remove(&Key::AccountDevices(email.to_string()));
        self.pairs
            .0
            .retain(|k, _| !matches!(k, Key::Pair(e, _) if e == email));
    }

    fn sweep(&mut self, since: i64, now: i64, _known_ms: i64) {
        self.nets.sweep(since);
        self.pairs.sweep(since);
        self.accounts.sweep(since);
        self.devices.sweep(since);
        self.known.retain(|_, k| now - k.read_at < KNOWN_TTL_MS);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v4(a: [u8; 4]) -> IpAddr {
        IpAddr::from(a)
    }

    fn yes(a: Admit) -> Ticket {
        match a {
            Admit::Yes(t) => t,
            other => panic!("expected admitted, got {other:?}"),
        }
    }

    fn no(a: Admit) -> Refusal {
        match a {
            Admit::No(r) => r,
            other => panic!("expected refused, got {other:?}"),
        }
    }

    /// Issue 10, M2': an attacker with an IPv6 /64 has 2^64 addresses; they are one
    /// budget, and a /48 (65 536 /64s) one coarser budget.
    #[test]
    fn ipv6_addresses_are_counted_by_64_and_48() {
        let t = Throttle::new(LockoutPolicy {
            max_ip_failures: 3,
            max_wide_failures: 5,
            ..LockoutPolicy::default()
        });
        let addr = |s: &str| s.parse::<IpAddr>().unwrap();
        for i in 0..3 {
            let _ = yes(t.admit(addr(&format!("2001:db8:1:1::{i:x}")), None, None, 1000));
        }
        // Another host of the same /64: the budget is spent.
        assert!(matches!(
            no(t.admit(addr("2001:db8:1:1:ffff::1"), None, None, 1000)),
            Refusal::Address { .. }
        ));
        // Another /64 of the same /48: two more, then the /48 is spent.
        for i in 0..2 {
            let _ = yes(t.admit(addr(&format!("2001:db8:1:2::{i}")), None, None, 1000));
        }
        assert!(matches!(
            no(t.admit(addr("2001:db8:1:3::1"), None, None, 1000)),
            Refusal::Address { .. }
        ));
        // Another /48 is not affected; IPv4-mapped addresses count as IPv4.
        let _ = yes(t.admit(addr("2001:db8:2:1::1"), None, None, 1000));
        assert_eq!(net64(addr("::ffff:192.0.2.1")), v4([192, 0, 2, 1]));
        assert_eq!(net48(v4([192, 0, 2, 1])), None);
    }

    /// A trusted device skips the address, pair and account budgets, within its own.
    #[test]
    fn a_trusted_device_has_its_own_budget() {
        let t = Throttle::new(LockoutPolicy {
            max_ip_failures: 2,
            device_max_failures: 2,
            ..LockoutPolicy::default()
        });
        let ip = v4([192, 0, 2, 1]);
        let _ = yes(t.admit(ip, Some("a@x"), None, 1000));
        let _ = yes(t.admit(ip, Some("a@x"), None, 1000));
        assert!(matches!(
            no(t.admit(ip, Some("a@x"), None, 1000)),
            Refusal::Address { .. }
        ));
        let first = yes(t.admit(ip, Some("a@x"), Some("dev1"), 1000));
        assert!(first.trusted);
        let second = yes(t.admit(ip, Some("a@x"), Some("dev1"), 1000));
        assert!(second.trusted);
        // Its budget spent, the device is an unknown browser again.
        assert!(matches!(
            no(t.admit(ip, Some("a@x"), Some("dev1"), 1000)),
            Refusal::Address { .. }
        ));
        // A good sign-in clears the device's failures.
        t.succeeded(second);
        let third = yes(t.admit(ip, Some("a@x"), Some("dev1"), 1000));
        assert!(third.trusted);
    }

    /// The account's wait for unknown browsers doubles and is capped below the window;
    /// a known network skips it once looked up; an unlock clears it.
    #[test]
    fn the_account_wait_grows_and_spares_known_networks() {
        let p = LockoutPolicy {
            account_free_failures: 2,
            ..LockoutPolicy::default()
        };
        assert_eq!(p.account_delay_ms(1), 0);
        assert_eq!(p.account_delay_ms(2), 1000);
        assert_eq!(p.account_delay_ms(4), 4000);
        assert_eq!(p.account_delay_ms(60), p.account_max_delay_ms);
        let t = Throttle::new(p);
        let _ = yes(t.admit(v4([192, 0, 2, 1]), Some("a@x"), None, 1000));
        let _ = yes(t.admit(v4([192, 0, 2, 2]), Some("a@x"), None, 1000));
        let office = v4([10, 0, 0, 1]);
        assert!(matches!(
            t.admit(office, Some("a@x"), None, 1000),
            Admit::LookUp
        ));
        t.remember(
            "a@x",
            Known {
                nets: [office].into_iter().collect(),
                unlocked_at: 0,
            },
            1000,
        );
        let _ = yes(t.admit(office, Some("a@x"), None, 1000));
        assert_eq!(
            no(t.admit(v4([192, 0, 2, 3]), Some("a@x"), None, 1500)),
            Refusal::Account {
                failures: 3,
                wait_ms: 1500
            }
        );
        assert_eq!(t.account_state("a@x", 1500).slowed_until, Some(3000));
        // After the wait, one more try.
        let _ = yes(t.admit(v4([192, 0, 2, 3]), Some("a@x"), None, 3000));
        let before = t.unlock("a@x", 3000, 3000);
        assert_eq!(before.failures, 4);
        assert_eq!(t.account_state("a@x", 3000).failures, 0);
        let _ = yes(t.admit(v4([192, 0, 2, 4]), Some("a@x"), None, 3000));
    }

    /// An unjudged attempt gives back the account's count but not the address's.
    #[test]
    fn an_unjudged_attempt_still_costs_its_address() {
        let t = Throttle::new(LockoutPolicy {
            max_ip_failures: 2,
            account_free_failures: 1,
            ..LockoutPolicy::default()
        });
        let ip = v4([192, 0, 2, 1]);
        let a = yes(t.admit(ip, Some("a@x"), None, 1000));
        t.unjudged(a);
        assert_eq!(t.account_state("a@x", 1000).failures, 0);
        let _ = yes(t.admit(ip, Some("b@x"), None, 1000));
        assert!(matches!(
            no(t.admit(ip, Some("c@x"), None, 1000)),
            Refusal::Address { .. }
        ));
    }

    /// A flood of one-failure addresses beyond what the tables hold never turns a new
    /// address away, and forgets the flood's keys before the ones that matter: an
    /// address that spent its budget stays refused, an account under attack stays slowed.
    #[test]
    fn a_full_table_forgets_the_weakest_keys_and_admits_newcomers() {
        let t = Throttle::new(LockoutPolicy {
            max_tracked: 50,
            max_ip_failures: 3,
            ..LockoutPolicy::default()
        });
        let spent = v4([198, 51, 100, 7]);
        for i in 0..3 {
            let _ = yes(t.admit(spent, None, None, 1000 + i));
        }
        for i in 0..3u8 {
            let ip = v4([203, 0, 113, 10 + i]);
            let _ = yes(t.admit(ip, Some("victim@x"), None, 1000));
        }
        // 500 addresses, one failure each, on 500 made-up accounts: ten times the table.
        for i in 0..500u32 {
            let [_, _, a, b] = i.to_be_bytes();
            let ip = v4([10, 1, a, b]);
            let account = format!("nobody{i}@x");
            let _ = yes(t.admit(ip, Some(&account), None, 2000));
        }
        // A newcomer is still let in (was 503 `busy` once the tables were full).
        let _ = yes(t.admit(v4([192, 0, 2, 99]), Some("other@x"), None, 3000));
        // What mattered is remembered.
        assert!(matches!(
            no(t.admit(spent, None, None, 3000)),
            Refusal::Address { .. }
        ));
        assert_eq!(t.account_state("victim@x", 3000).failures, 3);
        let inner = t.lock();
        for table in [&inner.nets, &inner.pairs, &inner.accounts] {
            assert!(
                table.0.len() <= 50,
                "a table grew past its bound: {}",
                table.0.len()
            );
        }
    }

    /// The window slides: failures older than it no longer count.
    #[test]
    fn failures_leave_the_window() {
        let t = Throttle::new(LockoutPolicy {
            max_ip_failures: 1,
            ..LockoutPolicy::default()
        });
        let ip = v4([192, 0, 2, 1]);
        let _ = yes(t.admit(ip, None, None, 1000));
        assert_eq!(
            no(t.admit(ip, None, None, 2000)),
            Refusal::Address {
                wait_ms: 15 * 60 * 1000 - 1000
            }
        );
        let _ = yes(t.admit(ip, None, None, 1000 + 15 * 60 * 1000));
    }
}
