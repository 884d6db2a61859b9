#![no_main]
//! Compiles and runs arbitrary source under an instruction budget: the VM must never
//! panic, abort or hang, whatever the program does.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() > 4096 {
        return;
    }
    // Goroutines, channels, select and sync are fuzzed too: an uncaught goroutine error
    // and a deadlock end the run with an error, not the process. Skipped: `os` (os.exit
    // ends the process by design; os.remove and friends touch files) and sleeping or
    // timer waits (`time.sleep(1e9)` blocks the OS thread for real: not a bug, but a
    // fuzzer timeout).
    let blocked: [&[u8]; 4] = [b"os", b"exit", b"sleep", b"after"];
    if blocked.iter().any(|w| data.windows(w.len()).any(|x| x == *w)) {
        return;
    }
    let Ok(proto) = compiler::compile_source(data, "fuzz") else { return };
    let mut vm = vm::Vm::new();
    vm.stdout = Box::new(std::io::sink());
    vm.instruction_budget = Some(200_000);
    vm.limits.max_frames = 2_000;
    vm.limits.max_stack_slots = 200_000;
    let main = vm.load_main(&proto, vm::Vm::table_value(vm.globals));
    let _ = vm.call(main, &[]);
});
