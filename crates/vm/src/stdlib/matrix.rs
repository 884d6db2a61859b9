//! The `matrix` module (spec 12.14): dense matrices as plain tables of rows with 0-based
//! keys, and raw float accessors.

use crate::error::RtError;
use crate::function::Args;
use crate::object::{value_as, Gc};
use crate::stdlib::tablelib::raw_seti;
use crate::table::Table;
use crate::value::Value;
use crate::vm::Vm;

type R = Result<usize, RtError>;

pub fn open(vm: &mut Vm) {
    let t = vm.new_table(0, 4);
    vm.register(t, "dense", "matrix.dense", dense);
    vm.register(t, "getf", "matrix.getf", getf);
    vm.register(t, "setf", "matrix.setf", setf);
    vm.set_field(vm.globals, "matrix", Vm::table_value(t));
}

fn dense(vm: &mut Vm, a: Args) -> R {
    let rows = vm.check_int(a, 1)?;
    let cols = vm.check_int(a, 2)?;
    let cells = (rows.max(0) as u128) * (cols.max(0) as u128);
    if cells > (vm.limits.max_string as u128) || rows > i64::from(i32::MAX) || cols > i64::from(i32::MAX) {
        return Err(vm.rt_error("matrix too large"));
    }
    let m = vm.new_table(0, rows.max(0) as usize);
    for i in 0..rows.max(0) {
        let row = vm.new_table(cols.max(0) as usize, 1);
        for j in 0..cols.max(0) {
            raw_seti(vm, row, j, Value::float(0.0));
        }
        raw_seti(vm, m, i, Vm::table_value(row));
    }
    vm.ret1(Vm::table_value(m))
}

/// `rawget(m, i)` as a table (argument 1 must be a table, the row too).
fn row_of(vm: &mut Vm, a: Args) -> Result<Gc<Table>, RtError> {
    let m = vm.check_table(a, 1)?;
    let i = vm.check_any(a, 2)?;
    let row = crate::ops::raw_get(&m, i);
    match value_as::<Table>(row) {
        Some(r) => Ok(r),
        None => {
            let tn = vm.type_name_for_msg(row);
            Err(vm.rt_error(format!("bad argument #1 to 'rawget' (table expected, got {})", tn)))
        }
    }
}

fn getf(vm: &mut Vm, a: Args) -> R {
    let row = row_of(vm, a)?;
    let j = vm.check_any(a, 3)?;
    let v = crate::ops::raw_get(&row, j);
    vm.ret1(v)
}

fn setf(vm: &mut Vm, a: Args) -> R {
    let mut row = row_of(vm, a)?;
    let j = vm.check_any(a, 3)?;
    let v = vm.check_f64(a, 4)?;
    let k = vm.table_key(j)?;
    row.set(k, Value::float(v));
    Ok(0)
}
