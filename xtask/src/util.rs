//! Small process helpers: run a command with inherited stdio and fail with the command line,
//! read a tool's version, format durations, and own a server child so it never outlives us.

use std::fs;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

/// The command line as a person would type it (program, then arguments; env not shown).
pub fn show(cmd: &Command) -> String {
    let mut s = cmd.get_program().to_string_lossy().into_owned();
    // `$CARGO` is an absolute path to the toolchain's cargo; print it as plain `cargo`.
    if s.ends_with("/cargo") {
        s = "cargo".to_owned();
    }
    for a in cmd.get_args() {
        let a = a.to_string_lossy();
        if a.is_empty() || a.contains(' ') {
            s.push_str(&format!(" '{a}'"));
        } else {
            s.push(' ');
            s.push_str(&a);
        }
    }
    s
}

/// Run with inherited stdio; an error names the command and its exit status.
pub fn sh(cmd: &mut Command) -> Result<()> {
    let line = show(cmd);
    println!("$ {line}");
    let status = cmd
        .status()
        .with_context(|| format!("could not start `{line}` (is it installed and on PATH?)"))?;
    if !status.success() {
        bail!("`{line}` failed ({status})");
    }
    Ok(())
}

/// Run quietly and return trimmed stdout, or `None` when the program is missing or fails.
/// For version probes.
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    Some(String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// `1.2s`, `3m04s`.
pub fn fmt_duration(d: Duration) -> String {
    if d.as_secs() < 60 {
        let tenths = d.as_millis() / 100;
        format!("{}.{}s", tenths / 10, tenths % 10)
    } else {
        let whole = d.as_secs();
        format!("{}m{:02}s", whole / 60, whole % 60)
    }
}

/// Is `CI` set to a true value (GitHub and our runner set `CI=true`)?
pub fn in_ci() -> bool {
    matches!(
        std::env::var("CI").map(|v| v.to_ascii_lowercase()),
        Ok(v) if v == "true" || v == "1" || v == "yes"
    )
}

/// A port that was free a moment ago on 127.0.0.1.
pub fn free_port() -> Result<u16> {
    let l = TcpListener::bind("127.0.0.1:0").context("binding a free port")?;
    Ok(l.local_addr()?.port())
}

/// The status code of a plain HTTP/1.1 GET, without any HTTP library.
pub fn http_status(addr: SocketAddr, path: &str) -> std::io::Result<u16> {
    let mut s = TcpStream::connect_timeout(&addr, Duration::from_secs(1))?;
    s.set_read_timeout(Some(Duration::from_secs(3)))?;
    s.set_write_timeout(Some(Duration::from_secs(3)))?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nAccept: application/json\r\n\r\n"
    )?;
    let mut head = Vec::new();
    let mut buf = [0u8; 256];
    while head.len() < 12 {
        let n = s.read(&mut buf)?;
        if n == 0 {
            break;
        }
        head.extend_from_slice(&buf[..n]);
    }
    // "HTTP/1.1 200 OK"
    let text = String::from_utf8_lossy(&head);
    text.split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("not an HTTP answer: {text:?}")))
}

/// Signs in with a plain HTTP/1.1 `POST /api/auth/login`: the session cookie's value and
/// the CSRF token.
pub fn http_login(addr: SocketAddr, email: &str, password: &str) -> Result<(String, String)> {
    let body = serde_json::json!({ "email": email, "password": password }).to_string();
    let mut s = TcpStream::connect_timeout(&addr, Duration::from_secs(2))?;
    s.set_read_timeout(Some(Duration::from_secs(30)))?;
    write!(
        s,
        "POST /api/auth/login HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )?;
    let mut answer = String::new();
    s.read_to_string(&mut answer)?;
    let (head, json) = answer
        .split_once("\r\n\r\n")
        .context("no end of headers in the sign-in answer")?;
    if !head.starts_with("HTTP/1.1 200") {
        bail!("sign-in answered {}", head.lines().next().unwrap_or(""));
    }
    let cookie = head
        .lines()
        .filter_map(|l| l.split_once(':'))
        .filter(|(k, _)| k.eq_ignore_ascii_case("set-cookie"))
        .filter_map(|(_, v)| v.trim().split(';').next()?.split_once('='))
        .find(|(k, _)| *k == "bidwell_session")
        .map(|(_, v)| v.to_owned())
        .context("no session cookie in the sign-in answer")?;
    let me: serde_json::Value = serde_json::from_str(json).context("sign-in body")?;
    let csrf = me["csrf_token"]
        .as_str()
        .context("no csrf_token in the sign-in answer")?
        .to_owned();
    Ok((cookie, csrf))
}

/// A server child process that is killed (and its scratch directory removed) when this
/// value is dropped: on success, on error, and on panic unwinding. Ctrl-C reaches the
/// child directly, since it shares our process group.
pub struct ServerGuard {
    child: Child,
    scratch: Option<PathBuf>,
}

impl ServerGuard {
    pub fn new(child: Child, scratch: Option<PathBuf>) -> Self {
        ServerGuard { child, scratch }
    }

    /// The child's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Waits for the child to end by itself (or by a signal someone else sent).
    pub fn wait(&mut self) -> Result<std::process::ExitStatus> {
        Ok(self.child.wait()?)
    }

    /// Wait until `GET path` answers 200, failing early if the child exits.
    pub fn wait_healthy(&mut self, addr: SocketAddr, path: &str, limit: Duration) -> Result<()> {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait()? {
                bail!("the server exited before it became healthy ({status})");
            }
            let last_err = match http_status(addr, path) {
                Ok(200) => return Ok(()),
                Ok(code) => format!("answered {code}"),
                Err(e) => e.to_string(),
            };
            if start.elapsed() > limit {
                bail!(
                    "http://{addr}{path} not healthy after {}: {last_err}",
                    fmt_duration(limit)
                );
            }
            // Polling a socket that is not up yet; nothing to wait on but time.
            std::thread::sleep(Duration::from_millis(150));
        }
    }
}

impl Drop for ServerGuard {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
        if let Some(dir) = self.scratch.take() {
            let _ = fs::remove_dir_all(dir);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_like_a_person_would_write_them() {
        assert_eq!(fmt_duration(Duration::from_millis(1234)), "1.2s");
        assert_eq!(fmt_duration(Duration::from_millis(59_990)), "59.9s");
        assert_eq!(fmt_duration(Duration::from_secs(184)), "3m04s");
    }
}
