//! `Value`: one 64-bit word per GScript value (NaN boxing).
//!
//! ```text
//!  63  62        52 51 50   48 47                                            0
//! +---+-----------+-----+-----+-----------------------------------------------+
//! | s | exponent  | q   | tag |                 payload (48 bits)             |
//! +---+-----------+-----+-----+-----------------------------------------------+
//!
//! bits <= 0xFFF8_0000_0000_0000        a float (every non-NaN double is itself;
//!                                     NaNs are canonicalised to 0x7FF8_0..0 (+nan)
//!                                     or 0xFFF8_0..0 (-nan), keeping the sign bit)
//! 0xFFF9_xxxx_xxxx_xxxx               inline integer, payload = 48-bit two's complement
//!                                     (range -2^47 .. 2^47-1)
//! 0xFFFA_0000_0000_000v               nil (v=0), false (v=1), true (v=2)
//! 0xFFFB_pppp_pppp_pppp               string object pointer
//! 0xFFFC_pppp_pppp_pppp               table object pointer
//! 0xFFFD_pppp_pppp_pppp               function object pointer (closure or builtin)
//! 0xFFFE_pppp_pppp_pppp               other object pointer (coroutine, channel, boxed integer)
//! ```
//!
//! Integers outside the inline range are boxed in an immutable heap object
//! ([`crate::object::BigInt`]); boxing is invisible: [`Value::as_int`] returns the value
//! either way, and equality, hashing and table keys compare integer values, not bits.
//! Pointers are 48-bit user-space addresses (x86-64 / AArch64 Linux).
//!
//! A `Value` is `Copy` and does not keep its object alive: liveness is the GC's job
//! (values must be reachable from a root at every collection point).

use crate::object::{GcHeader, ObjKind};

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Value(pub u64);

pub const TAG_SHIFT: u32 = 48;
pub const PAYLOAD_MASK: u64 = (1 << 48) - 1;
/// Largest bit pattern that is a float (canonical negative NaN).
pub const FLOAT_MAX_BITS: u64 = 0xFFF8_0000_0000_0000;
pub const TAG_INT: u64 = 0xFFF9;
pub const TAG_SIMPLE: u64 = 0xFFFA;
pub const TAG_STR: u64 = 0xFFFB;
pub const TAG_TABLE: u64 = 0xFFFC;
pub const TAG_FUNC: u64 = 0xFFFD;
pub const TAG_OBJ: u64 = 0xFFFE;

pub const POSITIVE_NAN: u64 = 0x7FF8_0000_0000_0000;
pub const NEGATIVE_NAN: u64 = 0xFFF8_0000_0000_0000;

/// Smallest integer stored inline.
pub const INLINE_INT_MIN: i64 = -(1 << 47);
/// Largest integer stored inline.
pub const INLINE_INT_MAX: i64 = (1 << 47) - 1;

/// The dynamic type of a value, as `type()` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Type {
    Nil,
    Boolean,
    Number,
    String,
    Table,
    Function,
    Coroutine,
    Channel,
}

impl Type {
    /// Every type, in declaration order (`ALL[t as usize] == t`).
    pub const ALL: [Type; 8] =
        [Type::Nil, Type::Boolean, Type::Number, Type::String, Type::Table, Type::Function, Type::Coroutine, Type::Channel];

    pub fn name(self) -> &'static str {
        match self {
            Type::Nil => "nil",
            Type::Boolean => "boolean",
            Type::Number => "number",
            Type::String => "string",
            Type::Table => "table",
            Type::Function => "function",
            Type::Coroutine => "coroutine",
            Type::Channel => "channel",
        }
    }
}

impl Value {
    pub const NIL: Value = Value(TAG_SIMPLE << TAG_SHIFT);
    pub const FALSE: Value = Value(TAG_SIMPLE << TAG_SHIFT | 1);
    pub const TRUE: Value = Value(TAG_SIMPLE << TAG_SHIFT | 2);

    #[inline(always)]
    pub fn tag(self) -> u64 {
        self.0 >> TAG_SHIFT
    }

    #[inline(always)]
    pub fn bool(b: bool) -> Value {
        if b {
            Value::TRUE
        } else {
            Value::FALSE
        }
    }

    /// A float value; NaNs are canonicalised (keeping the sign bit).
    #[inline(always)]
    pub fn float(f: f64) -> Value {
        let bits = f.to_bits();
        if f.is_nan() {
            Value(if bits >> 63 == 1 { NEGATIVE_NAN } else { POSITIVE_NAN })
        } else {
            Value(bits)
        }
    }

    /// The result of IEEE `+ - * /` on operands taken from values (or from integers).
    /// No canonicalisation is needed: such an operation returns either a non-NaN, the
    /// hardware default NaN (canonical on x86-64 and AArch64), or one of its NaN
    /// operands, which are canonical already.
    #[inline(always)]
    pub fn float_arith(f: f64) -> Value {
        debug_assert!(!f.is_nan() || f.to_bits() == POSITIVE_NAN || f.to_bits() == NEGATIVE_NAN);
        Value(f.to_bits())
    }

    /// An inline integer. The caller guarantees the range; use
    /// [`crate::Vm::int`] for arbitrary integers (which boxes when needed).
    #[inline(always)]
    pub fn inline_int(i: i64) -> Value {
        debug_assert!(fits_inline(i));
        Value(TAG_INT << TAG_SHIFT | (i as u64 & PAYLOAD_MASK))
    }

    /// Builds a pointer value with the given tag.
    #[inline(always)]
    pub fn from_ptr(tag: u64, ptr: *const GcHeader) -> Value {
        Value(tag << TAG_SHIFT | (ptr as u64 & PAYLOAD_MASK))
    }

    #[inline(always)]
    pub fn is_nil(self) -> bool {
        self.0 == Value::NIL.0
    }
    #[inline(always)]
    pub fn is_falsy(self) -> bool {
        self.0 == Value::NIL.0 || self.0 == Value::FALSE.0
    }
    #[inline(always)]
    pub fn is_truthy(self) -> bool {
        !self.is_falsy()
    }
    #[inline(always)]
    pub fn is_bool(self) -> bool {
        self.0 == Value::TRUE.0 || self.0 == Value::FALSE.0
    }
    #[inline(always)]
    pub fn is_float(self) -> bool {
        self.0 <= FLOAT_MAX_BITS
    }
    #[inline(always)]
    pub fn is_inline_int(self) -> bool {
        self.tag() == TAG_INT
    }
    /// True for inline and boxed integers.
    #[inline(always)]
    pub fn is_int(self) -> bool {
        self.tag() == TAG_INT || self.is_big_int()
    }
    #[inline(always)]
    pub fn is_number(self) -> bool {
        self.is_float() || self.is_int()
    }
    #[inline(always)]
    pub fn is_str(self) -> bool {
        self.tag() == TAG_STR
    }
    #[inline(always)]
    pub fn is_table(self) -> bool {
        self.tag() == TAG_TABLE
    }
    #[inline(always)]
    pub fn is_function(self) -> bool {
        self.tag() == TAG_FUNC
    }
    /// True if the value points to a heap object.
    #[inline(always)]
    pub fn is_object(self) -> bool {
        let tag = self.tag();
        (TAG_STR..=TAG_OBJ).contains(&tag)
    }

    /// The float payload. Only meaningful if `is_float()`.
    #[inline(always)]
    pub fn as_float_unchecked(self) -> f64 {
        f64::from_bits(self.0)
    }
    /// The inline integer payload. Only meaningful if `is_inline_int()`.
    #[inline(always)]
    pub fn as_inline_int_unchecked(self) -> i64 {
        ((self.0 << 16) as i64) >> 16
    }

    /// The object pointer of an object value.
    #[inline(always)]
    pub fn as_ptr(self) -> *mut GcHeader {
        (self.0 & PAYLOAD_MASK) as *mut GcHeader
    }

    /// The object kind of a `TAG_OBJ` value.
    #[inline(always)]
    pub fn obj_kind(self) -> Option<ObjKind> {
        if self.tag() == TAG_OBJ || self.tag() == TAG_FUNC {
            // SAFETY: object values always point to a live object with a header (the GC
            // keeps every value reachable from roots alive).
            Some(unsafe { (*self.as_ptr()).kind })
        } else {
            None
        }
    }

    #[inline(always)]
    pub fn is_big_int(self) -> bool {
        self.tag() == TAG_OBJ && self.obj_kind() == Some(ObjKind::BigInt)
    }

    /// The integer value (inline or boxed).
    #[inline(always)]
    pub fn as_int(self) -> Option<i64> {
        if self.is_inline_int() {
            Some(self.as_inline_int_unchecked())
        } else if self.is_big_int() {
            // SAFETY: a BigInt object starts with its header (repr(C)).
            Some(unsafe { (*(self.as_ptr() as *const crate::object::BigInt)).value })
        } else {
            None
        }
    }

    #[inline(always)]
    pub fn as_float(self) -> Option<f64> {
        if self.is_float() {
            Some(self.as_float_unchecked())
        } else {
            None
        }
    }

    /// The number as a float (integers converted), or None for non-numbers.
    #[inline(always)]
    pub fn to_f64(self) -> Option<f64> {
        if self.is_float() {
            Some(self.as_float_unchecked())
        } else {
            self.as_int().map(|i| i as f64)
        }
    }

    pub fn as_bool(self) -> Option<bool> {
        if self.0 == Value::TRUE.0 {
            Some(true)
        } else if self.0 == Value::FALSE.0 {
            Some(false)
        } else {
            None
        }
    }

    pub fn type_of(self) -> Type {
        if self.is_float() {
            return Type::Number;
        }
        match self.tag() {
            TAG_INT => Type::Number,
            TAG_SIMPLE => {
                if self.is_nil() {
                    Type::Nil
                } else {
                    Type::Boolean
                }
            }
            TAG_STR => Type::String,
            TAG_TABLE => Type::Table,
            TAG_FUNC => Type::Function,
            _ => match self.obj_kind() {
                Some(ObjKind::BigInt) => Type::Number,
                Some(ObjKind::Thread) => Type::Coroutine,
                Some(ObjKind::Channel) => Type::Channel,
                _ => Type::Nil,
            },
        }
    }

    pub fn type_name(self) -> &'static str {
        self.type_of().name()
    }
}

/// True if `i` can be stored inline.
#[inline(always)]
pub fn fits_inline(i: i64) -> bool {
    (INLINE_INT_MIN..=INLINE_INT_MAX).contains(&i)
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(x) = self.as_float() {
            return write!(f, "{:?}", x);
        }
        if self.is_inline_int() {
            return write!(f, "{}", self.as_inline_int_unchecked());
        }
        match self.tag() {
            TAG_SIMPLE => write!(f, "{}", if self.is_nil() { "nil" } else if *self == Value::TRUE { "true" } else { "false" }),
            _ => write!(f, "<{} {:#x}>", self.type_name(), self.0 & PAYLOAD_MASK),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_int_boundaries() {
        for i in [0, 1, -1, INLINE_INT_MAX, INLINE_INT_MIN, 12345678901234, -12345678901234] {
            let v = Value::inline_int(i);
            assert!(v.is_inline_int() && v.is_int() && v.is_number() && !v.is_float());
            assert_eq!(v.as_int(), Some(i));
        }
        assert!(fits_inline((1 << 47) - 1));
        assert!(!fits_inline(1 << 47));
        assert!(fits_inline(-(1 << 47)));
        assert!(!fits_inline(-(1 << 47) - 1));
        assert!(!fits_inline(i64::MAX) && !fits_inline(i64::MIN));
    }

    #[test]
    fn floats_are_themselves() {
        for x in [0.0, -0.0, 1.5, f64::INFINITY, f64::NEG_INFINITY, f64::MAX, f64::MIN_POSITIVE, 5e-324, -5e-324] {
            let v = Value::float(x);
            assert!(v.is_float() && v.is_number() && !v.is_int());
            assert_eq!(v.as_float().unwrap().to_bits(), x.to_bits());
        }
        assert_eq!(Value::float(-0.0).0, 0x8000_0000_0000_0000);
    }

    #[test]
    fn nan_sign_is_kept_and_canonical() {
        let neg = Value::float(f64::from_bits(0xFFF8_0000_0000_1234));
        let pos = Value::float(f64::from_bits(0x7FF0_0000_0000_0001));
        assert_eq!(neg.0, NEGATIVE_NAN);
        assert_eq!(pos.0, POSITIVE_NAN);
        assert!(neg.is_float() && pos.is_float());
        assert!(neg.as_float().unwrap().is_sign_negative());
        assert!(pos.as_float().unwrap().is_sign_positive());
        // A canonical NaN is not confused with any tag.
        assert_eq!(neg.type_of(), Type::Number);
        let computed = Value::float(0.0f64 / std::hint::black_box(0.0));
        assert!(computed.is_float() && computed.as_float().unwrap().is_nan());
    }

    #[test]
    fn simple_values() {
        assert!(Value::NIL.is_nil() && Value::NIL.is_falsy());
        assert!(Value::FALSE.is_falsy() && !Value::FALSE.is_nil());
        assert!(Value::TRUE.is_truthy());
        assert!(Value::inline_int(0).is_truthy());
        assert_eq!(Value::NIL.type_name(), "nil");
        assert_eq!(Value::TRUE.type_name(), "boolean");
        assert!(!Value::NIL.is_float() && !Value::TRUE.is_number());
    }
}
