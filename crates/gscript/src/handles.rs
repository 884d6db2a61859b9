//! Handles to heap objects: [`Function`], [`Table`], [`AnyUserData`] and the typed
//! [`UserDataRef`]. A handle keeps its object alive (it occupies a slot of an
//! engine-owned registry table) and is cheap to clone. Operations take the engine (or a
//! callback's [`Context`]) as `&mut impl AsContext`.

use crate::convert::{FromValue, FromValues, IntoValue, IntoValues};
use crate::engine::{AsContext, Context, State};
use crate::error::{Error, Result};
use std::any::{Any, TypeId};
use std::cell::{Ref, RefCell, RefMut};
use std::marker::PhantomData;
use std::rc::Rc;
use vm::object::value_as;
use vm::table::Table as VmTable;

/// A registry slot holding a value alive.
pub(crate) struct Handle {
    pub slot: i64,
    pub value: vm::Value,
    pub state: Rc<State>,
}

impl Drop for Handle {
    fn drop(&mut self) {
        if let Ok(mut dropped) = self.state.dropped.try_borrow_mut() {
            dropped.push(self.slot);
        }
    }
}

impl Handle {
    /// The value, after checking that `cx` belongs to the handle's engine.
    pub fn get(&self, cx: &Context<'_>) -> Result<vm::Value> {
        cx.check_owner(self)?;
        Ok(self.value)
    }
}

/// A GScript function (script or builtin) that Rust can call.
///
/// ```
/// let mut engine = gscript::Engine::new();
/// engine.run("func greet(name) { return \"hello, \" .. name, #name }").unwrap();
/// let greet: gscript::Function = engine.get_global("greet").unwrap();
/// let (text, len): (String, i64) = greet.call(&mut engine, "Ann").unwrap();
/// assert_eq!((text.as_str(), len), ("hello, Ann", 3));
/// ```
#[derive(Clone)]
pub struct Function(pub(crate) Rc<Handle>);

impl Function {
    /// Calls the function. `args` is one value, a tuple of values, `()` or a
    /// [`Variadic`](crate::Variadic); the results convert to `R` (a tuple for several).
    pub fn call<R: FromValues>(&self, cx: &mut impl AsContext, args: impl IntoValues) -> Result<R> {
        let mut cx = cx.context();
        let f = self.0.get(&cx)?;
        cx.call_value(f, args)
    }
}

impl std::fmt::Debug for Function {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Function(slot {})", self.0.slot)
    }
}

/// A GScript table. Access is raw (no metamethods run).
///
/// ```
/// let mut engine = gscript::Engine::new();
/// let config: gscript::Table = engine.eval("{name: \"demo\", sizes: {1, 2, 3}}").unwrap();
/// assert_eq!(config.get::<String>(&mut engine, "name").unwrap(), "demo");
/// assert_eq!(config.get::<Vec<i64>>(&mut engine, "sizes").unwrap(), vec![1, 2, 3]);
/// config.set(&mut engine, "debug", true).unwrap();
/// engine.set_global("config", config).unwrap();
/// assert!(engine.eval::<bool>("config.debug").unwrap());
/// ```
#[derive(Clone)]
pub struct Table(pub(crate) Rc<Handle>);

impl Table {
    fn table(&self, cx: &Context<'_>) -> Result<vm::object::Gc<VmTable>> {
        let v = self.0.get(cx)?;
        value_as::<VmTable>(v).ok_or_else(|| Error::new("not a table"))
    }

    /// `t[key]` (raw).
    pub fn get<V: FromValue>(&self, cx: &mut impl AsContext, key: impl IntoValue) -> Result<V> {
        let mut cx = cx.context();
        let t = self.table(&cx)?;
        let k = key.into_value(&mut cx)?;
        let v = if k.is_nil() { vm::Value::NIL } else { t.get(cx.vm.table_key(k).map_err(|e| cx.rt_error(e))?) };
        V::from_value(v, &mut cx)
    }

    /// `t[key] = value` (raw).
    pub fn set(&self, cx: &mut impl AsContext, key: impl IntoValue, value: impl IntoValue) -> Result<()> {
        let mut cx = cx.context();
        let mut t = self.table(&cx)?;
        let k = key.into_value(&mut cx)?;
        let k = cx.vm.table_key(k).map_err(|e| cx.rt_error(e))?;
        let v = value.into_value(&mut cx)?;
        t.set(k, v);
        Ok(())
    }

    /// The border `#t` (raw).
    pub fn len(&self, cx: &mut impl AsContext) -> Result<i64> {
        let cx = cx.context();
        Ok(self.table(&cx)?.border())
    }

    /// True if `#t == 0`.
    pub fn is_empty(&self, cx: &mut impl AsContext) -> Result<bool> {
        Ok(self.len(cx)? == 0)
    }

    /// Appends `value` at `#t + 1`.
    pub fn push(&self, cx: &mut impl AsContext, value: impl IntoValue) -> Result<()> {
        let n = self.len(cx)?;
        self.set(cx, n + 1, value)
    }

    /// All key/value pairs, in traversal order.
    pub fn pairs<K: FromValue, V: FromValue>(&self, cx: &mut impl AsContext) -> Result<Vec<(K, V)>> {
        let mut cx = cx.context();
        let t = self.table(&cx)?;
        let mut out = Vec::new();
        let mut pos = 0;
        while let Some((next, k, v)) = t.next_from(pos) {
            out.push((K::from_value(k, &mut cx)?, V::from_value(v, &mut cx)?));
            pos = next;
        }
        Ok(out)
    }
}

impl std::fmt::Debug for Table {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Table(slot {})", self.0.slot)
    }
}

/// A user data object of any type (see
/// [`Engine::create_userdata`](crate::Engine::create_userdata)).
#[derive(Clone)]
pub struct AnyUserData(pub(crate) Rc<Handle>);

impl AnyUserData {
    fn cell<T: 'static>(&self, cx: &mut Context<'_>) -> Result<Rc<RefCell<dyn Any>>> {
        let v = self.0.get(cx)?;
        match cx.userdata_cell(v) {
            Some((id, cell)) if id == TypeId::of::<T>() => Ok(cell),
            _ => {
                let name = cx.type_name_of::<T>();
                Err(Error::conversion(&name, "another user data type"))
            }
        }
    }

    /// True if the object holds a `T`.
    pub fn is<T: 'static>(&self, cx: &mut impl AsContext) -> bool {
        let mut cx = cx.context();
        self.cell::<T>(&mut cx).is_ok()
    }

    /// A typed reference to the object, if it holds a `T`.
    pub fn typed<T: 'static>(&self, cx: &mut impl AsContext) -> Result<UserDataRef<T>> {
        let mut cx = cx.context();
        let cell = self.cell::<T>(&mut cx)?;
        Ok(UserDataRef { cell, handle: self.0.clone(), _type: PhantomData })
    }
}

impl std::fmt::Debug for AnyUserData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "AnyUserData(slot {})", self.0.slot)
    }
}

/// A user data object known to hold a `T`; usable as a callback parameter type (scripts
/// passing anything else get `bad argument #n to 'f' (NAME expected, got T)`).
///
/// ```
/// struct Account { balance: i64 }
/// let mut engine = gscript::Engine::new();
/// engine.register_type::<Account>("Account");
/// engine.register_fn("balance", |a: gscript::UserDataRef<Account>| a.get().map(|a| a.balance)).unwrap();
/// let acct = engine.create_userdata(Account { balance: 7 });
/// engine.set_global("acct", acct).unwrap();
/// assert_eq!(engine.eval::<i64>("balance(acct)").unwrap(), 7);
/// let err = engine.run("balance({})").unwrap_err();
/// assert_eq!(err.message(), "chunk:1: bad argument #1 to 'balance' (Account expected, got table)");
/// ```
pub struct UserDataRef<T> {
    cell: Rc<RefCell<dyn Any>>,
    handle: Rc<Handle>,
    _type: PhantomData<T>,
}

impl<T> Clone for UserDataRef<T> {
    fn clone(&self) -> Self {
        UserDataRef { cell: self.cell.clone(), handle: self.handle.clone(), _type: PhantomData }
    }
}

impl<T: 'static> UserDataRef<T> {
    pub(crate) fn from_parts(cell: Rc<RefCell<dyn Any>>, handle: Rc<Handle>) -> Self {
        UserDataRef { cell, handle, _type: PhantomData }
    }

    /// Shared access to the value; fails if it is mutably borrowed (by a running method).
    pub fn get(&self) -> Result<Ref<'_, T>> {
        let b = self.cell.try_borrow().map_err(|_| Error::new("user data is already borrowed"))?;
        Ref::filter_map(b, |a| a.downcast_ref::<T>()).map_err(|_| Error::new("user data has another type"))
    }

    /// Exclusive access to the value; fails if it is borrowed.
    pub fn get_mut(&self) -> Result<RefMut<'_, T>> {
        let b = self.cell.try_borrow_mut().map_err(|_| Error::new("user data is already borrowed"))?;
        RefMut::filter_map(b, |a| a.downcast_mut::<T>()).map_err(|_| Error::new("user data has another type"))
    }

    /// The untyped handle (to pass the object back to scripts).
    pub fn to_any(&self) -> AnyUserData {
        AnyUserData(self.handle.clone())
    }
}
