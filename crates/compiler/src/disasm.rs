//! Bytecode disassembler (`gscript --dump-bytecode`). To be written.
