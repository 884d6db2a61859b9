//! Pretty-printer (to be written).
