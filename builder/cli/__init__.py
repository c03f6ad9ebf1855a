"""The ``dockyard`` command line: thin click commands over the library (``app.py``), and
``entry.py``, the entry point that starts plain ``run`` commands without importing click.

This package's ``__init__`` imports nothing, so that the entry point stays cheap.
"""
