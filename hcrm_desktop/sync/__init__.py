"""Central sync (DESIGN.md section 5, docs/sync.md): the workstation engine, the two transports and,
in `central/`, the central schema, apply logic and HTTP service. Nothing here imports Qt."""
