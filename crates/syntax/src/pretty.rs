//! Pretty-printer (in progress).
