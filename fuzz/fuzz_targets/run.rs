#![no_main]
//! Compiles and runs arbitrary source under an instruction budget: the VM must never
//! panic, abort or hang, whatever the program does.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() > 4096 {
        return;
    }
    // Known gap (docs/reliability.md): os.exit, an uncaught error in a goroutine and a
    // deadlock end the process (sched.rs); skip inputs that could do that.
    let blocked: [&[u8]; 6] = [b"go", b"os", b"<-", b"select", b"sync", b"exit"];
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
