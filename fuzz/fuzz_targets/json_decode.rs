#![no_main]
//! `json.decode` on arbitrary bytes, through the script API (so the binding, the table
//! building and the nesting limit are covered), plus a round trip: whatever decodes and
//! encodes must reach a fixed point after one more decode/encode (the first encode may
//! normalise: non-finite numbers become `null`, which decodes to nil and can change the
//! shape of an array). Must never panic, abort or overflow the stack (deep nesting is
//! limited to 1000 levels).
use libfuzzer_sys::fuzz_target;

const CHECK: &str = r#"
ok, v := pcall(json.decode, input)
if !ok { return true }
tostring(v)
ok2, e := pcall(json.encode, v)
if !ok2 { return true }
e2 := json.encode(json.decode(e))
back := json.decode(e2)
return json.encode(back) == e2 && json.pretty(back) != nil
"#;

fuzz_target!(|data: &[u8]| {
    if data.len() > 8192 {
        return;
    }
    // The pure parser first: it must never panic either.
    let _ = vm::stdlib::json_text::parse(data);
    let Ok(proto) = compiler::compile_source(CHECK.as_bytes(), "json_fuzz") else {
        panic!("the json fuzz driver does not compile");
    };
    let mut vm = vm::Vm::new();
    vm.stdout = Box::new(std::io::sink());
    vm.instruction_budget = Some(1_000_000);
    let input = vm.str_value(data);
    let globals = vm.globals;
    vm.set_field(globals, "input", input);
    let main = vm.load_main(&proto, vm::Vm::table_value(vm.globals));
    match vm.call(main, &[]) {
        Ok(results) => {
            let round_trip_ok = results.first().and_then(|v| v.as_bool()).unwrap_or(false);
            assert!(round_trip_ok, "json round trip changed the text for input {:?}", String::from_utf8_lossy(data));
        }
        // Budget exhaustion is fine; any other error in the driver is a bug.
        Err(e) => {
            let msg = vm::Vm::str_bytes(e.value).map(|b| String::from_utf8_lossy(b).into_owned()).unwrap_or_default();
            assert!(msg.contains("budget") || msg.contains("memory"), "json driver failed: {msg}");
        }
    }
});
