"""``python -m builder`` runs the CLI."""

from builder.cli.entry import main

main()
