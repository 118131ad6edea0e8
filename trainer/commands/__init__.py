"""The subcommands of ``trainer``, one module per group."""
