//! Calendar and time-text engines for `os.date`, `os.time` (spec 12.8) and the `time` module's
//! `format`/`parse` (spec 12.10).
//!
//! * Proleptic Gregorian civil date <-> day number conversions ([`days_from_civil`],
//!   [`civil_from_days`]) on i64, valid for every year that fits.
//! * Broken-down time [`Tm`] for UTC ([`utc_tm`]) and the machine's local time zone
//!   ([`local_tm`], via the C library's `localtime_r`), and `os.time`'s normalising
//!   `mktime` ([`mktime_local`]) plus a pure UTC equivalent ([`timegm`]).
//! * [`strftime`]: every C-locale conversion os.date accepts (glibc output, including negative
//!   years), with Lua's option check and error `invalid conversion specifier '%…'`.
//! * Go reference layouts: [`format_go_layout`] (longest-token replacement) and
//!   [`parse_time`] for both Go layouts and the `%` form.
//!
//! Invariants: never panics; arithmetic is checked or done in i128; local-time functions fall
//! back to UTC on platforms without the POSIX time functions.

/// A broken-down time (C `struct tm` with full-year and 1-based fields, as Lua's `*t` table).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tm {
    /// Full year (e.g. 2023); may be negative or above 9999.
    pub year: i64,
    /// 1..=12
    pub month: u32,
    /// 1..=31
    pub day: u32,
    pub hour: u32,
    pub min: u32,
    /// 0..=60
    pub sec: u32,
    /// 0 = Sunday .. 6 = Saturday (Lua's `wday` field is this + 1).
    pub wday: u32,
    /// 1..=366 (Lua's `yday`).
    pub yday: u32,
    pub isdst: bool,
    /// Seconds east of UTC.
    pub utc_offset: i64,
    /// Zone abbreviation (`GMT` for [`utc_tm`], as glibc's gmtime).
    pub zone: String,
}

const SECS_PER_DAY: i64 = 86400;

/// Days since 1970-01-01 of a proleptic Gregorian date (month 1..=12, day 1..=31; other values
/// are accepted and extrapolate linearly in the day).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// Inverse of [`days_from_civil`]: (year, month 1..=12, day 1..=31).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z.rem_euclid(146097);
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

pub fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

pub fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Weekday (0 = Sunday) of a day number.
fn weekday(days: i64) -> u32 {
    (days + 4).rem_euclid(7) as u32
}

/// Broken-down UTC time of `t` seconds since the epoch; `None` if the year does not fit C's
/// `int tm_year` (Lua: `date result cannot be represented in this installation`).
pub fn utc_tm(t: i64) -> Option<Tm> {
    let mut tm = tm_from_offset_secs(t, 0)?;
    tm.zone = "GMT".to_string();
    Some(tm)
}

/// Broken-down time of `t + offset` (wall clock in a zone `offset` seconds east of UTC).
fn tm_from_offset_secs(t: i64, offset: i64) -> Option<Tm> {
    let local = t.checked_add(offset)?;
    let days = local.div_euclid(SECS_PER_DAY);
    let secs = local.rem_euclid(SECS_PER_DAY);
    let (year, month, day) = civil_from_days(days);
    i32::try_from(year - 1900).ok()?;
    let yday = (days - days_from_civil(year, 1, 1)) as u32 + 1;
    Some(Tm {
        year,
        month,
        day,
        hour: (secs / 3600) as u32,
        min: (secs / 60 % 60) as u32,
        sec: (secs % 60) as u32,
        wday: weekday(days),
        yday,
        isdst: false,
        utc_offset: offset,
        zone: String::new(),
    })
}

/// Seconds since the epoch of a UTC civil time, normalising out-of-range fields like `timegm`
/// (month 14 is February of the next year, hour -1 the previous day, ...). `None` on overflow.
pub fn timegm(year: i64, month: i64, day: i64, hour: i64, min: i64, sec: i64) -> Option<i64> {
    let m0 = i128::from(month) - 1;
    let y = i128::from(year) + m0.div_euclid(12);
    let m = (m0.rem_euclid(12) + 1) as u32;
    let y64 = i64::try_from(y).ok()?;
    if y64.unsigned_abs() > 1 << 40 {
        return None;
    }
    let days = i128::from(days_from_civil(y64, m, 1)) + i128::from(day) - 1;
    let total = days * 86400 + i128::from(hour) * 3600 + i128::from(min) * 60 + i128::from(sec);
    i64::try_from(total).ok()
}

/// Lua's `getfield` range check for `os.time` table fields: `value - delta` must fit a C int
/// (else `field 'NAME' is out-of-bound`). Returns the C value.
pub fn tm_field(value: i64, delta: i64) -> Option<i32> {
    i32::try_from(i128::from(value) - i128::from(delta)).ok()
}

#[cfg(all(unix, target_pointer_width = "64"))]
mod sys {
    use std::os::raw::{c_char, c_int, c_long};

    /// glibc/musl/BSD `struct tm` (with the tm_gmtoff / tm_zone extensions).
    #[repr(C)]
    pub struct CTm {
        pub tm_sec: c_int,
        pub tm_min: c_int,
        pub tm_hour: c_int,
        pub tm_mday: c_int,
        pub tm_mon: c_int,
        pub tm_year: c_int,
        pub tm_wday: c_int,
        pub tm_yday: c_int,
        pub tm_isdst: c_int,
        pub tm_gmtoff: c_long,
        pub tm_zone: *const c_char,
    }

    extern "C" {
        pub fn localtime_r(t: *const i64, out: *mut CTm) -> *mut CTm;
        pub fn mktime(tm: *mut CTm) -> i64;
    }

    pub fn zeroed() -> CTm {
        CTm { tm_sec: 0, tm_min: 0, tm_hour: 0, tm_mday: 0, tm_mon: 0, tm_year: 0, tm_wday: 0, tm_yday: 0, tm_isdst: 0, tm_gmtoff: 0, tm_zone: std::ptr::null() }
    }

    pub fn to_tm(c: &CTm) -> super::Tm {
        let zone = if c.tm_zone.is_null() {
            String::new()
        } else {
            // SAFETY: tm_zone points to a NUL-terminated string owned by the C library.
            unsafe { std::ffi::CStr::from_ptr(c.tm_zone) }.to_string_lossy().into_owned()
        };
        super::Tm {
            year: i64::from(c.tm_year) + 1900,
            month: (c.tm_mon + 1).clamp(1, 12) as u32,
            day: c.tm_mday.clamp(1, 31) as u32,
            hour: c.tm_hour.clamp(0, 23) as u32,
            min: c.tm_min.clamp(0, 59) as u32,
            sec: c.tm_sec.clamp(0, 60) as u32,
            wday: c.tm_wday.clamp(0, 6) as u32,
            yday: (c.tm_yday + 1).clamp(1, 366) as u32,
            isdst: c.tm_isdst > 0,
            utc_offset: c.tm_gmtoff,
            zone,
        }
    }
}

/// Broken-down local time (the process's time zone, `TZ`) of `t`; `None` if not
/// representable.
pub fn local_tm(t: i64) -> Option<Tm> {
    #[cfg(all(unix, target_pointer_width = "64"))]
    {
        let mut c = sys::zeroed();
        // SAFETY: both pointers are valid for the call; localtime_r is thread-safe.
        let r = unsafe { sys::localtime_r(&t, &mut c) };
        if r.is_null() {
            return None;
        }
        Some(sys::to_tm(&c))
    }
    #[cfg(not(all(unix, target_pointer_width = "64")))]
    {
        let mut tm = utc_tm(t)?;
        tm.zone = "UTC".to_string();
        Some(tm)
    }
}

/// `os.time(table)`: C `mktime` on local-time fields given as C values (`year` = full year,
/// `month` 1-based, as read from the table; out-of-range values are normalised). `isdst`:
/// `None` lets the C library decide. Returns the time and the normalised fields to write back,
/// or `None` (`time result cannot be represented in this installation`).
pub fn mktime_local(year: i64, month: i64, day: i64, hour: i64, min: i64, sec: i64, isdst: Option<bool>) -> Option<(i64, Tm)> {
    #[cfg(all(unix, target_pointer_width = "64"))]
    {
        let mut c = sys::zeroed();
        c.tm_year = tm_field(year, 1900)?;
        c.tm_mon = tm_field(month, 1)?;
        c.tm_mday = tm_field(day, 0)?;
        c.tm_hour = tm_field(hour, 0)?;
        c.tm_min = tm_field(min, 0)?;
        c.tm_sec = tm_field(sec, 0)?;
        c.tm_isdst = match isdst {
            None => -1,
            Some(b) => i32::from(b),
        };
        // SAFETY: `c` is a valid, initialised struct tm.
        let t = unsafe { sys::mktime(&mut c) };
        if t == -1 {
            return None;
        }
        Some((t, sys::to_tm(&c)))
    }
    #[cfg(not(all(unix, target_pointer_width = "64")))]
    {
        let _ = isdst;
        let t = timegm(year, month, day, hour, min, sec)?;
        Some((t, utc_tm(t)?))
    }
}

const DAY_NAMES: [&str; 7] = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTH_NAMES: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// English weekday name, 0 = Sunday.
pub fn weekday_name(wday: u32) -> &'static str {
    DAY_NAMES[wday as usize % 7]
}

/// English month name, 1 = January.
pub fn month_name(month: u32) -> &'static str {
    MONTH_NAMES[(month as usize + 11) % 12]
}

/// Conversions accepted by Lua 5.4's os.date (C99 set): one-character, then two-character.
const ONE_CHAR_OPTIONS: &[u8] = b"aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%";
const TWO_CHAR_OPTIONS: [&[u8]; 19] = [
    b"Ec", b"EC", b"Ex", b"EX", b"Ey", b"EY", b"Od", b"Oe", b"OH", b"OI", b"Om", b"OM", b"OS", b"Ou", b"OU", b"OV", b"Ow", b"OW", b"Oy",
];

fn push_num(out: &mut Vec<u8>, v: i64, width: usize, pad: u8) {
    let mut b = Vec::with_capacity(24);
    crate::number::format_int(v.abs(), &mut b);
    if v < 0 {
        out.push(b'-');
    }
    for _ in b.len() + usize::from(v < 0)..width {
        out.push(pad);
    }
    out.extend_from_slice(&b);
}

/// ISO 8601 week-based year and week number (1..=53).
fn iso_week(tm: &Tm) -> (i64, u32) {
    let iso_wday = i64::from((tm.wday + 6) % 7); // Monday = 0
    let yday0 = i64::from(tm.yday) - 1;
    let week = (yday0 - iso_wday + 10).div_euclid(7);
    let weeks_in = |y: i64| -> i64 {
        let dec31 = weekday(days_from_civil(y, 12, 31));
        let prev_dec31 = weekday(days_from_civil(y - 1, 12, 31));
        if dec31 == 4 || prev_dec31 == 3 {
            53
        } else {
            52
        }
    };
    // glibc computes the neighbouring year in C int arithmetic (wraps at the extremes).
    let wrap = |y: i64| i64::from(y as i32);
    if week < 1 {
        (wrap(tm.year - 1), weeks_in(tm.year - 1) as u32)
    } else if week > weeks_in(tm.year) {
        (wrap(tm.year + 1), 1)
    } else {
        (tm.year, week as u32)
    }
}

/// glibc's century for %C: floor-ish division that matches its output for negative years.
fn century(year: i64) -> i64 {
    year / 100 - i64::from(year % 100 < 0)
}

/// Appends one conversion (its final letter) for `tm`.
fn conversion(c: u8, tm: &Tm, out: &mut Vec<u8>) {
    let hour12 = if tm.hour.is_multiple_of(12) { 12 } else { tm.hour % 12 };
    match c {
        b'a' => out.extend_from_slice(&weekday_name(tm.wday).as_bytes()[..3]),
        b'A' => out.extend_from_slice(weekday_name(tm.wday).as_bytes()),
        b'b' | b'h' => out.extend_from_slice(&month_name(tm.month).as_bytes()[..3]),
        b'B' => out.extend_from_slice(month_name(tm.month).as_bytes()),
        b'c' => {
            for &k in b"a b e H:M:S Y" {
                if k.is_ascii_alphabetic() {
                    conversion(k, tm, out)
                } else {
                    out.push(k)
                }
            }
        }
        b'C' => push_num(out, century(tm.year), 1, b'0'),
        b'd' => push_num(out, i64::from(tm.day), 2, b'0'),
        b'D' | b'x' => {
            conversion(b'm', tm, out);
            out.push(b'/');
            conversion(b'd', tm, out);
            out.push(b'/');
            conversion(b'y', tm, out);
        }
        b'e' => push_num(out, i64::from(tm.day), 2, b' '),
        b'F' => {
            conversion(b'Y', tm, out);
            out.push(b'-');
            conversion(b'm', tm, out);
            out.push(b'-');
            conversion(b'd', tm, out);
        }
        b'g' => push_num(out, iso_week(tm).0.rem_euclid(100), 2, b'0'),
        b'G' => push_num(out, iso_week(tm).0, 1, b'0'),
        b'H' => push_num(out, i64::from(tm.hour), 2, b'0'),
        b'I' => push_num(out, i64::from(hour12), 2, b'0'),
        b'j' => push_num(out, i64::from(tm.yday), 3, b'0'),
        b'm' => push_num(out, i64::from(tm.month), 2, b'0'),
        b'M' => push_num(out, i64::from(tm.min), 2, b'0'),
        b'n' => out.push(b'\n'),
        b'p' => out.extend_from_slice(if tm.hour < 12 { b"AM" } else { b"PM" }),
        b'r' => {
            conversion(b'I', tm, out);
            out.push(b':');
            conversion(b'M', tm, out);
            out.push(b':');
            conversion(b'S', tm, out);
            out.push(b' ');
            conversion(b'p', tm, out);
        }
        b'R' => {
            conversion(b'H', tm, out);
            out.push(b':');
            conversion(b'M', tm, out);
        }
        b'S' => push_num(out, i64::from(tm.sec), 2, b'0'),
        b't' => out.push(b'\t'),
        b'T' | b'X' => {
            conversion(b'H', tm, out);
            out.push(b':');
            conversion(b'M', tm, out);
            out.push(b':');
            conversion(b'S', tm, out);
        }
        b'u' => push_num(out, i64::from((tm.wday + 6) % 7 + 1), 1, b'0'),
        b'U' => push_num(out, i64::from((tm.yday - 1 + 7 - tm.wday) / 7), 2, b'0'),
        b'V' => push_num(out, i64::from(iso_week(tm).1), 2, b'0'),
        b'w' => push_num(out, i64::from(tm.wday), 1, b'0'),
        b'W' => push_num(out, i64::from((tm.yday - 1 + 7 - (tm.wday + 6) % 7) / 7), 2, b'0'),
        b'y' => push_num(out, tm.year.rem_euclid(100), 2, b'0'),
        b'Y' => push_num(out, tm.year, 1, b'0'),
        b'z' => push_offset(tm.utc_offset, false, out),
        b'Z' => out.extend_from_slice(tm.zone.as_bytes()),
        _ => out.push(b'%'),
    }
}

/// `+hhmm` (or `+hh:mm` with `colon`).
fn push_offset(offset: i64, colon: bool, out: &mut Vec<u8>) {
    out.push(if offset < 0 { b'-' } else { b'+' });
    let a = offset.unsigned_abs() / 60;
    push_num(out, (a / 60) as i64, 2, b'0');
    if colon {
        out.push(b':');
    }
    push_num(out, (a % 60) as i64, 2, b'0');
}

/// `os.date` formatting (after `!` and `*t` handling): copies `fmt`, replacing each
/// conversion. Error (to be reported as `bad argument #1 to 'date' (MSG)`):
/// `invalid conversion specifier '%REST'`, REST being the rest of the format (Lua prints it
/// as a C string, so up to a NUL byte).
pub fn strftime(fmt: &[u8], tm: &Tm, out: &mut Vec<u8>) -> Result<(), String> {
    let mut i = 0;
    while i < fmt.len() {
        let c = fmt[i];
        if c != b'%' {
            out.push(c);
            i += 1;
            continue;
        }
        let rest = &fmt[i + 1..];
        if let Some(&k) = rest.first().filter(|k| ONE_CHAR_OPTIONS.contains(k)) {
            conversion(k, tm, out);
            i += 2;
        } else if rest.len() >= 2 && TWO_CHAR_OPTIONS.contains(&&rest[..2]) {
            conversion(rest[1], tm, out);
            i += 3;
        } else {
            let shown = &rest[..rest.iter().position(|&b| b == 0).unwrap_or(rest.len())];
            return Err(format!("invalid conversion specifier '%{}'", String::from_utf8_lossy(shown)));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Go reference layouts (time.format / time.parse).

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tok {
    Year4,
    Year2,
    MonthLong,
    MonthShort,
    Month2,
    Month1,
    DayLong,
    DayShort,
    Day2,
    DaySpace,
    Day1,
    Yday3,
    Hour24,
    Hour12_2,
    Hour12,
    Min2,
    Min1,
    Sec2,
    Sec1,
    PmUpper,
    PmLower,
    Zone,
    Off4,
    OffColon,
    OffZ,
    Frac(usize),
}

/// Tokens, longest first so the first match at a position is the longest.
const TOKENS: [(&[u8], Tok); 29] = [
    (b".000000000", Tok::Frac(9)),
    (b"January", Tok::MonthLong),
    (b".000000", Tok::Frac(6)),
    (b"Monday", Tok::DayLong),
    (b"-07:00", Tok::OffColon),
    (b"Z07:00", Tok::OffZ),
    (b"-0700", Tok::Off4),
    (b"2006", Tok::Year4),
    (b".000", Tok::Frac(3)),
    (b"Jan", Tok::MonthShort),
    (b"Mon", Tok::DayShort),
    (b"MST", Tok::Zone),
    (b"002", Tok::Yday3),
    (b"06", Tok::Year2),
    (b"01", Tok::Month2),
    (b"02", Tok::Day2),
    (b"_2", Tok::DaySpace),
    (b"15", Tok::Hour24),
    (b"03", Tok::Hour12_2),
    (b"04", Tok::Min2),
    (b"05", Tok::Sec2),
    (b"PM", Tok::PmUpper),
    (b"pm", Tok::PmLower),
    (b"1", Tok::Month1),
    (b"2", Tok::Day1),
    (b"3", Tok::Hour12),
    (b"4", Tok::Min1),
    (b"5", Tok::Sec1),
    (b"", Tok::Zone), // sentinel, never matches (empty prefixes are skipped)
];

/// The token at the start of `s`, if any, with its length.
fn token_at(s: &[u8]) -> Option<(Tok, usize)> {
    TOKENS.iter().find(|(t, _)| !t.is_empty() && s.starts_with(t)).map(|&(t, tok)| (tok, t.len()))
}

/// `time.format` with a Go reference layout: each longest token is replaced by the
/// corresponding field of `tm` (`nsec` supplies fractional seconds, truncated); every other
/// byte is copied.
pub fn format_go_layout(tm: &Tm, nsec: u32, layout: &[u8], out: &mut Vec<u8>) {
    let hour12 = if tm.hour.is_multiple_of(12) { 12 } else { tm.hour % 12 };
    let mut i = 0;
    while i < layout.len() {
        let Some((tok, len)) = token_at(&layout[i..]) else {
            out.push(layout[i]);
            i += 1;
            continue;
        };
        i += len;
        match tok {
            Tok::Year4 => push_num(out, tm.year, 4, b'0'),
            Tok::Year2 => push_num(out, tm.year.rem_euclid(100), 2, b'0'),
            Tok::MonthLong => out.extend_from_slice(month_name(tm.month).as_bytes()),
            Tok::MonthShort => out.extend_from_slice(&month_name(tm.month).as_bytes()[..3]),
            Tok::Month2 => push_num(out, i64::from(tm.month), 2, b'0'),
            Tok::Month1 => push_num(out, i64::from(tm.month), 1, b'0'),
            Tok::DayLong => out.extend_from_slice(weekday_name(tm.wday).as_bytes()),
            Tok::DayShort => out.extend_from_slice(&weekday_name(tm.wday).as_bytes()[..3]),
            Tok::Day2 => push_num(out, i64::from(tm.day), 2, b'0'),
            Tok::DaySpace => push_num(out, i64::from(tm.day), 2, b' '),
            Tok::Day1 => push_num(out, i64::from(tm.day), 1, b'0'),
            Tok::Yday3 => push_num(out, i64::from(tm.yday), 3, b'0'),
            Tok::Hour24 => push_num(out, i64::from(tm.hour), 2, b'0'),
            Tok::Hour12_2 => push_num(out, i64::from(hour12), 2, b'0'),
            Tok::Hour12 => push_num(out, i64::from(hour12), 1, b'0'),
            Tok::Min2 => push_num(out, i64::from(tm.min), 2, b'0'),
            Tok::Min1 => push_num(out, i64::from(tm.min), 1, b'0'),
            Tok::Sec2 => push_num(out, i64::from(tm.sec), 2, b'0'),
            Tok::Sec1 => push_num(out, i64::from(tm.sec), 1, b'0'),
            Tok::PmUpper => out.extend_from_slice(if tm.hour < 12 { b"AM" } else { b"PM" }),
            Tok::PmLower => out.extend_from_slice(if tm.hour < 12 { b"am" } else { b"pm" }),
            Tok::Zone => out.extend_from_slice(tm.zone.as_bytes()),
            Tok::Off4 => push_offset(tm.utc_offset, false, out),
            Tok::OffColon => push_offset(tm.utc_offset, true, out),
            Tok::OffZ => {
                if tm.utc_offset == 0 {
                    out.push(b'Z');
                } else {
                    push_offset(tm.utc_offset, true, out);
                }
            }
            Tok::Frac(n) => {
                out.push(b'.');
                let mut digits = Vec::with_capacity(9);
                push_num(&mut digits, i64::from(nsec.min(999_999_999)), 9, b'0');
                out.extend_from_slice(&digits[..n]);
            }
        }
    }
}

/// A parsed instant: seconds since the epoch and nanoseconds (0..1e9).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParsedTime {
    pub unix: i64,
    pub nsec: u32,
}

/// Fields collected while parsing; absent ones default like Go (year 0, January 1, 00:00:00).
#[derive(Default)]
struct Fields {
    year: Option<i64>,
    month: Option<u32>,
    day: Option<u32>,
    yday: Option<u32>,
    hour: u32,
    min: u32,
    sec: u32,
    nsec: u32,
    pm: Option<bool>,
    hour_is_12: bool,
    offset: i64,
}

struct Cursor<'a> {
    s: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a [u8] {
        self.s.get(self.pos..).unwrap_or(&[])
    }

    /// Between `min` and `max` decimal digits.
    fn digits(&mut self, min: usize, max: usize) -> Option<i64> {
        let n = self.rest().iter().take(max).take_while(|b| b.is_ascii_digit()).count();
        if n < min {
            return None;
        }
        let v = self.rest()[..n].iter().fold(0i64, |a, &d| a * 10 + i64::from(d - b'0'));
        self.pos += n;
        Some(v)
    }

    /// One of `names` (full or 3-letter abbreviation, case-insensitive); returns its index.
    fn name(&mut self, names: &[&str], allow_full: bool, allow_abbrev: bool) -> Option<usize> {
        let rest = self.rest();
        for (idx, name) in names.iter().enumerate() {
            let full = name.as_bytes();
            if allow_full && rest.len() >= full.len() && rest[..full.len()].eq_ignore_ascii_case(full) {
                self.pos += full.len();
                return Some(idx);
            }
        }
        for (idx, name) in names.iter().enumerate() {
            let abbrev = &name.as_bytes()[..3];
            if allow_abbrev && rest.len() >= 3 && rest[..3].eq_ignore_ascii_case(abbrev) {
                self.pos += 3;
                return Some(idx);
            }
        }
        None
    }

    fn ampm(&mut self) -> Option<bool> {
        let r = self.rest();
        if r.len() >= 2 && r[1].eq_ignore_ascii_case(&b'm') {
            let pm = match r[0].to_ascii_lowercase() {
                b'a' => false,
                b'p' => true,
                _ => return None,
            };
            self.pos += 2;
            return Some(pm);
        }
        None
    }

    /// `Z`, `±hh`, `±hhmm` or `±hh:mm` (Z only if `allow_z`).
    fn offset(&mut self, allow_z: bool) -> Option<i64> {
        let r = self.rest();
        if allow_z && r.first() == Some(&b'Z') {
            self.pos += 1;
            return Some(0);
        }
        let sign = match r.first()? {
            b'+' => 1,
            b'-' => -1,
            _ => return None,
        };
        self.pos += 1;
        let h = self.digits(2, 2)?;
        if self.rest().first() == Some(&b':') {
            self.pos += 1;
        }
        let m = self.digits(2, 2).unwrap_or(0);
        if h > 23 || m > 59 {
            return None;
        }
        Some(sign * (h * 3600 + m * 60))
    }
}

fn parse_error(s: &[u8], layout: &[u8], elem: &str) -> String {
    format!("parsing time \"{}\" as \"{}\": cannot parse {}", String::from_utf8_lossy(s), String::from_utf8_lossy(layout), elem)
}

/// `time.parse(s, layout)`. If `layout` contains `%`, it is a strptime-like format supporting
/// `%Y %m %d %H %M %S %y %b %B %a %A %p %j %z %%` (whitespace in the format matches any run
/// of whitespace); otherwise a Go reference layout. The result is the UTC instant (minus a
/// parsed offset). Errors are messages of the form
/// `parsing time "S" as "LAYOUT": cannot parse …`.
pub fn parse_time(s: &[u8], layout: &[u8]) -> Result<ParsedTime, String> {
    let mut f = Fields::default();
    let mut cur = Cursor { s, pos: 0 };
    let fail = |what: &str| parse_error(s, layout, what);
    if layout.contains(&b'%') {
        let mut i = 0;
        while i < layout.len() {
            let c = layout[i];
            if c.is_ascii_whitespace() {
                while cur.rest().first().is_some_and(|b| b.is_ascii_whitespace()) {
                    cur.pos += 1;
                }
                i += 1;
                continue;
            }
            if c != b'%' {
                if cur.rest().first() != Some(&c) {
                    return Err(fail(&format!("\"{}\" as \"{}\"", String::from_utf8_lossy(cur.rest()), c as char)));
                }
                cur.pos += 1;
                i += 1;
                continue;
            }
            let Some(&k) = layout.get(i + 1) else { return Err(fail("format (ends with '%')")) };
            i += 2;
            let at = String::from_utf8_lossy(cur.rest()).into_owned();
            let bad = |conv: u8| parse_error(s, layout, &format!("\"{at}\" as \"%{}\"", conv as char));
            match k {
                b'Y' => {
                    let neg = cur.rest().first() == Some(&b'-');
                    if neg {
                        cur.pos += 1;
                    }
                    let y = cur.digits(1, 4).ok_or_else(|| bad(k))?;
                    f.year = Some(if neg { -y } else { y });
                }
                b'y' => {
                    let y = cur.digits(1, 2).ok_or_else(|| bad(k))?;
                    f.year = Some(if y < 69 { 2000 + y } else { 1900 + y });
                }
                b'm' => f.month = Some(cur.digits(1, 2).ok_or_else(|| bad(k))? as u32),
                b'd' => f.day = Some(cur.digits(1, 2).ok_or_else(|| bad(k))? as u32),
                b'H' => f.hour = cur.digits(1, 2).ok_or_else(|| bad(k))? as u32,
                b'M' => f.min = cur.digits(1, 2).ok_or_else(|| bad(k))? as u32,
                b'S' => f.sec = cur.digits(1, 2).ok_or_else(|| bad(k))? as u32,
                b'j' => f.yday = Some(cur.digits(1, 3).ok_or_else(|| bad(k))? as u32),
                b'b' | b'B' => f.month = Some(cur.name(&MONTH_NAMES, true, true).ok_or_else(|| bad(k))? as u32 + 1),
                b'a' | b'A' => {
                    cur.name(&DAY_NAMES, true, true).ok_or_else(|| bad(k))?;
                }
                b'p' => {
                    f.pm = Some(cur.ampm().ok_or_else(|| bad(k))?);
                    f.hour_is_12 = true;
                }
                b'z' => f.offset = cur.offset(true).ok_or_else(|| bad(k))?,
                b'%' => {
                    if cur.rest().first() != Some(&b'%') {
                        return Err(bad(k));
                    }
                    cur.pos += 1;
                }
                _ => return Err(fail(&format!("unsupported conversion '%{}'", k as char))),
            }
        }
    } else {
        let mut i = 0;
        while i < layout.len() {
            let Some((tok, len)) = token_at(&layout[i..]) else {
                if cur.rest().first() != Some(&layout[i]) {
                    return Err(fail(&format!("\"{}\" as \"{}\"", String::from_utf8_lossy(cur.rest()), String::from_utf8_lossy(&layout[i..]))));
                }
                cur.pos += 1;
                i += 1;
                continue;
            };
            let elem = String::from_utf8_lossy(&layout[i..i + len]).into_owned();
            let at = String::from_utf8_lossy(cur.rest()).into_owned();
            let bad = || parse_error(s, layout, &format!("\"{at}\" as \"{elem}\""));
            i += len;
            match tok {
                Tok::Year4 => f.year = Some(cur.digits(4, 4).ok_or_else(bad)?),
                Tok::Year2 => {
                    let y = cur.digits(2, 2).ok_or_else(bad)?;
                    f.year = Some(if y < 69 { 2000 + y } else { 1900 + y });
                }
                Tok::MonthLong => f.month = Some(cur.name(&MONTH_NAMES, true, false).ok_or_else(bad)? as u32 + 1),
                Tok::MonthShort => f.month = Some(cur.name(&MONTH_NAMES, false, true).ok_or_else(bad)? as u32 + 1),
                Tok::Month2 => f.month = Some(cur.digits(2, 2).ok_or_else(bad)? as u32),
                Tok::Month1 => f.month = Some(cur.digits(1, 2).ok_or_else(bad)? as u32),
                Tok::DayLong => {
                    cur.name(&DAY_NAMES, true, false).ok_or_else(bad)?;
                }
                Tok::DayShort => {
                    cur.name(&DAY_NAMES, false, true).ok_or_else(bad)?;
                }
                Tok::Day2 => f.day = Some(cur.digits(2, 2).ok_or_else(bad)? as u32),
                Tok::DaySpace => {
                    if cur.rest().first() == Some(&b' ') {
                        cur.pos += 1;
                    }
                    f.day = Some(cur.digits(1, 2).ok_or_else(bad)? as u32);
                }
                Tok::Day1 => f.day = Some(cur.digits(1, 2).ok_or_else(bad)? as u32),
                Tok::Yday3 => f.yday = Some(cur.digits(3, 3).ok_or_else(bad)? as u32),
                Tok::Hour24 => f.hour = cur.digits(2, 2).ok_or_else(bad)? as u32,
                Tok::Hour12_2 => {
                    f.hour = cur.digits(2, 2).ok_or_else(bad)? as u32;
                    f.hour_is_12 = true;
                }
                Tok::Hour12 => {
                    f.hour = cur.digits(1, 2).ok_or_else(bad)? as u32;
                    f.hour_is_12 = true;
                }
                Tok::Min2 => f.min = cur.digits(2, 2).ok_or_else(bad)? as u32,
                Tok::Min1 => f.min = cur.digits(1, 2).ok_or_else(bad)? as u32,
                Tok::Sec2 => f.sec = cur.digits(2, 2).ok_or_else(bad)? as u32,
                Tok::Sec1 => f.sec = cur.digits(1, 2).ok_or_else(bad)? as u32,
                Tok::PmUpper | Tok::PmLower => f.pm = Some(cur.ampm().ok_or_else(bad)?),
                Tok::Zone => {
                    let n = cur.rest().iter().take_while(|b| b.is_ascii_alphabetic()).count();
                    if n < 3 {
                        return Err(bad());
                    }
                    cur.pos += n;
                }
                Tok::Off4 | Tok::OffColon => f.offset = cur.offset(false).ok_or_else(bad)?,
                Tok::OffZ => f.offset = cur.offset(true).ok_or_else(bad)?,
                Tok::Frac(n) => {
                    if cur.rest().first() != Some(&b'.') {
                        return Err(bad());
                    }
                    cur.pos += 1;
                    let start = cur.pos;
                    let v = cur.digits(n, n).ok_or_else(bad)?;
                    let digits = cur.pos - start;
                    f.nsec = (v * 10i64.pow(9 - digits as u32)) as u32;
                }
            }
        }
    }
    if cur.pos != s.len() {
        return Err(parse_error(s, layout, &format!("extra text \"{}\"", String::from_utf8_lossy(cur.rest()))));
    }
    finish_fields(&f).ok_or_else(|| parse_error(s, layout, "value (field out of range)"))
}

/// Validates the parsed fields and computes the instant.
fn finish_fields(f: &Fields) -> Option<ParsedTime> {
    let year = f.year.unwrap_or(0);
    let mut hour = f.hour;
    if let Some(pm) = f.pm {
        if !(1..=12).contains(&hour) {
            return None;
        }
        hour = match (pm, hour) {
            (false, 12) => 0,
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, h) => h,
        };
    } else if f.hour_is_12 && !(1..=12).contains(&hour) {
        return None;
    }
    if hour > 23 || f.min > 59 || f.sec > 60 {
        return None;
    }
    let days = match (f.month, f.day, f.yday) {
        (None, None, Some(yd)) => {
            let len = if is_leap(year) { 366 } else { 365 };
            if !(1..=len).contains(&yd) {
                return None;
            }
            days_from_civil(year, 1, 1) + i64::from(yd) - 1
        }
        (m, d, _) => {
            let m = m.unwrap_or(1);
            let d = d.unwrap_or(1);
            if !(1..=12).contains(&m) || d < 1 || d > days_in_month(year, m) {
                return None;
            }
            days_from_civil(year, m, d)
        }
    };
    let local = days.checked_mul(SECS_PER_DAY)? + i64::from(hour) * 3600 + i64::from(f.min) * 60 + i64::from(f.sec);
    Some(ParsedTime { unix: local.checked_sub(f.offset)?, nsec: f.nsec })
}
