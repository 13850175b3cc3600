"""Use cases: take plain values, return frozen results plus a `Changes` value."""
