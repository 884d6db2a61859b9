//! Differential testing against Lua 5.4 with generated programs (docs/reliability.md).
//!
//! ```text
//! cargo run --release -p gscript --example difftest -- show SEED        # print both sources
//! cargo run --release -p gscript --example difftest -- run START COUNT [BATCH]
//! ```
//!
//! `run` generates programs START..START+COUNT (tests/progen), runs each batch with
//! `lua5.4` and with `gscript` in each mode of `DIFFTEST_MODES` (comma-separated extra
//! flags, default `,--gc-stress`: plain and GC stress; `-` alone means no flag), and
//! compares standard output byte for byte. Environment: `GSCRIPT_BIN` (default: the
//! `gscript` built next to this example), `LUA_BIN` (default `lua5.4`). Exits 1 at the first divergence, after writing the batch
//! to `difftest-fail.{gs,lua}` and naming the first differing program.
#[path = "../tests/progen/mod.rs"]
mod progen;

use std::path::PathBuf;
use std::process::Command;

fn gscript_bin() -> PathBuf {
    if let Some(p) = std::env::var_os("GSCRIPT_BIN") {
        return PathBuf::from(p);
    }
    // target/release/examples/difftest -> target/release/gscript
    let exe = std::env::current_exe().expect("current exe");
    exe.parent().and_then(|p| p.parent()).map(|p| p.join("gscript")).expect("gscript path")
}

fn run(cmd: &mut Command) -> Vec<u8> {
    match cmd.output() {
        Ok(o) => {
            let mut out = o.stdout;
            if !o.status.success() {
                out.extend_from_slice(format!("\n[exit {:?}] ", o.status.code()).as_bytes());
                out.extend_from_slice(&o.stderr);
            }
            out
        }
        Err(e) => format!("[cannot run: {e}]").into_bytes(),
    }
}

/// The last program header (`== SEED`) before the first differing byte.
fn first_divergence(a: &[u8], b: &[u8]) -> String {
    let i = a.iter().zip(b).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
    let text = String::from_utf8_lossy(&a[..i]);
    text.rfind("== ").map(|p| text[p..].lines().next().unwrap_or("").to_string()).unwrap_or_default()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("show") => {
            let seed: u64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(0);
            let p = progen::program(seed);
            println!("// ---- GScript ----\n{}\n-- ---- Lua ----\n{}", p.gs, p.lua);
        }
        Some("run") => {
            let start: u64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(0);
            let count: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1000);
            let per: u64 = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(100);
            let gs_bin = gscript_bin();
            let modes: Vec<String> = std::env::var("DIFFTEST_MODES")
                .unwrap_or_else(|_| ",--gc-stress".into())
                .split(',')
                .map(|m| if m == "-" { String::new() } else { m.trim().to_string() })
                .collect();
            let lua_bin = std::env::var("LUA_BIN").unwrap_or_else(|_| "lua5.4".into());
            let dir = std::env::temp_dir().join(format!("gscript-difftest-{}", std::process::id()));
            std::fs::create_dir_all(&dir).expect("temp dir");
            let t0 = std::time::Instant::now();
            let mut done = 0;
            let mut lo = start;
            while lo < start + count {
                let hi = (lo + per).min(start + count);
                let b = progen::batch(lo..hi);
                let (gs_path, lua_path) = (dir.join("batch.gs"), dir.join("batch.lua"));
                std::fs::write(&gs_path, &b.gs).expect("write");
                std::fs::write(&lua_path, &b.lua).expect("write");
                let lua_out = progen::normalize(&run(Command::new(&lua_bin).arg(&lua_path)));
                for flag in &modes {
                    let mut cmd = Command::new(&gs_bin);
                    if !flag.is_empty() {
                        cmd.arg(flag);
                    }
                    let out = progen::normalize(&run(cmd.arg(&gs_path)));
                    let what = format!("gscript {flag}");
                    if out != lua_out {
                        std::fs::write("difftest-fail.gs", &b.gs).ok();
                        std::fs::write("difftest-fail.lua", &b.lua).ok();
                        eprintln!(
                            "DIVERGENCE ({what} vs lua5.4) in programs {lo}..{hi}, first at '{}'; sources in difftest-fail.gs / .lua",
                            first_divergence(&out, &lua_out)
                        );
                        std::process::exit(1);
                    }
                }
                done += hi - lo;
                lo = hi;
                if done % 10_000 == 0 {
                    eprintln!("{done} programs, no divergence ({:.0?})", t0.elapsed());
                }
            }
            let _ = std::fs::remove_dir_all(&dir);
            println!(
                "difftest: {done} programs ({start}..{}) identical in lua5.4 and gscript modes {modes:?} ({:.1?})",
                start + count,
                t0.elapsed()
            );
        }
        _ => {
            eprintln!("usage: difftest show SEED | difftest run START COUNT [BATCH]");
            std::process::exit(2);
        }
    }
}
