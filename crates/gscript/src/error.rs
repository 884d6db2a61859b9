//! The embedding API's error type: what went wrong ([`ErrorKind`]), the message as a
//! script would see it, and the traceback captured where a runtime error was raised.

use std::fmt;

/// What kind of failure an [`Error`] reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The source text does not compile (`chunk:line: message`).
    Syntax,
    /// An error raised while running script code (or by a Rust callback).
    Runtime,
    /// A value could not be converted between GScript and Rust.
    Conversion,
    /// The script was stopped through an [`InterruptHandle`](crate::InterruptHandle).
    Interrupted,
    /// The instruction budget set by
    /// [`Engine::set_instruction_budget`](crate::Engine::set_instruction_budget) ran out.
    BudgetExceeded,
    /// The memory limit set by [`Engine::set_memory_limit`](crate::Engine::set_memory_limit)
    /// was exceeded (`not enough memory`).
    OutOfMemory,
    /// Every goroutine was blocked with no timer pending
    /// (`all goroutines are asleep - deadlock!`, spec 11.6). The run ended; the engine
    /// stays usable (the other goroutines were dropped).
    Deadlock,
}

/// An error from compiling or running GScript code, or from converting values.
///
/// `Display` shows the message only; [`Error::traceback`] gives the stack traceback of a
/// runtime error, and `{:#}` shows both.
///
/// ```
/// let mut engine = gscript::Engine::new();
/// let err = engine.run("x := 1 +").unwrap_err();
/// assert_eq!(err.kind(), gscript::ErrorKind::Syntax);
/// assert_eq!(err.to_string(), "chunk:1: unexpected symbol near <eof>");
///
/// let err = engine.run("func f() { error(\"boom\") }\nf()").unwrap_err();
/// assert_eq!(err.message(), "chunk:1: boom");
/// assert!(err.traceback().unwrap().starts_with("stack traceback:"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    traceback: Option<String>,
    /// The compile error is at end of input (more text could complete it).
    incomplete: bool,
    /// For conversion errors of callback arguments: the argument number.
    pub(crate) arg: Option<usize>,
    /// The goroutine (2, 3, ...) whose uncaught error ended the run, if not the main one.
    goroutine: Option<u64>,
}

impl Error {
    /// A runtime error with this message; return it from a Rust callback to raise a
    /// script error (the message gets the caller's `chunk:line: ` prefix).
    pub fn new(message: impl Into<String>) -> Error {
        Error { kind: ErrorKind::Runtime, message: message.into(), traceback: None, incomplete: false, arg: None, goroutine: None }
    }

    pub(crate) fn with_kind(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error { kind, message: message.into(), traceback: None, incomplete: false, arg: None, goroutine: None }
    }

    pub(crate) fn syntax(message: String, incomplete: bool) -> Error {
        Error { kind: ErrorKind::Syntax, message, traceback: None, incomplete, arg: None, goroutine: None }
    }

    /// A runtime error from the VM, classified by its message.
    pub(crate) fn runtime(message: String, traceback: Option<String>) -> Error {
        let kind = if message == "not enough memory" || message.ends_with(": not enough memory") {
            ErrorKind::OutOfMemory
        } else if message.ends_with("interrupted") {
            ErrorKind::Interrupted
        } else if message.ends_with("instruction budget exceeded") {
            ErrorKind::BudgetExceeded
        } else {
            ErrorKind::Runtime
        };
        Error { kind, message, traceback, incomplete: false, arg: None, goroutine: None }
    }

    /// A failed conversion: `EXPECTED expected, got GOT`.
    pub(crate) fn conversion(expected: &str, got: &str) -> Error {
        Error::with_kind(ErrorKind::Conversion, format!("{} expected, got {}", expected, got))
    }

    /// The error reached the top of goroutine number `id` (not the main one, spec 9.8):
    /// the whole run ended there, and the traceback header reads
    /// `stack traceback (goroutine N):`. The kind stays that of the error (a runtime
    /// error, or an interrupt or budget error raised while that goroutine ran).
    pub(crate) fn in_goroutine(mut self, id: u64) -> Error {
        self.goroutine = Some(id);
        self
    }

    /// The number of the goroutine (2, 3, ... in creation order) in which this error was
    /// raised and not caught, if it is not the main goroutine (1). Such an error ends the
    /// whole run, as in the `gscript` command (which exits with status 2), but the engine
    /// stays usable: the other goroutines are dropped without running their deferred calls.
    pub fn goroutine(&self) -> Option<u64> {
        self.goroutine
    }

    /// What kind of error this is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The message, as `pcall` would return it in a script.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The stack traceback of a runtime error (`stack traceback:\n\t...`), if captured.
    pub fn traceback(&self) -> Option<&str> {
        self.traceback.as_deref()
    }

    /// True for a syntax error at the end of the input: appending more text might make
    /// the source valid (what a REPL uses to ask for another line).
    pub fn is_incomplete(&self) -> bool {
        self.incomplete
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if f.alternate() {
            if let Some(tb) = &self.traceback {
                write!(f, "\n{}", tb)?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

/// `Result` with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
