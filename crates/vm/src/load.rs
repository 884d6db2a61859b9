//! Loading compiled chunks: turns the compiler's `Proto` tree into heap prototypes
//! (constants become values, strings interned) bound to a globals table, and wraps the
//! main prototype in a closure.

use crate::error::RtError;
use crate::function::{Closure, ProtoObj};
use crate::object::{GcHeader, Gc, ObjKind};
use crate::value::Value;
use crate::vm::Vm;
use compiler::{Constant, Proto};
use std::cell::Cell;
use std::rc::Rc;

impl Vm {
    fn load_proto(&mut self, p: &Rc<Proto>, env: Value) -> Gc<ProtoObj> {
        // The interpreter decodes opcodes unchecked: make sure they are valid.
        assert!(
            p.code.iter().all(|i| compiler::Op::from_u8(i.0 as u8).is_some()),
            "compiler produced an invalid opcode"
        );
        assert!(unchecked_operands_valid(p), "compiler produced an out-of-range operand");
        let constants: Vec<Value> = p
            .constants
            .iter()
            .map(|c| match c {
                Constant::Nil => Value::NIL,
                Constant::Bool(b) => Value::bool(*b),
                Constant::Int(i) => self.int(*i),
                Constant::Float(f) => Value::float(*f),
                Constant::Str(s) => self.str_value(s),
            })
            .collect();
        // Keep the constants reachable while children are loaded (no GC runs here, but
        // be explicit about the invariant: loading never collects).
        let children: Vec<Gc<ProtoObj>> = p.protos.iter().map(|c| self.load_proto(c, env)).collect();
        let max_stack = (p.max_stack as usize).max(2);
        let cache = (0..constants.len()).map(|_| Cell::new(u32::MAX)).collect();
        self.heap.alloc(
            ProtoObj {
                header: GcHeader::new(ObjKind::Proto),
                code: p.code.clone().into_boxed_slice(),
                constants: constants.into_boxed_slice(),
                children: children.into_boxed_slice(),
                upvalue_descs: p.upvalues.iter().map(|u| (u.in_stack, u.index)).collect(),
                num_params: p.num_params as usize,
                is_vararg: p.is_vararg,
                max_stack,
                fixed_call_need: if p.is_vararg { usize::MAX / 4 } else { max_stack },
                info: p.clone(),
                env,
                global_cache: cache,
            },
            p.code.len() * 4,
        )
    }

    /// Loads a compiled main chunk as a closure over the globals table `env`.
    pub fn load_main(&mut self, p: &Rc<Proto>, env: Value) -> Value {
        let proto = self.load_proto(p, env);
        let c = Closure::alloc(&mut self.heap, proto, 0, |_, _| unreachable!("no upvalues"));
        Vm::object_value(c)
    }

    /// Compiles source text into a function (the chunk's closure) or a compile error
    /// message `CHUNK:LINE: MESSAGE`.
    pub fn load_source(&mut self, text: &[u8], chunk_name: &str, env: Option<Value>) -> Result<Value, String> {
        match compiler::compile_source(text, chunk_name) {
            Ok(p) => {
                let env = env.unwrap_or(Vm::table_value(self.globals));
                Ok(self.load_main(&p, env))
            }
            Err(d) => Err(d.with_chunk(chunk_name)),
        }
    }

    /// Runs a function to completion from Rust with the given arguments.
    pub fn run_function(&mut self, f: Value, args: &[Value]) -> Result<Vec<Value>, RtError> {
        self.call(f, args)
    }
}

/// The operands the interpreter reads without bounds checks: constant indices of the
/// arithmetic/comparison/loop ops, and the JMP that every FORxx op jumps through.
fn unchecked_operands_valid(p: &Proto) -> bool {
    use compiler::Op;
    let nk = p.constants.len();
    p.code.iter().enumerate().all(|(pc, i)| match i.op() {
        Op::ADDK
        | Op::SUBK
        | Op::MULK
        | Op::MODK
        | Op::POWK
        | Op::DIVK
        | Op::BANDK
        | Op::BORK
        | Op::BXORK
        | Op::KADD
        | Op::KSUB
        | Op::KMUL
        | Op::KDIV => i.c() < nk,
        Op::EQK => i.b() < nk,
        // The assembly interpreter (asm_interp) reads LOADK's constant unchecked.
        Op::LOADK => i.bx() < nk,
        Op::FORLTK | Op::FORLEK => i.b() < nk && p.code.get(pc + 4).is_some_and(|j| j.op() == Op::JMP),
        Op::FORLT | Op::FORLE | Op::FORGT | Op::FORGE | Op::FORLTI | Op::FORLEI | Op::FORGTI | Op::FORGEI | Op::FORLTR | Op::FORLER => {
            p.code.get(pc + 3).is_some_and(|j| j.op() == Op::JMP)
        }
        _ => true,
    })
}
