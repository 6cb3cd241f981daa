//! Words for `podium tasks`: reading an office's task list (责任分解表) into the ledger.
