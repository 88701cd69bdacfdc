//! Which host names a request may address (issue 10). A server that answers any `Host`
//! can be reached through a name an attacker controls (DNS rebinding): a page on
//! `evil.example` whose name later resolves to 127.0.0.1 is then same-origin with the
//! server. `bidwell serve` accepts the listen address, `localhost`, `127.0.0.1`, `[::1]`,
//! the public URL's host and the names it is given; anything else is answered 421
//! `unknown_host` (400 `missing_host` without a name), in the JSON error shape. The port is
//! not compared: a name is what rebinding forges.

use std::net::SocketAddr;

use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::AppError;
use crate::AppState;

/// The host names a server answers for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllowedHosts {
    names: Vec<String>,
}

impl AllowedHosts {
    /// Whether `name` (as [`host_name`] gives it) is one of them.
    pub fn permits(&self, name: &str) -> bool {
        self.names.iter().any(|n| n == name)
    }

    /// The names, for messages.
    pub fn names(&self) -> &[String] {
        &self.names
    }
}

/// The allowlist of `bidwell serve`: the listen address (unless it is every interface),
/// `localhost`, `127.0.0.1`, `[::1]`, the host of `public_url` and `extra`. `None` (no
/// check) when `extra` holds `*`.
pub fn allowed(
    listen: SocketAddr,
    public_url: Option<&str>,
    extra: &[String],
) -> anyhow::Result<Option<AllowedHosts>> {
    if extra.iter().any(|e| e.trim() == "*") {
        return Ok(None);
    }
    let mut names: Vec<String> = ["localhost", "127.0.0.1", "[::1]"]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    if !listen.ip().is_unspecified() {
        names.push(match listen {
            SocketAddr::V4(a) => a.ip().to_string(),
            SocketAddr::V6(a) => format!("[{}]", a.ip()),
        });
    }
    if let Some(url) = public_url.filter(|u| !u.trim().is_empty()) {
        names.push(url_host(url).ok_or_else(|| {
            anyhow::anyhow!(
                "the public URL {url:?} is not an http:// or https:// address with a host"
            )
        })?);
    }
    for e in extra.iter().map(|e| e.trim()).filter(|e| !e.is_empty()) {
        names.push(host_name(e).ok_or_else(|| anyhow::anyhow!("{e:?} is not a host name"))?);
    }
    names.sort();
    names.dedup();
    Ok(Some(AllowedHosts { names }))
}

/// The host of an `http://` or `https://` URL, as [`host_name`] gives it.
fn url_host(url: &str) -> Option<String> {
    let rest = url
        .trim()
        .strip_prefix("https://")
        .or_else(|| url.trim().strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    host_name(authority)
}

/// The name in a `Host` value: lower case, without the port or a trailing dot; an IPv6
/// address keeps its brackets. `None` for an empty or malformed value.
pub fn host_name(host: &str) -> Option<String> {
    let host = host.trim();
    let name = if host.starts_with('[') {
        let end = host.find(']')?;
        let (name, port) = host.split_at(end + 1);
        if !(port.is_empty() || port.strip_prefix(':').is_some_and(is_port)) {
            return None;
        }
        name
    } else {
        match host.rsplit_once(':') {
            Some((name, port)) if is_port(port) => name,
            Some(_) => return None,
            None => host,
        }
    };
    let name = name.strip_suffix('.').unwrap_or(name).to_ascii_lowercase();
    let ok = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._[]:".contains(&b));
    ok.then_some(name)
}

fn is_port(p: &str) -> bool {
    !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit())
}

/// The port an authority (`host[:port]`) names, if it names one.
fn explicit_port(authority: &str) -> Option<u16> {
    let after_host = match authority.rfind(']') {
        Some(end) => &authority[end + 1..],
        None => authority,
    };
    after_host
        .rsplit_once(':')
        .and_then(|(_, p)| p.parse().ok())
}

/// Whether two authorities name the same host and port (`default_port` where one names
/// none).
fn same_authority(a: &str, b: &str, default_port: u16) -> bool {
    let port = |s: &str| explicit_port(s).unwrap_or(default_port);
    host_name(a).is_some() && host_name(a) == host_name(b) && port(a) == port(b)
}

/// Refuses a request that names its host ambiguously, whatever the allowlist (issue 10,
/// L9): two `Host` headers (a proxy and this server could each read another one), or an
/// absolute-form target (`GET http://evil.example/ HTTP/1.1`) whose authority is not the
/// `Host` header's (RFC 9112 §3.2.2 makes the target win, so the allowlist and the
/// same-origin check would judge a host the request does not address). 400 in the JSON
/// error shape, naming both.
pub fn ambiguous_host(req: &Request) -> Option<AppError> {
    let hosts: Vec<_> = req.headers().get_all(header::HOST).iter().collect();
    if hosts.len() > 1 {
        return Some(AppError::Coded {
            status: StatusCode::BAD_REQUEST,
            code: "duplicate_host",
            message: format!(
                "The request has {} Host headers; send exactly one.",
                hosts.len()
            ),
        });
    }
    let target = req.uri().authority()?;
    let shown = |s: &str| s.chars().take(100).collect::<String>();
    let default_port = if req.uri().scheme_str() == Some("https") {
        443
    } else {
        80
    };
    let host = hosts
        .first()
        .map(|h| String::from_utf8_lossy(h.as_bytes()).into_owned());
    match host {
        Some(h) if same_authority(target.as_str(), h.as_str(), default_port) => None,
        Some(h) => Some(AppError::Coded {
            status: StatusCode::BAD_REQUEST,
            code: "host_mismatch",
            message: format!(
                "The request target names the host {:?} but the Host header names {:?}; \
                 send the path only, or the same host in both.",
                shown(target.as_str()),
                shown(h.as_str())
            ),
        }),
        None => None,
    }
}

/// Middleware: refuses an ambiguous host ([`ambiguous_host`]) and answers a request for a
/// host not in `Config::allowed_hosts` (when set).
pub async fn check(State(st): State<AppState>, req: Request, next: Next) -> Response {
    if let Some(refused) = ambiguous_host(&req) {
        return refused.into_response();
    }
    if let Some(allowed) = &st.config.allowed_hosts {
        let named = req
            .headers()
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .map(str::to_owned)
            .or_else(|| req.uri().authority().map(|a| a.as_str().to_owned()));
        let Some(named) = named else {
            return AppError::Coded {
                status: StatusCode::BAD_REQUEST,
                code: "missing_host",
                message: "The request names no host (the Host header is required).".into(),
            }
            .into_response();
        };
        match host_name(&named) {
            Some(name) if allowed.permits(&name) => {}
            _ => {
                return AppError::Coded {
                    status: StatusCode::MISDIRECTED_REQUEST,
                    code: "unknown_host",
                    message: format!(
                        "This server does not answer for the host {:?}. It answers for {}; \
                         its administrator can add names with BIDWELL_PUBLIC_URL or \
                         BIDWELL_ALLOWED_HOSTS.",
                        named.chars().take(100).collect::<String>(),
                        allowed.names().join(", ")
                    ),
                }
                .into_response();
            }
        }
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authorities_compare_by_name_and_port() {
        assert!(same_authority("Example.com", "example.com:80", 80));
        assert!(same_authority("[::1]:8080", "[::1]:8080", 80));
        assert!(same_authority("127.0.0.1:443", "127.0.0.1", 443));
        assert!(!same_authority("127.0.0.1:8080", "127.0.0.1", 80));
        assert!(!same_authority("evil.example", "127.0.0.1", 80));
        assert!(!same_authority("[::1]", "[::1]:8080", 80));
        assert!(!same_authority("a b", "a b", 80));
    }

    #[test]
    fn host_names_lose_port_case_and_trailing_dot() {
        assert_eq!(
            host_name("Bids.Example.COM:8443").as_deref(),
            Some("bids.example.com")
        );
        assert_eq!(
            host_name("bids.example.com.").as_deref(),
            Some("bids.example.com")
        );
        assert_eq!(host_name("[::1]:8080").as_deref(), Some("[::1]"));
        assert_eq!(host_name("127.0.0.1").as_deref(), Some("127.0.0.1"));
        for bad in ["", ":80", "a b", "evil.example:x", "[::1", "[::1]x", "a/b"] {
            assert_eq!(host_name(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_default_list_is_the_listen_address_loopback_and_the_public_host() {
        let a = allowed(
            "127.0.0.1:8080".parse().expect("addr"),
            Some("https://user@Bids.Example.com:8443/app?x=1"),
            &["intranet-host".into(), " ".into()],
        )
        .expect("valid")
        .expect("checked");
        for ok in [
            "localhost",
            "127.0.0.1",
            "[::1]",
            "bids.example.com",
            "intranet-host",
        ] {
            assert!(a.permits(ok), "{ok}");
        }
        for no in [
            "evil.example",
            "0.0.0.0",
            "example.com",
            "bids.example.com.evil",
        ] {
            assert!(!a.permits(no), "{no}");
        }
        let all = allowed("0.0.0.0:80".parse().expect("addr"), None, &[]).expect("valid");
        assert!(!all.expect("checked").permits("0.0.0.0"));
        assert_eq!(
            allowed("0.0.0.0:80".parse().expect("addr"), None, &["*".into()]).expect("valid"),
            None
        );
        assert!(allowed("0.0.0.0:80".parse().expect("addr"), Some("ftp://x"), &[]).is_err());
        assert!(allowed("0.0.0.0:80".parse().expect("addr"), None, &["a b".into()]).is_err());
    }
}
