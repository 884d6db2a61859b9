//! The trace IR: a linear, typed SSA instruction list with snapshots.
//!
//! A trace is one iteration of a loop. Instruction `i` defines the value `IrRef(i)`;
//! operands always refer to earlier instructions. Every guard carries a snapshot
//! ([`SnapId`]): the interpreter state to restore when the guard fails (see
//! `snapshot.rs`). The last instruction is `Loop`, whose snapshot holds the slots the
//! iteration modified: they are written back to the VM stack before jumping to the top,
//! where `SLoad`s read (and type-check) them again.
//!
//! Types: `Int` is a raw i64 (GScript integers wrap; boxing into the 48-bit inline form,
//! or a heap box outside that range, happens on write-back; loads of an `int` accept
//! both forms), `Num` a raw f64, `Tab` a boxed table value, `Val` any boxed
//! value (its type unknown to the trace), `None` for instructions without a result.

use std::fmt;

/// Index of an IR instruction (and of the value it defines).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct IrRef(pub u32);

impl IrRef {
    /// "No operand".
    pub const NONE: IrRef = IrRef(u32::MAX);
    pub fn idx(self) -> usize {
        self.0 as usize
    }
    pub fn is_none(self) -> bool {
        self == IrRef::NONE
    }
}

impl fmt::Display for IrRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "%{}", self.0)
    }
}

/// Index of a snapshot in [`Trace::snaps`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct SnapId(pub u32);

impl SnapId {
    pub const NONE: SnapId = SnapId(u32::MAX);
    pub fn idx(self) -> usize {
        self.0 as usize
    }
    pub fn is_none(self) -> bool {
        self == SnapId::NONE
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Ty {
    None,
    Int,
    Num,
    Tab,
    Val,
}

impl Ty {
    pub fn name(self) -> &'static str {
        match self {
            Ty::None => "none",
            Ty::Int => "int",
            Ty::Num => "num",
            Ty::Tab => "tab",
            Ty::Val => "val",
        }
    }
    pub fn from_name(s: &str) -> Option<Ty> {
        Some(match s {
            "none" => Ty::None,
            "int" => Ty::Int,
            "num" => Ty::Num,
            "tab" => Ty::Tab,
            "val" => Ty::Val,
            _ => return None,
        })
    }
    /// Lives in a floating-point register.
    pub fn is_fp(self) -> bool {
        self == Ty::Num
    }
}

/// Comparison conditions of guards. `N*` are negations, which differ from the
/// complementary comparison for floats (NaN compares false).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Cond {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
    NLt,
    NLe,
    NGt,
    NGe,
}

impl Cond {
    pub const ALL: [Cond; 10] = [Cond::Lt, Cond::Le, Cond::Gt, Cond::Ge, Cond::Eq, Cond::Ne, Cond::NLt, Cond::NLe, Cond::NGt, Cond::NGe];
    /// The condition `b c' a` equivalent to `a c b` (operands swapped).
    pub fn mirrored(self) -> Cond {
        match self {
            Cond::Lt => Cond::Gt,
            Cond::Le => Cond::Ge,
            Cond::Gt => Cond::Lt,
            Cond::Ge => Cond::Le,
            Cond::NLt => Cond::NGt,
            Cond::NLe => Cond::NGe,
            Cond::NGt => Cond::NLt,
            Cond::NGe => Cond::NLe,
            Cond::Eq => Cond::Eq,
            Cond::Ne => Cond::Ne,
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Cond::Lt => "lt",
            Cond::Le => "le",
            Cond::Gt => "gt",
            Cond::Ge => "ge",
            Cond::Eq => "eq",
            Cond::Ne => "ne",
            Cond::NLt => "nlt",
            Cond::NLe => "nle",
            Cond::NGt => "ngt",
            Cond::NGe => "nge",
        }
    }
    pub fn from_name(s: &str) -> Option<Cond> {
        Cond::ALL.iter().copied().find(|c| c.name() == s)
    }
    /// The negated condition.
    pub fn not(self) -> Cond {
        match self {
            Cond::Lt => Cond::NLt,
            Cond::Le => Cond::NLe,
            Cond::Gt => Cond::NGt,
            Cond::Ge => Cond::NGe,
            Cond::Eq => Cond::Ne,
            Cond::Ne => Cond::Eq,
            Cond::NLt => Cond::Lt,
            Cond::NLe => Cond::Le,
            Cond::NGt => Cond::Gt,
            Cond::NGe => Cond::Ge,
        }
    }
    pub fn eval_int(self, a: i64, b: i64) -> bool {
        match self {
            Cond::Lt => a < b,
            Cond::Le => a <= b,
            Cond::Gt => a > b,
            Cond::Ge => a >= b,
            Cond::Eq => a == b,
            Cond::Ne => a != b,
            Cond::NLt => a >= b,
            Cond::NLe => a > b,
            Cond::NGt => a <= b,
            Cond::NGe => a < b,
        }
    }
    pub fn eval_num(self, a: f64, b: f64) -> bool {
        match self {
            Cond::Lt => a < b,
            Cond::Le => a <= b,
            Cond::Gt => a > b,
            Cond::Ge => a >= b,
            Cond::Eq => a == b,
            Cond::Ne => a != b,
            Cond::NLt => !(a < b),
            Cond::NLe => !(a <= b),
            Cond::NGt => !(a > b),
            Cond::NGe => !(a >= b),
        }
    }
}

macro_rules! opcodes {
    ($( $(#[doc = $doc:literal])* $name:ident = $text:literal, $guard:literal, $pure:literal; )*) => {
        /// IR opcodes. Operands `a`, `b`, `c` and the immediate `k` are described per op.
        #[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
        pub enum Opc { $( $(#[doc = $doc])* $name, )* }
        impl Opc {
            pub const ALL: &'static [Opc] = &[ $( Opc::$name, )* ];
            pub fn name(self) -> &'static str { match self { $( Opc::$name => $text, )* } }
            /// Has a snapshot and may leave the trace.
            pub fn is_guard(self) -> bool { match self { $( Opc::$name => $guard, )* } }
            /// No side effects and no dependence on memory: foldable, CSE-able, removable.
            pub fn is_pure(self) -> bool { match self { $( Opc::$name => $pure, )* } }
            pub fn from_name(s: &str) -> Option<Opc> { Opc::ALL.iter().copied().find(|o| o.name() == s) }
        }
    };
}

opcodes! {
    /// Constant: `k` = the integer (int), the f64 bits (num) or the value bits (tab/val).
    K = "k", false, true;
    /// Load VM stack slot `k` (relative to the frame base), guarding its type (int: inline
    /// integer, num: float, tab: table; val: no check).
    SLoad = "sload", true, false;
    /// Integer arithmetic (wrapping): a op b.
    AddI = "addi", false, true;
    SubI = "subi", false, true;
    MulI = "muli", false, true;
    /// Floored modulo; guards b != 0.
    ModI = "modi", true, false;
    NegI = "negi", false, true;
    /// Bitwise and / or / xor of ints.
    BAndI = "bandi", false, true;
    BOrI = "bori", false, true;
    BXorI = "bxori", false, true;
    /// Shifts with Lua semantics for any int `b` (`vm::ops::shift_left`): `ShlI` is
    /// a << b, `ShrI` the logical a >> b; a negative `b` shifts the other way and a
    /// shift by 64 or more (either way) gives 0.
    ShlI = "shli", false, true;
    ShrI = "shri", false, true;
    /// Float arithmetic.
    AddN = "addn", false, true;
    SubN = "subn", false, true;
    MulN = "muln", false, true;
    DivN = "divn", false, true;
    NegN = "negn", false, true;
    /// int -> num conversion.
    ConvIN = "convin", false, true;
    /// Guard `a <k> b` on ints (k = Cond).
    GuardI = "guardi", true, false;
    /// Guard `a <k> b` on nums (k = Cond).
    GuardN = "guardn", true, false;
    /// Guard that value `a` is truthy (k = 1) or falsy (k = 0).
    GuardT = "guardt", true, false;
    /// Guard that the bits of values `a` and `b` are equal (k = 1) or differ (k = 0).
    GuardV = "guardv", true, false;
    /// Guard that the value `a` has type `ty` (int/num/tab) and convert: the result is
    /// the unboxed int, num, or the table value.
    Unbox = "unbox", true, false;
    /// Box an int or num `a` into a value; ints outside the inline (48-bit) range get a
    /// heap box (allocated through `exit::jit_box_int`, which never collects).
    Box = "box", true, false;
    /// Guard that table `a` has no metatable.
    GuardNoMeta = "nometa", true, false;
    /// Guard that value `a` is a script closure whose prototype is at address `k` (the
    /// guard of an inlined call: inlined code reads upvalues through the closure value,
    /// `uvref`, so every closure of the prototype runs the same trace code).
    GuardProto = "fproto", true, false;
    /// Load `a[b]` from the array part of table `a` (int key `b`); guards 1 <= b <= len.
    ALoad = "aload", true, false;
    /// The array part of table `a`, split for hoisting (`opt_mem.rs`): `ABase` is the
    /// address of its items, `ASize` its length (raw ints; never in snapshots).
    /// `ALoadB` loads item `b` (1-based) of the array at address `a` with length `c`,
    /// guarding 1 <= b <= c. No trace instruction moves an array (appends guard the
    /// capacity), so `ABase` changes only between trace entries.
    ABase = "abase", false, false;
    ASize = "asize", false, false;
    ALoadB = "aloadb", true, false;
    /// Store value `c` into `a[b]` in the array part; guards 1 <= b <= len.
    AStore = "astore", true, false;
    /// Append value `c` to the array part of table `a` as key `b`: guards b == len + 1,
    /// an empty hash part and (for `val`) c != nil; at full capacity the array part is
    /// grown by a call out of the trace (`exit::jit_array_grow`, never collects).
    APush = "apush", true, false;
    /// A new empty table (`NEWTABLE`) with room for `k & 0xFFFF` array items and
    /// `k >> 16` hash items, allocated by a call out of the trace
    /// (`exit::jit_new_table`; allocation never collects).
    NewTab = "newtab", false, false;
    /// Absolute value of an int (wrapping: the minimum integer stays itself).
    AbsI = "absi", false, true;
    /// `math.floor` of a num as an int; guards that the result fits an int (exits for
    /// NaN, infinities, |a| >= 2^63 and exactly -2^63).
    FloorNI = "floorni", true, false;
    /// Square root / absolute value of a num.
    SqrtN = "sqrtn", false, true;
    AbsN = "absn", false, true;
    /// Load the value of hash entry number `k` of table `a`; guards that the entry's key
    /// is the value `b` (a string constant).
    HLoad = "hload", true, false;
    /// Store value `c` into hash entry `k` of table `a`; guards that its key is `b` and
    /// its current value is not nil.
    HStore = "hstore", true, false;
    /// The length `#a` of a table: guards a non-nil last array item (or an empty array)
    /// and an empty hash part.
    ALen = "alen", true, false;
    /// The running function's value (the frame's closure, `JitCtx::closure`, set by the
    /// engine before every trace call; linked traces share the frame).
    CurFn = "curfn", false, true;
    /// The cell address (a raw int, never in snapshots) of upvalue `k & 0xFFFF_FFFF` of
    /// closure `a` (whose prototype is known: the trace's own, or guarded by
    /// `fproto`). Guards that the cell is not one of the trace's frame registers
    /// `0..k >> 32` (an open upvalue of this frame, which the trace may hold in a
    /// register): closed cells and open cells of other frames are never written by
    /// anything but `uvstore` inside a trace.
    UvRef = "uvref", true, false;
    /// Load / store the value of upvalue cell `a` (store: value `b`).
    UvLoad = "uvload", false, false;
    UvStore = "uvstore", false, false;
    /// Guard that value `a` has Lua type `k` (`vm::value::Type` as an index: nil,
    /// boolean, number (int, big int or float), string, table, function).
    GuardType = "guardtype", true, false;
    /// The byte length of string `a` (type-checked by `guardtype`; strings are
    /// immutable).
    StrLen = "strlen", false, true;
    /// Byte `b` (1-based int) of string `a` as an int; guards 1 <= b <= len.
    StrByte = "strbyte", true, false;
    /// Argument `k` (0-based) of the next `calln`: value `a` (boxed) into `JitCtx::args`.
    CArg = "carg", false, false;
    /// Call of builtin `k & PAYLOAD_MASK` with `k >> 48 & 0xFF` arguments (`carg`s just
    /// before) out of the trace (`callout.rs`: pure builtins only), or with
    /// `callout::CONCAT` in `k` the concatenation of the arguments; the result is its
    /// first result. Guards that the call succeeded (errors and stack growth exit to before
    /// the `CALL`).
    CallN = "calln", true, false;
    /// Result `k` (1-based after the first: 1 = the second result) of the `calln` just
    /// before it (`JitCtx::results`, nil if the builtin returned fewer).
    CRes = "cres", false, false;
    /// Raw get `a[b]` of table `a` (metatables are not consulted) with key `b` (an
    /// inline int or a string, else the guard exits), by a call out of the trace
    /// (`callout::jit_table_get`): any key, present or not.
    TGet = "tget", true, false;
    /// Raw set `a[b] = c` (no metatable; key an inline int or a string, else the guard
    /// exits before anything changed), by a call out of the trace
    /// (`callout::jit_table_set`): may add keys and rehash (a memory barrier).
    TSet = "tset", true, false;
    /// Guard that table `a`'s metatable is the table at address `k`.
    GuardMeta = "guardmeta", true, false;
    /// The step of a `range` loop over table `a` (raw traversal, `Table::next_from`)
    /// from traversal position `b` (an int, the interpreter's `R[A+2]`): the position
    /// after the first non-nil pair at or after `b`. `k` = 0 guards that there is such a
    /// pair (the loop goes on), `k` = 1 that there is none (the loop ends; the result is
    /// then meaningless). Inline code, no call.
    TNext = "tnext", true, false;
    /// The border `#a` of table `a` (no metatable) in general (holes, a hash part), by
    /// a call out of the trace (`callout::jit_table_len`). A guard only for the call
    /// protocol: it never fails.
    TLen = "tlen", true, false;
    /// The traversal position just after key `b` (any value; nil: 0) of table `a`, as
    /// the builtin `next` finds it (`callout::jit_table_pos_after`); guards that the key
    /// is not a float and is in the table (else the interpreter's `next` runs).
    TPosAfter = "tposafter", true, false;
    /// The key / value of the pair just before traversal position `b` of table `a` (a
    /// position `tnext` returned, with no store in between): `b <= #array` is array
    /// item `b` (key: the int `b`), otherwise hash entry `b - #array - 1`.
    TNextK = "tnextk", false, false;
    TNextV = "tnextv", false, false;
    /// Start of the loop body (`opt_loop.rs`): instructions before it form the pre-header,
    /// run once per trace entry; `Loop` jumps back here.
    Head = "head", false, false;
    /// End of the iteration: write back the slots of the snapshot that are not carried
    /// in registers by a PHI ([`Trace::phis`]), move each PHI's new value into its
    /// register, and jump to `Head` (or the top of the trace without one).
    Loop = "loop", true, false;
    /// End of a side trace: leave through the snapshot unconditionally (the engine then
    /// enters the trace of the loop header at the snapshot's pc, if there is one).
    Exit = "exit", true, false;
}

/// One instruction.
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Ins {
    pub op: Opc,
    pub ty: Ty,
    pub a: IrRef,
    pub b: IrRef,
    pub c: IrRef,
    pub k: i64,
    pub snap: SnapId,
}

impl Ins {
    pub fn new(op: Opc, ty: Ty, a: IrRef, b: IrRef) -> Ins {
        Ins { op, ty, a, b, c: IrRef::NONE, k: 0, snap: SnapId::NONE }
    }
    pub fn operands(&self) -> impl Iterator<Item = IrRef> {
        [self.a, self.b, self.c].into_iter().filter(|r| !r.is_none())
    }
    /// Points the operands at their refs in a rebuilt instruction list (`map`: old ref
    /// -> new ref), as passes that drop or replace instructions need.
    pub fn remap_operands(&mut self, map: &[IrRef]) {
        let m = |r: IrRef| if r.is_none() { r } else { map[r.idx()] };
        self.a = m(self.a);
        self.b = m(self.b);
        self.c = m(self.c);
    }
    pub fn cond(&self) -> Cond {
        Cond::ALL.get(self.k as usize).copied().unwrap_or(Cond::Eq)
    }
}

pub fn cond_index(c: Cond) -> i64 {
    Cond::ALL.iter().position(|&x| x == c).unwrap_or(0) as i64
}

/// A snapshot: the interpreter state at a guard. Resuming means writing `entries`
/// (slot, value) to the frame's registers and continuing at `pc`.
///
/// A snapshot inside inlined calls that stored into tables (`frames` non-empty) resumes
/// inside the innermost callee: its entries also cover the callees' registers (slots
/// above the trace's frame, where the interpreter's calls would have put them), the
/// engine pushes one VM frame per [`SnapFrame`] (outermost first) and `pc` is the
/// innermost callee's. Such snapshots never link to side traces.
#[derive(Clone, PartialEq, Debug, Default)]
pub struct Snapshot {
    pub pc: usize,
    pub entries: Vec<(u16, IrRef)>,
    pub frames: Vec<SnapFrame>,
}

/// An inlined call a snapshot resumes inside of (see [`Snapshot`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct SnapFrame {
    /// pc of the `CALL` in the calling frame (which resumes at `call_pc + 1`).
    pub call_pc: u32,
    /// Slot of the called function, relative to the trace's frame base (the callee's
    /// register 0 is the next slot).
    pub func: u16,
    /// Results the call wants (`CALL`'s `c - 1`).
    pub want: u16,
}

/// A trace's IR.
#[derive(Clone, Debug, Default)]
pub struct Trace {
    pub ins: Vec<Ins>,
    pub snaps: Vec<Snapshot>,
    /// Loop-carried values (`opt_loop.rs`): `(entry, next)` where `entry` is an `SLoad`
    /// of the pre-header (the slot's value at the start of every iteration) and `next`
    /// the slot's value at the end of the iteration, moved into `entry`'s location by
    /// `Loop`. The slot is then not written back at `Loop`.
    pub phis: Vec<(IrRef, IrRef)>,
}

impl Trace {
    /// After a pass rebuilt the instruction list (`map`: old ref -> new ref), points the
    /// snapshot entries at the new refs.
    pub fn remap_snapshots(&mut self, map: &[IrRef]) {
        for s in &mut self.snaps {
            for e in &mut s.entries {
                e.1 = map[e.1.idx()];
            }
        }
    }

    /// As [`Trace::remap_snapshots`], and the PHIs of `old` (entry value, carried value).
    pub fn remap_snapshots_and_phis(&mut self, old: &Trace, map: &[IrRef]) {
        self.remap_snapshots(map);
        self.phis = old.phis.iter().map(|&(e, x)| (map[e.idx()], map[x.idx()])).collect();
    }

    pub fn get(&self, r: IrRef) -> &Ins {
        &self.ins[r.idx()]
    }
    pub fn ty(&self, r: IrRef) -> Ty {
        self.ins[r.idx()].ty
    }
    pub fn push(&mut self, ins: Ins) -> IrRef {
        self.ins.push(ins);
        IrRef(self.ins.len() as u32 - 1)
    }
    pub fn add_snap(&mut self, snap: Snapshot) -> SnapId {
        if let Some(last) = self.snaps.last() {
            if *last == snap {
                return SnapId(self.snaps.len() as u32 - 1);
            }
        }
        self.snaps.push(snap);
        SnapId(self.snaps.len() as u32 - 1)
    }
    /// Index of the `Head` instruction, if the trace has one.
    pub fn head(&self) -> Option<usize> {
        self.ins.iter().position(|i| i.op == Opc::Head)
    }
    /// The constant of `r`, if it is one.
    pub fn konst(&self, r: IrRef) -> Option<i64> {
        let i = self.ins.get(r.idx())?;
        (i.op == Opc::K).then_some(i.k)
    }
}
