//! Readable rendering of values for the REPL: tables are shown as constructors
//! (`{1, 2, name: "x", nested: {...}}`) with sorted keys, a depth limit, an item limit and
//! cycle protection; tables with a `__tostring` or `__name` metamethod, and every other
//! value, are shown as `tostring` shows them.
//!
//! Rendering never runs script code except `__tostring` for values that define it, and
//! never fails: an erroring `__tostring` is shown as `<__tostring error: MESSAGE>`.

use vm::object::value_as;
use vm::table::Table;
use vm::vm::Tm;
use vm::{Value, Vm};

/// Limits for [`format_value`].
#[derive(Clone, Copy, Debug)]
pub struct DisplayOptions {
    /// Tables nested deeper than this are shown as `{...}`.
    pub max_depth: usize,
    /// At most this many entries of one table are shown, then `...`.
    pub max_items: usize,
    /// A table whose one-line form is longer than this is shown one entry per line.
    pub line_width: usize,
}

impl Default for DisplayOptions {
    fn default() -> Self {
        DisplayOptions { max_depth: 4, max_items: 100, line_width: 80 }
    }
}

/// Renders `v` for people (see the module documentation).
///
/// The caller must keep `v` reachable (e.g. in `vm.pinned`) if `v` or its contents might
/// define `__tostring`, because calling it is a garbage-collection safepoint.
pub fn format_value(vm: &mut Vm, v: Value, opts: &DisplayOptions) -> String {
    let mut out = String::new();
    let mut path = Vec::new();
    render(vm, v, opts, 0, &mut path, &mut out);
    out
}

/// Plain `tostring` text of a value, never failing.
fn tostring_text(vm: &mut Vm, v: Value) -> String {
    match vm.tostring(v) {
        Ok(s) => String::from_utf8_lossy(Vm::str_bytes(s).unwrap_or(b"?")).into_owned(),
        Err(e) => format!("<__tostring error: {}>", crate::error_message(vm, e.value)),
    }
}

/// True if the table has a metatable that customises how it prints.
fn prints_itself(vm: &Vm, t: Value) -> bool {
    match vm.metatable(t) {
        Some(mt) => !vm.metamethod_in(mt, Tm::ToString).is_nil() || !vm.metamethod_in(mt, Tm::Name).is_nil(),
        None => false,
    }
}

/// A string in GScript interpreted-literal syntax.
pub fn quote(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() + 2);
    s.push('"');
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '"' => s.push_str("\\\""),
                '\\' => s.push_str("\\\\"),
                '\n' => s.push_str("\\n"),
                '\t' => s.push_str("\\t"),
                '\r' => s.push_str("\\r"),
                c if (c as u32) < 0x20 || c == '\u{7f}' => s.push_str(&format!("\\x{:02x}", c as u32)),
                c => s.push(c),
            }
        }
        for b in chunk.invalid() {
            s.push_str(&format!("\\x{:02x}", b));
        }
    }
    s.push('"');
    s
}

fn is_identifier(b: &[u8]) -> bool {
    !b.is_empty()
        && !b[0].is_ascii_digit()
        && b.iter().all(|&c| c.is_ascii_alphanumeric() || c == b'_')
        && !syntax_keyword(b)
}

fn syntax_keyword(b: &[u8]) -> bool {
    const KEYWORDS: &[&str] = &[
        "break", "case", "chan", "const", "continue", "default", "defer", "else", "elseif", "fallthrough", "false",
        "for", "func", "go", "goto", "if", "nil", "range", "return", "select", "switch", "true", "var",
    ];
    KEYWORDS.iter().any(|k| k.as_bytes() == b)
}

/// Sort rank of a key: integers and floats first (numerically), then strings, then the rest.
fn key_order(a: &Value, b: &Value) -> std::cmp::Ordering {
    fn rank(v: &Value) -> u8 {
        if v.is_number() {
            0
        } else if v.is_str() {
            1
        } else if v.is_bool() {
            2
        } else {
            3
        }
    }
    let (ra, rb) = (rank(a), rank(b));
    if ra != rb {
        return ra.cmp(&rb);
    }
    match ra {
        0 => a.to_f64().unwrap_or(0.0).total_cmp(&b.to_f64().unwrap_or(0.0)),
        1 => Vm::str_bytes(*a).cmp(&Vm::str_bytes(*b)),
        2 => a.as_bool().cmp(&b.as_bool()),
        _ => a.type_name().cmp(b.type_name()).then(a.0.cmp(&b.0)),
    }
}

fn render_scalar(vm: &mut Vm, v: Value, out: &mut String) {
    match Vm::str_bytes(v) {
        Some(b) => out.push_str(&quote(b)),
        None => out.push_str(&tostring_text(vm, v)),
    }
}

fn render(vm: &mut Vm, v: Value, opts: &DisplayOptions, depth: usize, path: &mut Vec<u64>, out: &mut String) {
    let Some(t) = value_as::<Table>(v) else {
        if depth == 0 && v.is_str() {
            // A top-level string prints as `print` would.
            out.push_str(&String::from_utf8_lossy(Vm::str_bytes(v).unwrap_or(b"")));
        } else {
            render_scalar(vm, v, out);
        }
        return;
    };
    if prints_itself(vm, v) {
        out.push_str(&tostring_text(vm, v));
        return;
    }
    if path.contains(&v.0) {
        out.push_str("<cycle>");
        return;
    }
    if depth >= opts.max_depth {
        out.push_str(if t.count() == 0 { "{}" } else { "{...}" });
        return;
    }
    let mut entries: Vec<(Value, Value)> = t.pairs().collect();
    // Positional part: 1..n without gaps, shown without keys.
    let mut positional = 0usize;
    entries.sort_by(|a, b| key_order(&a.0, &b.0));
    for (k, _) in &entries {
        if k.as_int() == Some(positional as i64 + 1) && !k.is_float() {
            positional += 1;
        } else {
            break;
        }
    }
    path.push(v.0);
    let mut items: Vec<String> = Vec::new();
    let total = entries.len();
    for (i, (k, val)) in entries.into_iter().enumerate() {
        if i >= opts.max_items {
            items.push(format!("... ({} more)", total - opts.max_items));
            break;
        }
        let mut item = String::new();
        if i >= positional {
            match Vm::str_bytes(k) {
                Some(b) if is_identifier(b) => item.push_str(&String::from_utf8_lossy(b)),
                Some(b) => item.push_str(&quote(b)),
                None => {
                    item.push('[');
                    render(vm, k, opts, depth + 1, path, &mut item);
                    item.push(']');
                }
            }
            item.push_str(": ");
        }
        render(vm, val, opts, depth + 1, path, &mut item);
        items.push(item);
    }
    path.pop();
    if items.is_empty() {
        out.push_str("{}");
        return;
    }
    let one_line = items.join(", ");
    let indent = "    ".repeat(depth);
    if one_line.len() + 2 + indent.len() <= opts.line_width && !one_line.contains('\n') {
        out.push('{');
        out.push_str(&one_line);
        out.push('}');
    } else {
        out.push_str("{\n");
        for item in items {
            out.push_str(&indent);
            out.push_str("    ");
            out.push_str(&item);
            out.push_str(",\n");
        }
        out.push_str(&indent);
        out.push('}');
    }
}
