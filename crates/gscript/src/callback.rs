//! Rust functions and closures as GScript builtins.
//!
//! The VM's builtins are plain `fn` pointers with a `data` slot of values. Every Rust
//! callback becomes a builtin running [`trampoline`], whose `data` holds the callback's
//! index in the engine's callback list and the address of the engine's shared state
//! (`State`). Only the engine's VM holds such builtins and the engine drops its VM before
//! its state, so the address is valid whenever the builtin can run. Scripts cannot read or
//! change a builtin's `data`.
//!
//! The typed wrappers ([`IntoCallback`], [`IntoMethod`]) convert the arguments on the VM
//! stack (which keeps them alive while the closure runs), call the closure, and push the
//! converted results. Argument conversion failures become Lua-style
//! `bad argument #N to 'NAME' (...)` errors; an `Err` result becomes a script error with
//! the caller's position.

use crate::convert::{FromValue, IntoValues, Variadic};
use crate::engine::{Context, State};
use crate::error::{Error, ErrorKind, Result};
use crate::handles::UserDataRef;
use std::rc::Rc;
use vm::function::{Args, Native, NativeKind};
use vm::object::value_as;
use vm::{RtError, Vm};

/// A type-erased callback: reads its arguments, returns its results.
pub(crate) type Callback = Rc<dyn Fn(&mut Context<'_>, Args) -> Result<Vec<vm::Value>>>;

/// Creates the builtin for callback `index` of `state`.
pub(crate) fn new_native(vm: &mut Vm, state: &Rc<State>, name: &str, index: i64) -> vm::Value {
    // Builtin names are `&'static str` in the VM; registrations are few and permanent.
    let name: &'static str = Box::leak(name.to_string().into_boxed_str());
    let state_addr = Rc::as_ptr(state) as usize as i64;
    let data = vec![vm.int(index), vm.int(state_addr)];
    vm.new_native(name, name, trampoline, NativeKind::Normal, data)
}

/// The `fn` behind every Rust callback.
fn trampoline(vm: &mut Vm, args: Args) -> std::result::Result<usize, RtError> {
    let this = vm.current.stack[args.base - 1];
    let Some(native) = value_as::<Native>(this) else {
        return Err(vm.rt_error("gscript: callback called without its builtin"));
    };
    let (Some(index), Some(addr)) = (native.data[0].as_int(), native.data[1].as_int()) else {
        return Err(vm.rt_error("gscript: malformed callback"));
    };
    let state_ptr = addr as usize as *const State;
    // SAFETY: `addr` was taken from the `Rc<State>` of the engine owning this VM (see the
    // module documentation); that engine is alive because its VM is running. Taking an
    // extra strong count gives us an owned `Rc` for the duration of the call.
    let state: Rc<State> = unsafe {
        Rc::increment_strong_count(state_ptr);
        Rc::from_raw(state_ptr)
    };
    let callback = state.callbacks.borrow().get(index as usize).cloned();
    let Some(callback) = callback else {
        return Err(vm.rt_error("gscript: unknown callback"));
    };
    let result = {
        let mut cx = Context { vm: &mut *vm, state: &state };
        callback(&mut cx, args)
    };
    match result {
        Ok(values) => vm.ret(&values),
        Err(e) => Err(raise(vm, e)),
    }
}

/// Turns a callback's error into the script error it raises.
fn raise(vm: &mut Vm, e: Error) -> RtError {
    match (e.kind(), e.arg) {
        (_, Some(n)) => vm.arg_error(n, e.message()),
        // Errors that came out of script code already carry their position.
        (ErrorKind::Runtime | ErrorKind::Interrupted | ErrorKind::BudgetExceeded, _) if e.traceback().is_some() => {
            vm.plain_error(e.message())
        }
        (ErrorKind::OutOfMemory, _) => vm.plain_error(e.message()),
        _ => vm.rt_error(e.message()),
    }
}

fn arg_error(n: usize, present: bool, e: Error) -> Error {
    let mut detail = e.message().to_string();
    if !present && detail.ends_with("got nil") {
        detail.truncate(detail.len() - 3);
        detail.push_str("no value");
    }
    let mut e = Error::with_kind(ErrorKind::Conversion, detail);
    e.arg = Some(n);
    e
}

/// A callback parameter: one argument, or (for [`Variadic`]) all remaining ones.
pub trait FromArg: Sized {
    /// Reads the parameter starting at argument `*next` (1-based) and advances `next`.
    fn from_arg(cx: &mut Context<'_>, args: Args, next: &mut usize) -> Result<Self>;
}

impl<T: FromValue> FromArg for T {
    fn from_arg(cx: &mut Context<'_>, args: Args, next: &mut usize) -> Result<Self> {
        let n = *next;
        *next += 1;
        let v = cx.vm.arg(args, n);
        T::from_value(v, cx).map_err(|e| arg_error(n, n <= args.count, e))
    }
}

impl<T: FromValue> FromArg for Variadic<T> {
    fn from_arg(cx: &mut Context<'_>, args: Args, next: &mut usize) -> Result<Self> {
        let mut out = Vec::new();
        while *next <= args.count {
            let n = *next;
            *next += 1;
            let v = cx.vm.arg(args, n);
            out.push(T::from_value(v, cx).map_err(|e| arg_error(n, true, e))?);
        }
        Ok(Variadic(out))
    }
}

/// Marker for callbacks taking only converted arguments.
pub struct Plain;
/// Marker for callbacks whose first parameter is `&mut Context`.
pub struct WithContext;

/// A Rust function or closure usable as a GScript function: `Fn(A1, …, An) -> R` or
/// `Fn(&mut Context, A1, …, An) -> R` with up to 8 parameters `Ai:` [`FromArg`] and
/// `R:` [`IntoValues`]. `M` is inferred; it only tells the two forms apart.
pub trait IntoCallback<M>: 'static {
    #[doc(hidden)]
    fn into_callback(self) -> Callback;
}

/// A Rust function or closure usable as a method of user data of type `T`:
/// `Fn(&mut T, A1, …, An) -> R` with up to 7 parameters.
pub trait IntoMethod<T, M>: 'static {
    #[doc(hidden)]
    fn into_method(self) -> Callback;
}

macro_rules! callback_impls {
    ($($a:ident),*) => {
        impl<Func, R, $($a,)*> IntoCallback<(Plain, $($a,)*)> for Func
        where
            Func: Fn($($a),*) -> R + 'static,
            R: IntoValues,
            $($a: FromArg,)*
        {
            #[allow(non_snake_case, unused_variables, unused_mut)]
            fn into_callback(self) -> Callback {
                Rc::new(move |cx: &mut Context<'_>, args: Args| {
                    let mut next = 1usize;
                    $(let $a = $a::from_arg(cx, args, &mut next)?;)*
                    (self)($($a),*).into_values(cx)
                })
            }
        }

        impl<Func, R, $($a,)*> IntoCallback<(WithContext, $($a,)*)> for Func
        where
            Func: for<'c, 'e> Fn(&'c mut Context<'e>, $($a),*) -> R + 'static,
            R: IntoValues,
            $($a: FromArg,)*
        {
            #[allow(non_snake_case, unused_variables, unused_mut)]
            fn into_callback(self) -> Callback {
                Rc::new(move |cx: &mut Context<'_>, args: Args| {
                    let mut next = 1usize;
                    $(let $a = $a::from_arg(cx, args, &mut next)?;)*
                    (self)(cx, $($a),*).into_values(cx)
                })
            }
        }

        impl<T: 'static, Func, R, $($a,)*> IntoMethod<T, ($($a,)*)> for Func
        where
            Func: for<'t> Fn(&'t mut T, $($a),*) -> R + 'static,
            R: IntoValues,
            $($a: FromArg,)*
        {
            #[allow(non_snake_case, unused_variables, unused_mut)]
            fn into_method(self) -> Callback {
                Rc::new(move |cx: &mut Context<'_>, args: Args| {
                    let mut next = 1usize;
                    let this = <UserDataRef<T> as FromArg>::from_arg(cx, args, &mut next)?;
                    $(let $a = $a::from_arg(cx, args, &mut next)?;)*
                    let r = {
                        let mut value = this.get_mut()?;
                        (self)(&mut *value, $($a),*)
                    };
                    r.into_values(cx)
                })
            }
        }
    };
}

callback_impls!();
callback_impls!(A1);
callback_impls!(A1, A2);
callback_impls!(A1, A2, A3);
callback_impls!(A1, A2, A3, A4);
callback_impls!(A1, A2, A3, A4, A5);
callback_impls!(A1, A2, A3, A4, A5, A6);
callback_impls!(A1, A2, A3, A4, A5, A6, A7);
