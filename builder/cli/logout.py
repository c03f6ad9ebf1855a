"""``dockyard logout [SERVER]``: forget a registry's credentials."""

from __future__ import annotations

import click

from builder.settings import Settings


@click.command("logout")
@click.argument("server", required=False, default="docker.io")
@click.pass_obj
def logout(settings: Settings, server: str) -> None:
    """Remove the credentials saved for a registry."""
    from builder.registry.credentials import DockerConfig, hostname_of, server_key

    domain = hostname_of(server)
    if domain in ("index.docker.io", "registry-1.docker.io"):
        domain = "docker.io"
    key = server_key(domain)
    if DockerConfig(settings.docker_config).erase(key):
        click.echo(f"Removing login credentials for {key}")
    else:
        click.echo(f"Not logged in to {key}")
