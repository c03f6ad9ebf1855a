"""``dockyard parse``: show how a Dockerfile is read."""

from __future__ import annotations

import sys

import click

from builder.cli.output import print_json


@click.command()
@click.option(
    "-f",
    "--file",
    "file",
    default="Dockerfile",
    show_default=True,
    help="The Dockerfile to read; - reads standard input.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "ast"]),
    default="text",
    show_default=True,
    help="text: a listing; json: machine form; ast: BuildKit's AST dump.",
)
def parse(file: str, fmt: str) -> None:
    """Parse a Dockerfile and print its instructions."""
    from builder.parser import parse as parse_text
    from builder.parser import parse_file, read_dockerfile

    df = (parse_text(read_dockerfile(sys.stdin.buffer, "-"), "-") if file == "-"
          else parse_file(file))
    if fmt == "ast":
        click.echo(df.dump())
        return
    instructions = df.instructions
    for text, line in df.warnings:
        click.echo(f"{df.filename}:{line}: warning: {text}", err=True)
    if fmt == "json":
        from builder.render import dockerfile_json

        print_json(dockerfile_json(df, instructions))
    else:
        from builder.render import dockerfile_text

        click.echo(dockerfile_text(df, instructions), nl=False)
