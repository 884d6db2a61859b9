//! os.date / os.time engines against lua5.4 output recorded in two time zones
//! (tests/data/gen_strftime.lua). Each zone runs in a child process with TZ set, because
//! the C library reads TZ once per process.

use vm::stdlib::strftime::{self, Tm};

fn check_file(data: &str) {
    let mut failures = Vec::new();
    let mut n = 0;
    for line in data.lines() {
        n += 1;
        if let Some(rest) = line.strip_prefix("T|") {
            let parts: Vec<&str> = rest.split('|').collect();
            let f: Vec<&str> = parts[0].split(',').collect();
            let v: Vec<i64> = f[..6].iter().map(|x| x.parse().unwrap()).collect();
            let isdst = match f[6] {
                "nil" => None,
                s => Some(s == "true"),
            };
            let got = match strftime::mktime_local(v[0], v[1], v[2], v[3], v[4], v[5], isdst) {
                Some((t, tm)) => format!("{t}|{},{},{},{},{},{},{},{},{}", tm.year, tm.month, tm.day, tm.hour, tm.min, tm.sec, tm.wday + 1, tm.yday, tm.isdst),
                None => "ERR".into(),
            };
            let want = format!("{}|{}", parts[1], parts[2]);
            let want = if parts[1] == "ERR" { "ERR".to_string() } else { want };
            if got != want {
                failures.push(format!("os.time {rest}\n   got  {got}\n   want {want}"));
            }
            continue;
        }
        let mut it = line.splitn(3, '|');
        let t: i64 = it.next().unwrap().parse().unwrap();
        let utc = it.next().unwrap() == "!";
        let want = it.next().unwrap();
        let fmt = "%a|%A|%b|%B|%c|%C|%d|%D|%e|%F|%g|%G|%h|%H|%I|%j|%m|%M|%n|%p|%r|%R|%S|%t|%T|%u|%U|%V|%w|%W|%x|%X|%y|%Y|%z|%Z|%%|%Ec|%EC|%Ex|%EX|%Ey|%EY|%Od|%Oe|%OH|%OI|%Om|%OM|%OS|%Ou|%OU|%OV|%Ow|%OW|%Oy";
        let tm: Option<Tm> = if utc { strftime::utc_tm(t) } else { strftime::local_tm(t) };
        let got = match tm {
            None => "ERR".to_string(),
            Some(tm) => {
                let mut out = Vec::new();
                strftime::strftime(fmt.as_bytes(), &tm, &mut out).unwrap();
                String::from_utf8(out).unwrap().replace('\n', "\\n")
            }
        };
        if got != want {
            failures.push(format!("t={t} utc={utc}\n   got  {got}\n   want {want}"));
        }
    }
    assert!(failures.is_empty(), "{} of {n} differ:\n{}", failures.len(), failures[..failures.len().min(10)].join("\n"));
}

fn run_zone(tz: &str, data: &str) {
    if std::env::var("ENGINES_TZ_CHILD").is_ok() {
        if std::env::var("TZ").as_deref() == Ok(tz) {
            check_file(data);
        }
        return;
    }
    let exe = std::env::current_exe().unwrap();
    let test_name = format!("zone_{}", tz.replace('/', "_").to_lowercase());
    let out = std::process::Command::new(exe)
        .args(["--exact", &test_name, "--nocapture", "--test-threads=1"])
        .env("ENGINES_TZ_CHILD", "1")
        .env("TZ", tz)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}\n{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
}

#[test]
fn zone_america_new_york() {
    run_zone("America/New_York", include_str!("data/strftime_ny.txt"));
}

#[test]
fn zone_australia_lord_howe() {
    run_zone("Australia/Lord_Howe", include_str!("data/strftime_lh.txt"));
}

#[test]
fn spec_examples() {
    let tm = strftime::utc_tm(1700000000).unwrap();
    let mut out = Vec::new();
    strftime::strftime(b"%Y-%m-%d %H:%M:%S %a %b %j %p %I", &tm, &mut out).unwrap();
    assert_eq!(out, b"2023-11-14 22:13:20 Tue Nov 318 PM 10");
    assert_eq!(strftime::strftime(b"%Qabc", &tm, &mut out), Err("invalid conversion specifier '%Qabc'".to_string()));
    assert_eq!(strftime::strftime(b"x%", &tm, &mut out), Err("invalid conversion specifier '%'".to_string()));
    assert_eq!(strftime::strftime(b"%Ez", &tm, &mut out), Err("invalid conversion specifier '%Ez'".to_string()));
    let d = strftime::utc_tm(3600).unwrap();
    assert_eq!((d.year, d.month, d.day, d.hour, d.wday + 1, d.yday, d.isdst), (1970, 1, 1, 1, 5, 1, false));
    let mut g = Vec::new();
    strftime::format_go_layout(&tm, 123456789, b"2006-01-02 15:04:05 Mon Jan", &mut g);
    assert_eq!(g, b"2023-11-14 22:13:20 Tue Nov");
    g.clear();
    strftime::format_go_layout(&tm, 123456789, b"Monday January _2 3:4:5 PM pm 06 002 .000 .000000000 -0700 -07:00 Z07:00 MST 1/2", &mut g);
    assert_eq!(String::from_utf8(g).unwrap(), "Tuesday November 14 10:13:20 PM pm 23 318 .123 .123456789 +0000 +00:00 Z GMT 11/14");
    assert_eq!(strftime::timegm(2024, 2, 29, 0, 0, 0), Some(1709164800));
    assert_eq!(strftime::timegm(2024, 14, 35, -1, 70, 0), strftime::timegm(2025, 3, 6, 23, 70, 0));
    let leap = strftime::utc_tm(1709164800).unwrap();
    assert_eq!((leap.wday, leap.yday), (4, 60));
}

#[test]
fn parse_layouts() {
    let p = |s: &str, l: &str| strftime::parse_time(s.as_bytes(), l.as_bytes());
    assert_eq!(p("2023-11-14 22:13:20", "2006-01-02 15:04:05").unwrap().unix, 1700000000);
    assert_eq!(p("2023-11-14 22:13:20", "%Y-%m-%d %H:%M:%S").unwrap().unix, 1700000000);
    assert_eq!(p("14 Nov 2023 10:13:20 PM", "%d %b %Y %H:%M:%S %p").unwrap().unix, 1700000000);
    assert_eq!(p("Tue, 14 Nov 2023 22:13:20 +0100", "Mon, 02 Jan 2006 15:04:05 -0700").unwrap().unix, 1700000000 - 3600);
    assert!(p("2023-11-14T22:13:20.5Z", "2006-01-02T15:04:05Z07:00").is_err());
    let t = p("2023-11-14T22:13:20.500Z", "2006-01-02T15:04:05.000Z07:00").unwrap();
    assert_eq!((t.unix, t.nsec), (1700000000, 500_000_000));
    assert_eq!(p("2023-11-14T23:13:20+01:00", "2006-01-02T15:04:05Z07:00").unwrap().unix, 1700000000);
    assert_eq!(p("2023 318", "%Y %j").unwrap().unix, 1699920000);
    assert!(p("2023-02-30", "2006-01-02").is_err());
    assert!(p("2023-11-14x", "2006-01-02").unwrap_err().contains("extra text"));
    assert!(p("13:00 PM", "03:04 PM").is_err());
    assert_eq!(p("January 5, 1970", "January 2, 2006").unwrap().unix, 4 * 86400);
}
