//! Conversions between Rust and GScript values.
//!
//! [`IntoValue`] / [`FromValue`] convert one value; [`IntoValues`] / [`FromValues`]
//! convert argument and result lists (`()` is no values, a tuple is several, any single
//! convertible type is one, [`Variadic`] is any number). The dynamic [`Value`] holds any
//! GScript value.
//!
//! | Rust | GScript |
//! |---|---|
//! | `bool` | boolean |
//! | `i8`…`i64`, `u8`…`u64`, `isize`, `usize` | integer (from integral floats and numeric strings too) |
//! | `f32`, `f64` | float (from integers and numeric strings too) |
//! | `String`, `&str` | string (from numbers too, as `tostring` writes them) |
//! | `Option<T>` | `nil` or T |
//! | `Vec<T>` | sequence table `{t1, t2, …}` |
//! | `HashMap<K, V>`, `BTreeMap<K, V>` | table |
//! | [`Function`], [`Table`], [`AnyUserData`], [`UserDataRef<T>`] | handles |
//! | [`Value`] | anything |
//!
//! Conversions never run script code and never trigger a garbage collection.

use crate::engine::Context;
use crate::error::{Error, ErrorKind, Result};
use crate::handles::{AnyUserData, Function, Table, UserDataRef};
use std::collections::{BTreeMap, HashMap};
use std::hash::Hash;
use std::rc::Rc;
use vm::number::{self, Num};
use vm::object::value_as;
use vm::table::Table as VmTable;
use vm::Vm;

/// Converts a Rust value into a GScript value.
pub trait IntoValue {
    /// Performs the conversion.
    fn into_value(self, cx: &mut Context<'_>) -> Result<vm::Value>;
}

/// Converts a GScript value into a Rust value.
pub trait FromValue: Sized {
    /// Performs the conversion.
    fn from_value(v: vm::Value, cx: &mut Context<'_>) -> Result<Self>;
}

/// Converts Rust values into a list of GScript values (arguments or results).
pub trait IntoValues {
    /// Performs the conversion.
    fn into_values(self, cx: &mut Context<'_>) -> Result<Vec<vm::Value>>;
}

/// Converts a list of GScript values (results or arguments) into Rust values. Missing
/// values are `nil`; extra values are ignored.
pub trait FromValues: Sized {
    /// Performs the conversion.
    fn from_values(values: &[vm::Value], cx: &mut Context<'_>) -> Result<Self>;
}

/// Any number of values of one type: the last parameter of a callback taking the rest of
/// the arguments, or several results.
///
/// ```
/// use gscript::{Engine, Variadic};
/// let mut engine = Engine::new();
/// engine.register_fn("sum", |xs: Variadic<f64>| xs.iter().sum::<f64>()).unwrap();
/// engine.register_fn("upto", |n: i64| Variadic((1..=n).collect::<Vec<i64>>())).unwrap();
/// assert_eq!(engine.eval::<f64>("sum(1, 2.5, 3)").unwrap(), 6.5);
/// assert_eq!(engine.eval::<Variadic<i64>>("upto(3)").unwrap().0, vec![1, 2, 3]);
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Variadic<T>(pub Vec<T>);

impl<T> std::ops::Deref for Variadic<T> {
    type Target = Vec<T>;
    fn deref(&self) -> &Vec<T> {
        &self.0
    }
}

impl<T> std::ops::DerefMut for Variadic<T> {
    fn deref_mut(&mut self) -> &mut Vec<T> {
        &mut self.0
    }
}

/// Any GScript value, for code that does not know the type in advance.
///
/// ```
/// use gscript::{Engine, Value};
/// let mut engine = Engine::new();
/// let values: Vec<Value> = engine.eval("{1, 2.5, \"s\", true}").unwrap();
/// assert!(matches!(values[0], Value::Integer(1)));
/// assert!(matches!(values[1], Value::Number(x) if x == 2.5));
/// assert!(matches!(&values[2], Value::String(s) if s == "s"));
/// assert_eq!(values[3].type_name(), "boolean");
/// ```
#[derive(Clone, Debug, Default)]
pub enum Value {
    #[default]
    Nil,
    Boolean(bool),
    Integer(i64),
    Number(f64),
    /// A string (invalid UTF-8 is replaced by U+FFFD).
    String(String),
    Table(Table),
    Function(Function),
    UserData(AnyUserData),
    /// A coroutine, channel or other object, kept alive but opaque.
    Other(OtherValue),
}

/// An opaque GScript value (coroutine, channel, ...), see [`Value::Other`].
#[derive(Clone)]
pub struct OtherValue {
    handle: Rc<crate::handles::Handle>,
    type_name: &'static str,
}

impl std::fmt::Debug for OtherValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Other({})", self.type_name)
    }
}

impl Value {
    /// The GScript type name (`nil`, `boolean`, `number`, `string`, `table`, `function`,
    /// or the type of an opaque value).
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Nil => "nil",
            Value::Boolean(_) => "boolean",
            Value::Integer(_) | Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Table(_) | Value::UserData(_) => "table",
            Value::Function(_) => "function",
            Value::Other(o) => o.type_name,
        }
    }

    /// True for `nil`.
    pub fn is_nil(&self) -> bool {
        matches!(self, Value::Nil)
    }
}

fn got(cx: &mut Context<'_>, v: vm::Value) -> String {
    cx.vm.type_name_for_msg(v)
}

// ---- scalars ----

impl IntoValue for bool {
    fn into_value(self, _: &mut Context<'_>) -> Result<vm::Value> {
        Ok(vm::Value::bool(self))
    }
}

impl FromValue for bool {
    fn from_value(v: vm::Value, cx: &mut Context<'_>) -> Result<Self> {
        v.as_bool().ok_or_else(|| Error::conversion("boolean", &got(cx, v)))
    }
}

/// An integer from a number or numeric string (spec 12.0.2).
fn to_i64(v: vm::Value, cx: &mut Context<'_>) -> Result<i64> {
    if let Some(i) = v.as_int() {
        return Ok(i);
    }
    let num = match v.as_float() {
        Some(f) => Some(Num::Float(f)),
        None => Vm::str_bytes(v).and_then(number::parse_number),
    };
    match num {
        Some(Num::Int(i)) => Ok(i),
        Some(Num::Float(f)) => number::float_to_int(f)
            .ok_or_else(|| Error::with_kind(ErrorKind::Conversion, "number has no integer representation")),
        None => Err(Error::conversion("number", &got(cx, v))),
    }
}

fn to_f64(v: vm::Value, cx: &mut Context<'_>) -> Result<f64> {
    if let Some(f) = v.to_f64() {
        return Ok(f);
    }
    match Vm::str_bytes(v).and_then(number::parse_number) {
        Some(Num::Int(i)) => Ok(i as f64),
        Some(Num::Float(f)) => Ok(f),
        None => Err(Error::conversion("number", &got(cx, v))),
    }
}

macro_rules! int_conversions {
    ($($t:ty),*) => {$(
        impl IntoValue for $t {
            fn into_value(self, cx: &mut Context<'_>) -> Result<vm::Value> {
                let i = i64::try_from(self).map_err(|_| {
                    Error::with_kind(ErrorKind::Conversion, format!("integer {} does not fit in 64 bits", self))
                })?;
                Ok(cx.vm.int(i))
            }
        }
        impl FromValue for $t {
            fn from_value(v: vm::Value, cx: &mut Context<'_>) -> Result<Self> {
                let i = to_i64(v, cx)?;
                <$t>::try_from(i).map_err(|_| {
                    Error::with_kind(ErrorKind::Conversion, format!("integer {} out of range for {}", i, stringify!($t)))
                })
            }
        }
    )*};
}
int_conversions!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);

impl IntoValue for f64 {
    fn into_value(self, _: &mut Context<'_>) -> Result<vm::Value> {
        Ok(vm::Value::float(self))
    }
}

impl FromValue for f64 {
    fn from_value(v: vm::Value, cx: &mut Context<'_>) -> Result<Self> {
        to_f64(v, cx)
    }
}

impl IntoValue for f32 {
    fn into_value(self, _: &mut Context<'_>) -> Result<vm::Value> {
        Ok(vm::Value::float(self as f64))
    }
}

impl FromValue for f32 {
    fn from_value(v: vm::Value, cx: &mut Context<'_>) -> Result<Self> {
        Ok(to_f64(v, cx)? as f32)
    }
}

impl IntoValue for &str {
    fn into_value(self, cx: &mut Context<'_>) -> Result<vm::Value> {
        Ok(cx.vm.str_value(self.as_bytes()))
    }
}

impl IntoValue for String {
    fn into_value(self, cx: &mut Context<'_>) -> Result<vm::Value> {
        Ok(cx.vm.string_value_owned(self.into_bytes()))
    }
}

impl IntoValue for &String {
    fn into_value(self, cx: &mut Context<'_>) -> Result<vm::Value> {
        Ok(cx.vm.str_value(self.as_bytes()))
    }
}

impl FromValue for String {
    fn from_value(v: vm::Value, cx: &mut Context<'_>) -> Result<Self> {
        if let Some(b) = Vm::str_bytes(v) {
            return Ok(String::from_utf8_lossy(b).into_owned());
        }
        if v.is_number() {
            let mut buf = Vec::new();
            vm::ops::number_to_text(v, &mut buf);
            return Ok(String::from_utf8_lossy(&buf).into_owned());
        }
        Err(Error::conversion("string", &got(cx, v)))
    }
}

// ---- containers ----

impl<T: IntoValue> IntoValue for Option<T> {
    fn into_value(self, cx: &mut Context<'_>) -> Result<vm::Value> {
        match self {
            Some(x) => x.into_value(cx),
            None => Ok(vm::Value::NIL),
        }
    }
}

impl<T: FromValue> FromValue for Option<T> {
    fn from_value(v: vm::Value, cx: &mut Context<'_>) -> Result<Self> {
        if v.is_nil() {
            Ok(None)
        } else {
            T::from_value(v, cx).map(Some)
        }
    }
}

fn table_of(v: vm::Value, cx: &mut Context<'_>) -> Result<vm::object::Gc<VmTable>> {
    match value_as::<VmTable>(v) {
        Some(t) => Ok(t),
        None => Err(Error::conversion("table", &got(cx, v))),
    }
}

impl<T: IntoValue> IntoValue for Vec<T> {
    fn into_value(self, cx: &mut Context<'_>) -> Result<vm::Value> {
        let mut t = cx.vm.new_table(self.len(), 0);
        for (i, x) in self.into_iter().enumerate() {
            let v = x.into_value(cx)?;
            let k = cx.vm.int(i as i64 + 1);
            t.set(k, v);
        }
        Ok(Vm::table_value(t))
    }
}

impl<T: FromValue> FromValue for Vec<T> {
    fn from_value(v: vm::Value, cx: &mut Context<'_>) -> Result<Self> {
        let t = table_of(v, cx)?;
        let n = t.border();
        let mut out = Vec::with_capacity(n.max(0) as usize);
        for i in 1..=n {
            out.push(T::from_value(t.get_int(i), cx)?);
        }
        Ok(out)
    }
}

fn map_into_value<K: IntoValue, V: IntoValue>(
    pairs: impl Iterator<Item = (K, V)>,
    len: usize,
    cx: &mut Context<'_>,
) -> Result<vm::Value> {
    let mut t = cx.vm.new_table(0, len);
    for (k, v) in pairs {
        let k = k.into_value(cx)?;
        let k = cx.vm.table_key(k).map_err(|e| cx.rt_error(e))?;
        let v = v.into_value(cx)?;
        t.set(k, v);
    }
    Ok(Vm::table_value(t))
}

fn map_pairs<K: FromValue, V: FromValue>(v: vm::Value, cx: &mut Context<'_>) -> Result<Vec<(K, V)>> {
    let t = table_of(v, cx)?;
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some((next, k, v)) = t.next_from(pos) {
        out.push((K::from_value(k, cx)?, V::from_value(v, cx)?));
        pos = next;
    }
    Ok(out)
}

impl<K: IntoValue, V: IntoValue, S> IntoValue for HashMap<K, V, S> {
    fn into_value(self, cx: &mut Context<'_>) -> Result<vm::Value> {
        let n = self.len();
        map_into_value(self.into_iter(), n, cx)
    }
}

impl<K: FromValue + Eq + Hash, V: FromValue, S: std::hash::BuildHasher + Default> FromValue for HashMap<K, V, S> {
    fn from_value(v: vm::Value, cx: &mut Context<'_>) -> Result<Self> {
        Ok(map_pairs(v, cx)?.into_iter().collect())
    }
}

impl<K: IntoValue, V: IntoValue> IntoValue for BTreeMap<K, V> {
    fn into_value(self, cx: &mut Context<'_>) -> Result<vm::Value> {
        let n = self.len();
        map_into_value(self.into_iter(), n, cx)
    }
}

impl<K: FromValue + Ord, V: FromValue> FromValue for BTreeMap<K, V> {
    fn from_value(v: vm::Value, cx: &mut Context<'_>) -> Result<Self> {
        Ok(map_pairs(v, cx)?.into_iter().collect())
    }
}

// ---- handles ----

impl IntoValue for Function {
    fn into_value(self, cx: &mut Context<'_>) -> Result<vm::Value> {
        self.0.get(cx)
    }
}

impl IntoValue for &Function {
    fn into_value(self, cx: &mut Context<'_>) -> Result<vm::Value> {
        self.0.get(cx)
    }
}

impl FromValue for Function {
    fn from_value(v: vm::Value, cx: &mut Context<'_>) -> Result<Self> {
        if v.is_function() {
            Ok(Function(cx.handle(v)))
        } else {
            Err(Error::conversion("function", &got(cx, v)))
        }
    }
}

impl IntoValue for Table {
    fn into_value(self, cx: &mut Context<'_>) -> Result<vm::Value> {
        self.0.get(cx)
    }
}

impl IntoValue for &Table {
    fn into_value(self, cx: &mut Context<'_>) -> Result<vm::Value> {
        self.0.get(cx)
    }
}

impl FromValue for Table {
    fn from_value(v: vm::Value, cx: &mut Context<'_>) -> Result<Self> {
        table_of(v, cx)?;
        Ok(Table(cx.handle(v)))
    }
}

impl IntoValue for AnyUserData {
    fn into_value(self, cx: &mut Context<'_>) -> Result<vm::Value> {
        self.0.get(cx)
    }
}

impl IntoValue for &AnyUserData {
    fn into_value(self, cx: &mut Context<'_>) -> Result<vm::Value> {
        self.0.get(cx)
    }
}

impl FromValue for AnyUserData {
    fn from_value(v: vm::Value, cx: &mut Context<'_>) -> Result<Self> {
        match cx.userdata_cell(v) {
            Some(_) => Ok(AnyUserData(cx.handle(v))),
            None => Err(Error::conversion("userdata", &got(cx, v))),
        }
    }
}

impl<T: 'static> IntoValue for UserDataRef<T> {
    fn into_value(self, cx: &mut Context<'_>) -> Result<vm::Value> {
        self.to_any().into_value(cx)
    }
}

impl<T: 'static> FromValue for UserDataRef<T> {
    fn from_value(v: vm::Value, cx: &mut Context<'_>) -> Result<Self> {
        match cx.userdata_cell(v) {
            Some((id, cell)) if id == std::any::TypeId::of::<T>() => {
                let handle = cx.handle(v);
                Ok(UserDataRef::from_parts(cell, handle))
            }
            _ => {
                let expected = cx.type_name_of::<T>();
                Err(Error::conversion(&expected, &got(cx, v)))
            }
        }
    }
}

impl IntoValue for Value {
    fn into_value(self, cx: &mut Context<'_>) -> Result<vm::Value> {
        match self {
            Value::Nil => Ok(vm::Value::NIL),
            Value::Boolean(b) => Ok(vm::Value::bool(b)),
            Value::Integer(i) => Ok(cx.vm.int(i)),
            Value::Number(f) => Ok(vm::Value::float(f)),
            Value::String(s) => s.into_value(cx),
            Value::Table(t) => t.into_value(cx),
            Value::Function(f) => f.into_value(cx),
            Value::UserData(u) => u.into_value(cx),
            Value::Other(o) => o.handle.get(cx),
        }
    }
}

impl FromValue for Value {
    fn from_value(v: vm::Value, cx: &mut Context<'_>) -> Result<Self> {
        use vm::value::Type;
        Ok(match v.type_of() {
            Type::Nil => Value::Nil,
            Type::Boolean => Value::Boolean(v.as_bool().unwrap_or(false)),
            Type::Number => match v.as_int() {
                Some(i) => Value::Integer(i),
                None => Value::Number(v.to_f64().unwrap_or(f64::NAN)),
            },
            Type::String => Value::String(String::from_utf8_lossy(Vm::str_bytes(v).unwrap_or(b"")).into_owned()),
            Type::Table if cx.userdata_cell(v).is_some() => Value::UserData(AnyUserData(cx.handle(v))),
            Type::Table => Value::Table(Table(cx.handle(v))),
            Type::Function => Value::Function(Function(cx.handle(v))),
            _ => Value::Other(OtherValue { handle: cx.handle(v), type_name: v.type_name() }),
        })
    }
}

// ---- value lists ----

impl<T: IntoValue> IntoValues for T {
    fn into_values(self, cx: &mut Context<'_>) -> Result<Vec<vm::Value>> {
        Ok(vec![self.into_value(cx)?])
    }
}

impl<T: FromValue> FromValues for T {
    fn from_values(values: &[vm::Value], cx: &mut Context<'_>) -> Result<Self> {
        T::from_value(values.first().copied().unwrap_or(vm::Value::NIL), cx)
    }
}

impl<T: IntoValue> IntoValues for Variadic<T> {
    fn into_values(self, cx: &mut Context<'_>) -> Result<Vec<vm::Value>> {
        self.0.into_iter().map(|x| x.into_value(cx)).collect()
    }
}

impl<T: FromValue> FromValues for Variadic<T> {
    fn from_values(values: &[vm::Value], cx: &mut Context<'_>) -> Result<Self> {
        values.iter().map(|&v| T::from_value(v, cx)).collect::<Result<Vec<T>>>().map(Variadic)
    }
}

impl<T: IntoValues, E: std::fmt::Display + 'static> IntoValues for std::result::Result<T, E> {
    fn into_values(self, cx: &mut Context<'_>) -> Result<Vec<vm::Value>> {
        match self {
            Ok(x) => x.into_values(cx),
            Err(e) => match (&e as &dyn std::any::Any).downcast_ref::<Error>() {
                Some(err) => Err(err.clone()),
                None => Err(Error::new(e.to_string())),
            },
        }
    }
}

macro_rules! tuple_conversions {
    ($($name:ident),*) => {
        impl<$($name: IntoValue),*> IntoValues for ($($name,)*) {
            #[allow(non_snake_case, unused_variables)]
            fn into_values(self, cx: &mut Context<'_>) -> Result<Vec<vm::Value>> {
                let ($($name,)*) = self;
                Ok(vec![$($name.into_value(cx)?),*])
            }
        }
        impl<$($name: FromValue),*> FromValues for ($($name,)*) {
            #[allow(non_snake_case, unused_variables, unused_mut, unused_assignments)]
            fn from_values(values: &[vm::Value], cx: &mut Context<'_>) -> Result<Self> {
                let mut i = 0;
                $(
                    let $name = $name::from_value(values.get(i).copied().unwrap_or(vm::Value::NIL), cx)?;
                    i += 1;
                )*
                Ok(($($name,)*))
            }
        }
    };
}
tuple_conversions!();
tuple_conversions!(A);
tuple_conversions!(A, B);
tuple_conversions!(A, B, C);
tuple_conversions!(A, B, C, D);
tuple_conversions!(A, B, C, D, E);
tuple_conversions!(A, B, C, D, E, F);
tuple_conversions!(A, B, C, D, E, F, G);
tuple_conversions!(A, B, C, D, E, F, G, H);
