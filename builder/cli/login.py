"""``dockyard login [-u USER] [-p PASSWORD | --password-stdin] [SERVER]``."""

from __future__ import annotations

import sys

import click

from builder.settings import Settings


@click.command("login")
@click.argument("server", required=False, default="docker.io")
@click.option("-u", "--username", default=None, help="Username.")
@click.option("-p", "--password", default=None, help="Password (prefer --password-stdin).")
@click.option("--password-stdin", is_flag=True, help="Read the password from stdin.")
@click.pass_obj
def login(settings: Settings, server: str, username: str | None, password: str | None,
          password_stdin: bool) -> None:
    """Log in to a registry; credentials go to Docker's config.json (or its helper)."""
    from builder.errors import DockyardError
    from builder.registry.client import RegistryClient
    from builder.registry.credentials import Credentials, DockerConfig, hostname_of, server_key

    domain = hostname_of(server)
    if domain in ("index.docker.io", "registry-1.docker.io"):
        domain = "docker.io"
    if password_stdin:
        if password is not None:
            raise DockyardError("--password and --password-stdin are mutually exclusive")
        if not username:
            raise DockyardError("Must provide --username with --password-stdin")
        password = sys.stdin.read().rstrip("\r\n")
    if password is not None and not password_stdin:
        click.echo("WARNING! Using --password via the CLI is insecure. "
                   "Use --password-stdin.", err=True)
    if not username:
        username = click.prompt("Username", err=True)
    if password is None:
        password = click.prompt("Password", hide_input=True, err=True)
    if not username or not password:
        raise DockyardError("Error: Cannot perform an interactive login without a username "
                            "and password")
    creds = Credentials(username, password)
    with RegistryClient(domain, settings, creds=creds) as client:
        client.ping()
        client.auth.check_login()
    DockerConfig(settings.docker_config).store(server_key(domain), creds)
    click.echo("Login Succeeded")
