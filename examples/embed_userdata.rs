// User data: a Rust value owned by the engine, with methods and metamethods callable
// from scripts, and retrievable by type from Rust.
//
//     cargo run -p gscript --example embed_userdata

use gscript::{Engine, UserDataRef};

#[derive(Debug)]
struct Account {
    owner: String,
    balance: i64,
}

fn main() -> gscript::Result<()> {
    let mut engine = Engine::new();
    engine.register_type::<Account>("Account");
    engine.register_method("deposit", |a: &mut Account, amount: i64| -> Result<i64, String> {
        if amount <= 0 {
            return Err(format!("invalid amount {}", amount));
        }
        a.balance += amount;
        Ok(a.balance)
    });
    engine.register_method("balance", |a: &mut Account| a.balance);
    engine.register_method("__tostring", |a: &mut Account| format!("Account({}, {})", a.owner, a.balance));

    // A constructor callable from scripts.
    engine.register_fn("open_account", |cx: &mut gscript::Context, owner: String| {
        cx.create_userdata(Account { owner, balance: 0 })
    })?;
    // A function taking typed user data.
    engine.register_fn("owner_of", |a: UserDataRef<Account>| a.get().map(|a| a.owner.clone()))?;

    let acct = engine.create_userdata(Account { owner: "ann".into(), balance: 10 });
    engine.set_global("acct", &acct)?;
    engine.run(
        r#"
        acct:deposit(5)
        print(tostring(acct), owner_of(acct))
        bob := open_account("bob")
        bob:deposit(100)
        print(bob, bob:balance())
        ok, err := pcall(bob.deposit, bob, -1)
        print(ok, err)
        ok, err = pcall(owner_of, {})
        print(ok, err)
    "#,
    )?;
    engine.flush_output();

    // Read the Rust values back.
    let ann = acct.typed::<Account>(&mut engine)?;
    println!("ann from Rust: {:?}", *ann.get()?);
    assert_eq!(ann.get()?.balance, 15);
    let bob: UserDataRef<Account> = engine.get_global("bob")?;
    assert_eq!(bob.get()?.balance, 100);
    Ok(())
}
